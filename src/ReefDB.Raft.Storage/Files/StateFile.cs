using ReefDB.Raft.Configuration;

namespace ReefDB.Raft.Storage.Files;

/// <summary>
/// The <c>state</c> file: the hard state (term, vote, commit) and the base membership (the bootstrap one, or the
/// newest snapshot's), sealed with a CRC32C and replaced atomically on every change. Since it is never written in
/// place, a checksum failure is real damage, not a torn write.
/// </summary>
internal static class StateFile
{
    public const string Name = "state";
    private const uint Magic = 0x53484652; // "RFHS"
    private const uint Version = 1;

    public static void Write(DurableFile files, string directory, HardState state, Membership membership)
    {
        var output = new List<byte>(64);
        BinaryCodec.WriteU32(output, Magic);
        BinaryCodec.WriteU32(output, Version);
        BinaryCodec.WriteU64(output, state.Term);
        BinaryCodec.WriteU64(output, state.Vote);
        BinaryCodec.WriteU64(output, state.Commit);
        BinaryCodec.WriteMembership(output, membership);
        files.WriteAtomically(Path.Combine(directory, Name), BinaryCodec.Seal(output));
    }

    /// <summary>The stored state, or null when the directory has none yet.</summary>
    public static (HardState State, Membership Membership)? Read(string directory)
    {
        var path = Path.Combine(directory, Name);
        if (!File.Exists(path))
        {
            return null;
        }

        var reader = new BinaryCodec.Reader(path, File.ReadAllBytes(path), Magic);
        var version = reader.ReadU32();
        if (version != Version)
        {
            throw new RaftStorageCorruptionException(path, 4, $"unknown state file version {version}");
        }

        var state = new HardState(reader.ReadU64(), reader.ReadU64(), reader.ReadU64());
        return (state, reader.ReadMembership());
    }
}
