using System.Runtime.CompilerServices;

namespace ReefDB.Storage.Trees;

/// <summary>An inner node: up to <see cref="TreeShape.BranchCapacity"/> children and one separator fewer.</summary>
/// <remarks>
/// Invariant (separators): every key in <c>children[i]</c> is ≥ <c>keys[i - 1]</c> and &lt; <c>keys[i]</c>.
/// A separator may be stale (no longer equal to any key) after removals; it is still a valid bound.
/// Invariant (counts): <see cref="TreeNode{TKey, TValue}.total"/> is the sum of the children's totals.
/// Invariant: slots at and after <see cref="childCount"/> (and after the last separator) hold defaults.
/// </remarks>
internal sealed class BranchNode<TKey, TValue> : TreeNode<TKey, TValue>
{
    internal BranchNode(object? owner)
        : base(new TKey[TreeShape.BranchCapacity - 1], owner)
    {
        children = new TreeNode<TKey, TValue>[TreeShape.BranchCapacity];
    }

    private BranchNode(BranchNode<TKey, TValue> source, object? owner)
        : base(source.keys, owner)
    {
        children = (TreeNode<TKey, TValue>[])source.children.Clone();
        childCount = source.childCount;
        total = source.total;
        keysShared = true;
    }

    /// <summary>children in key order, in [0, <see cref="childCount"/>).</summary>
    internal readonly TreeNode<TKey, TValue>[] children;

    /// <summary>Number of children; separators are in keys[0, childCount - 1).</summary>
    internal int childCount;

    /// <summary>
    /// True while <see cref="TreeNode{TKey, TValue}.keys"/> is the array of the branch this one was copied from.
    /// Most edits replace one child and leave the separators alone, so a copy shares them (half of a branch's
    /// bytes) and takes its own array only before it changes one (<see cref="OwnKeys"/>).
    /// </summary>
    private bool keysShared;

    /// <summary>
    /// This branch if <paramref name="token"/> owns it, else a copy owned by <paramref name="token"/> whose children
    /// may be replaced at once; call <see cref="OwnKeys"/> before changing its separators or its child count.
    /// </summary>
    internal BranchNode<TKey, TValue> Writable(object? token) => IsOwnedBy(token) ? this : new BranchNode<TKey, TValue>(this, token);

    /// <summary>Gives this (writable) branch a separator array of its own, so that changing it leaves every other branch as it was.</summary>
    internal void OwnKeys()
    {
        if (keysShared)
        {
            keys = (TKey[])keys.Clone();
            keysShared = false;
        }
    }

    /// <summary>Entries in children [0, <paramref name="childIndex"/>): the rank of the first entry of that child.</summary>
    internal int EntriesBefore(int childIndex)
    {
        int sum = 0;
        var nodes = children;
        for (int i = 0; i < childIndex; i++)
        {
            sum += nodes[i].total;
        }

        return sum;
    }

    /// <summary>Recomputes <see cref="TreeNode{TKey, TValue}.total"/> from the children.</summary>
    internal void RecountTotal() => total = EntriesBefore(childCount);

    /// <summary>Drops children from <paramref name="newCount"/> on (and their separators), clearing slots.</summary>
    internal void Truncate(int newCount)
    {
        OwnKeys();
        int old = childCount;
        childCount = newCount;
        Array.Clear(children, newCount, old - newCount);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
        {
            Array.Clear(keys, newCount - 1, old - newCount);
        }
    }
}
