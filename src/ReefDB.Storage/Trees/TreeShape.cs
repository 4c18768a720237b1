namespace ReefDB.Storage.Trees;

/// <summary>
/// Node capacities of <see cref="PersistentTree{TKey, TValue}"/>. Constants, so the JIT can fold them.
/// </summary>
/// <remarks>
/// Leaves hold entries as two parallel arrays (keys, values): no per-entry object. Chosen by measuring
/// 32/64/128-entry leaves against 32/64-child branches (see OVERVIEW.md): lookups were alike; bytes
/// copied per single edit grow with both sizes (one leaf and one branch per level are copied), while
/// small leaves mean more nodes and more leaf hops in scans. 64-entry leaves under 32-child branches
/// keep scans and memory of large leaves and cut a single edit's copy by ~20 % against 64/64.
/// </remarks>
internal static class TreeShape
{
    /// <summary>Maximum number of entries in a leaf.</summary>
    internal const int LeafCapacity = 64;

    /// <summary>Maximum number of children of a branch (it then holds one separator fewer).</summary>
    internal const int BranchCapacity = 32;

    /// <summary>
    /// A leaf below this size is merged with or refilled from a sibling after a removal. Exception:
    /// the leftmost and rightmost leaves may hold fewer (down to one entry), because sequential inserts
    /// split them unevenly to keep the tree full (see <see cref="TreeEditor{TKey, TValue}"/>).
    /// </summary>
    internal const int MinLeaf = LeafCapacity / 2;

    /// <summary>Every branch but the root has at least this many children; the root has at least two.</summary>
    internal const int MinBranch = BranchCapacity / 2;

    /// <summary>
    /// Upper bound on the number of branches from root to leaf. Non-edge leaves hold at least 32 entries,
    /// non-root branches at least 16 children and the root at least 2, so 2^31 entries need at most 8
    /// levels; 16 is a safe bound that lets cursors keep their path inline instead of allocating it.
    /// </summary>
    internal const int MaxBranchDepth = 16;
}
