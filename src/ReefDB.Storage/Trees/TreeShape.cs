namespace ReefDB.Storage.Trees;

/// <summary>
/// Node capacities of <see cref="PersistentTree{TKey, TValue}"/>. Constants, so the JIT can fold them.
/// </summary>
/// <remarks>
/// Leaves hold entries as two parallel arrays (keys, values): no per-entry object. 64 was chosen by
/// benchmark (see OVERVIEW.md): smaller leaves deepen the tree and cost more nodes; larger ones make
/// every copy-on-write of a leaf (one per persistent edit) and every in-leaf shift more expensive.
/// </remarks>
internal static class TreeShape
{
    /// <summary>Maximum number of entries in a leaf.</summary>
    internal const int LeafCapacity = 64;

    /// <summary>Maximum number of children of a branch (it then holds one separator fewer).</summary>
    internal const int BranchCapacity = 64;

    /// <summary>
    /// A leaf below this size is merged with or refilled from a sibling after a removal. Exception:
    /// the leftmost and rightmost leaves may hold fewer (down to one entry), because sequential inserts
    /// split them unevenly to keep the tree full (see <see cref="TreeEditor{TKey, TValue}"/>).
    /// </summary>
    internal const int MinLeaf = LeafCapacity / 2;

    /// <summary>Every branch but the root has at least this many children; the root has at least two.</summary>
    internal const int MinBranch = BranchCapacity / 2;

    /// <summary>
    /// Upper bound on the number of branches from root to leaf. With at least 32 children per non-root
    /// branch and at least 2 at the root, 2^31 entries need fewer than 8 levels; 16 is a safe bound that
    /// lets cursors keep their path inline instead of allocating it.
    /// </summary>
    internal const int MaxBranchDepth = 16;
}
