using System.Runtime.CompilerServices;

namespace ReefDB.Storage.Trees;

/// <summary>An inner node: up to <see cref="TreeShape.BranchCapacity"/> children and one separator fewer.</summary>
/// <remarks>
/// Invariant (separators): every key in <c>Children[i]</c> is ≥ <c>Keys[i - 1]</c> and &lt; <c>Keys[i]</c>.
/// A separator may be stale (no longer equal to any key) after removals; it is still a valid bound.
/// Invariant (counts): <see cref="TreeNode{TKey, TValue}.Total"/> is the sum of the children's totals.
/// Invariant: slots at and after <see cref="ChildCount"/> (and after the last separator) hold defaults.
/// </remarks>
internal sealed class BranchNode<TKey, TValue> : TreeNode<TKey, TValue>
{
    internal BranchNode(object? owner)
        : base(new TKey[TreeShape.BranchCapacity - 1], owner)
    {
        Children = new TreeNode<TKey, TValue>[TreeShape.BranchCapacity];
    }

    private BranchNode(BranchNode<TKey, TValue> source, object? owner)
        : base((TKey[])source.Keys.Clone(), owner)
    {
        Children = (TreeNode<TKey, TValue>[])source.Children.Clone();
        ChildCount = source.ChildCount;
        Total = source.Total;
    }

    /// <summary>Children in key order, in [0, <see cref="ChildCount"/>).</summary>
    internal readonly TreeNode<TKey, TValue>[] Children;

    /// <summary>Number of children; separators are in Keys[0, ChildCount - 1).</summary>
    internal int ChildCount;

    /// <summary>This branch if <paramref name="token"/> owns it, else a copy owned by <paramref name="token"/>.</summary>
    internal BranchNode<TKey, TValue> Writable(object? token) => IsOwnedBy(token) ? this : new BranchNode<TKey, TValue>(this, token);

    /// <summary>Entries in children [0, <paramref name="childIndex"/>): the rank of the first entry of that child.</summary>
    internal int EntriesBefore(int childIndex)
    {
        int sum = 0;
        var children = Children;
        for (int i = 0; i < childIndex; i++)
        {
            sum += children[i].Total;
        }

        return sum;
    }

    /// <summary>Recomputes <see cref="TreeNode{TKey, TValue}.Total"/> from the children.</summary>
    internal void RecountTotal() => Total = EntriesBefore(ChildCount);

    /// <summary>Drops children from <paramref name="childCount"/> on (and their separators), clearing slots.</summary>
    internal void Truncate(int childCount)
    {
        int old = ChildCount;
        ChildCount = childCount;
        Array.Clear(Children, childCount, old - childCount);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
        {
            Array.Clear(Keys, childCount - 1, old - childCount);
        }
    }
}
