namespace ReefDB.Storage.Trees;

/// <summary>
/// How many slots of a leaf's key and value arrays have been written, once several leaves share those arrays
/// (see <see cref="LeafNode{TKey, TValue}.TryAppendShared"/>). Each slot is claimed by exactly one writer, so
/// a slot that a leaf reads (below its own total) is never written again.
/// </summary>
internal sealed class AppendClaim(int length)
{
    private int length = length;

    /// <summary>Claims slot <paramref name="slot"/>: true only when it is the next unwritten one and nobody claimed it before.</summary>
    internal bool TryClaim(int slot) => Interlocked.CompareExchange(ref length, slot + 1, slot) == slot;
}
