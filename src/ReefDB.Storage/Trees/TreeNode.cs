namespace ReefDB.Storage.Trees;

/// <summary>A node of a <see cref="PersistentTree{TKey, TValue}"/>: a <see cref="LeafNode{TKey, TValue}"/> or a <see cref="BranchNode{TKey, TValue}"/>.</summary>
/// <remarks>
/// Invariant (immutability): a node is mutated in place only by the builder whose edit token is
/// <see cref="owner"/>, and only until that builder's next <c>ToImmutable</c>, which replaces its token.
/// Nodes with a null owner (persistent edits, bulk load) are never mutated. So every node reachable
/// from a published <see cref="PersistentTree{TKey, TValue}"/> is frozen.
/// </remarks>
internal abstract class TreeNode<TKey, TValue>
{
    protected TreeNode(TKey[] keys, object? owner)
    {
        this.keys = keys;
        this.owner = owner;
    }

    /// <summary>Leaf: entry keys in [0, total), strictly ascending. Branch: separators in [0, childCount - 1).</summary>
    /// <remarks>Not readonly only so that a branch can trade a shared separator array for its own copy (see <see cref="BranchNode{TKey, TValue}.OwnKeys"/>).</remarks>
    internal TKey[] keys;

    /// <summary>The edit token of the builder allowed to mutate this node in place; null when frozen from birth.</summary>
    internal readonly object? owner;

    /// <summary>Number of entries in this subtree (for a leaf: its own entries). Gives O(1) counts and O(log n) ranks.</summary>
    internal int total;

    /// <summary>True when the node may be changed in place by the holder of <paramref name="token"/>.</summary>
    internal bool IsOwnedBy(object? token) => token is not null && ReferenceEquals(owner, token);
}
