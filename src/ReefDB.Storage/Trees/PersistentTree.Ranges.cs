using System.Collections;

namespace ReefDB.Storage.Trees;

public sealed partial class PersistentTree<TKey, TValue>
{
    /// <summary>All entries in descending key order.</summary>
    public RangeEnumerable Reverse() => new(this, default, default, descending: true);

    /// <summary>
    /// The entries between <paramref name="lower"/> and <paramref name="upper"/>, in ascending or descending
    /// key order. Starting costs one seek per bounded side (O(log n)); each further entry O(1), with no key
    /// comparisons. A range whose lower bound lies above its upper bound is empty.
    /// </summary>
    public RangeEnumerable Range(KeyBound<TKey> lower, KeyBound<TKey> upper, bool descending = false) => new(this, lower, upper, descending);

    /// <summary>Number of entries between the bounds, in O(log n) (two rank descents, no enumeration).</summary>
    public int CountRange(KeyBound<TKey> lower, KeyBound<TKey> upper) => CountIn(root, Comparer, lower, upper);

    private static int CountIn(TreeNode<TKey, TValue>? root, IComparer<TKey> comparer, KeyBound<TKey> lower, KeyBound<TKey> upper)
    {
        if (root is null)
        {
            return 0;
        }

        int low = lower.IsUnbounded ? 0 : Cursor.RankOf(root, lower.Key, after: lower.Kind == BoundKind.Exclusive, comparer);
        int high = upper.IsUnbounded ? root.total : Cursor.RankOf(root, upper.Key, after: upper.Kind == BoundKind.Inclusive, comparer);
        return Math.Max(0, high - low);
    }

    /// <summary>The entry with the smallest key.</summary>
    /// <exception cref="InvalidOperationException">The tree is empty.</exception>
    public KeyValuePair<TKey, TValue> First => TryGetFirst(out var entry) ? entry : throw new InvalidOperationException("The tree is empty.");

    /// <summary>The entry with the largest key.</summary>
    /// <exception cref="InvalidOperationException">The tree is empty.</exception>
    public KeyValuePair<TKey, TValue> Last => TryGetLast(out var entry) ? entry : throw new InvalidOperationException("The tree is empty.");

    /// <summary>The entry with the smallest key, unless the tree is empty.</summary>
    public bool TryGetFirst(out KeyValuePair<TKey, TValue> entry) => TryGetAt(0, out entry);

    /// <summary>The entry with the largest key, unless the tree is empty.</summary>
    public bool TryGetLast(out KeyValuePair<TKey, TValue> entry) => TryGetAt(Count - 1, out entry);

    /// <summary>The entry at position <paramref name="index"/> in key order, in O(log n) (OFFSET without scanning).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public KeyValuePair<TKey, TValue> ElementAt(int index) =>
        TryGetAt(index, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the tree.");

    private bool TryGetAt(int index, out KeyValuePair<TKey, TValue> entry)
    {
        var node = root;
        if (node is null || (uint)index >= (uint)node.total)
        {
            entry = default;
            return false;
        }

        while (node is BranchNode<TKey, TValue> branch)
        {
            int i = 0;
            while (index >= branch.children[i].total)
            {
                index -= branch.children[i].total;
                i++;
            }

            node = branch.children[i];
        }

        entry = new(node.keys[index], ((LeafNode<TKey, TValue>)node).values[index]);
        return true;
    }

    /// <summary>A key range of a tree or builder, to enumerate with <c>foreach</c> (struct cursor) or LINQ (boxed).</summary>
    public readonly struct RangeEnumerable : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private readonly PersistentTree<TKey, TValue>? tree;
        private readonly Builder? builder;
        private readonly KeyBound<TKey> lower;
        private readonly KeyBound<TKey> upper;
        private readonly bool descending;

        internal RangeEnumerable(PersistentTree<TKey, TValue> tree, KeyBound<TKey> lower, KeyBound<TKey> upper, bool descending)
        {
            this.tree = tree;
            this.lower = lower;
            this.upper = upper;
            this.descending = descending;
        }

        internal RangeEnumerable(Builder builder, KeyBound<TKey> lower, KeyBound<TKey> upper, bool descending)
        {
            this.builder = builder;
            this.lower = lower;
            this.upper = upper;
            this.descending = descending;
        }

        /// <summary>A cursor positioned before the first entry of the range (in the range's direction).</summary>
        /// <remarks>A builder's range is read from the builder's content at this call.</remarks>
        public Cursor GetEnumerator() => builder is null
            ? Cursor.Over(tree?.root, tree?.Comparer ?? Comparer<TKey>.Default, lower, upper, descending)
            : Cursor.Over(builder.Root, builder.Comparer, lower, upper, descending, builder);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
