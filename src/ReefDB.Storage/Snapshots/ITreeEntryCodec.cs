namespace ReefDB.Storage.Snapshots;

/// <summary>
/// Encodes one tree entry to bytes and back; supplied by the owner of the key and value types
/// (the SQL engine knows rows, this project does not).
/// </summary>
/// <typeparam name="TKey">The tree's key type.</typeparam>
/// <typeparam name="TValue">The tree's value type.</typeparam>
/// <remarks>
/// Contract: <see cref="Read"/> consumes exactly the bytes <see cref="Write"/> produced for the entry and
/// returns an equal entry. Encodings outlive binaries (snapshots are restored by newer versions), so the
/// codec owns the versioning of its own format.
/// </remarks>
public interface ITreeEntryCodec<TKey, TValue>
{
    /// <summary>Writes one entry.</summary>
    void Write(BinaryWriter writer, TKey key, TValue value);

    /// <summary>Reads one entry written by <see cref="Write"/>.</summary>
    KeyValuePair<TKey, TValue> Read(BinaryReader reader);
}
