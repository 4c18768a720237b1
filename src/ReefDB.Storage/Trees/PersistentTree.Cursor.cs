using System.Collections;

namespace ReefDB.Storage.Trees;

public sealed partial class PersistentTree<TKey, TValue>
{
    /// <summary>
    /// A forward or backward cursor over a key range of one tree version. A struct: it keeps its
    /// root-to-leaf path inline and allocates nothing. It stops after a precomputed number of entries,
    /// so stepping compares no keys.
    /// </summary>
    /// <remarks>The tree it reads is immutable, so a cursor stays valid whatever is done to later versions.</remarks>
    public struct Cursor : IEnumerator<KeyValuePair<TKey, TValue>>
    {
        private BranchPath<TKey, TValue> branches;
        private ChildIndexPath childIndexes;
        private int depth;
        private LeafNode<TKey, TValue>? leaf;

        // Forward: the next entry is leaf[next] (or the next leaf's first when next == leaf.total).
        // Backward: the next entry is leaf[next - 1] (or the previous leaf's last when next == 0).
        private int next;
        private int current;
        private int remaining;
        private bool descending;

        // Set when reading a builder in place: its edit version must not move while the cursor is used.
        private Builder? source;
        private int sourceVersion;

        /// <summary>The entry the cursor is on; valid after <see cref="MoveNext"/> returned true.</summary>
        public readonly KeyValuePair<TKey, TValue> Current => new(leaf!.keys[current], leaf.values[current]);

        /// <summary>The key of <see cref="Current"/>.</summary>
        public readonly TKey CurrentKey => leaf!.keys[current];

        /// <summary>The value of <see cref="Current"/>.</summary>
        public readonly TValue CurrentValue => leaf!.values[current];

        /// <summary>Entries still ahead of the cursor.</summary>
        public readonly int Remaining => remaining;

        readonly object IEnumerator.Current => Current;

        /// <summary>Steps to the next entry of the range; false once it is exhausted.</summary>
        public bool MoveNext()
        {
            if (remaining == 0)
            {
                return false;
            }

            if (source is not null && source.Version != sourceVersion)
            {
                throw new InvalidOperationException("The builder was edited while a cursor over it was in use.");
            }

            remaining--;
            if (descending)
            {
                if (next == 0)
                {
                    StepLeaf(forward: false);
                }

                current = --next;
            }
            else
            {
                if (next == leaf!.total)
                {
                    StepLeaf(forward: true);
                }

                current = next++;
            }

            return true;
        }

        /// <summary>Not supported: create a new cursor instead.</summary>
        public readonly void Reset() => throw new NotSupportedException("Create a new cursor to restart.");

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }

        internal static Cursor Over(
            TreeNode<TKey, TValue>? root, IComparer<TKey> comparer, KeyBound<TKey> lower, KeyBound<TKey> upper, bool descending, Builder? source = null)
        {
            var cursor = default(Cursor);
            cursor.descending = descending;
            cursor.source = source;
            cursor.sourceVersion = source?.Version ?? 0;
            if (root is null)
            {
                return cursor;
            }

            int low;
            int high;
            if (descending)
            {
                high = upper.IsUnbounded
                    ? cursor.SeekEdge(root, last: true)
                    : cursor.SeekKey(root, upper.Key, after: upper.Kind == BoundKind.Inclusive, comparer);
                low = lower.IsUnbounded ? 0 : RankOf(root, lower.Key, after: lower.Kind == BoundKind.Exclusive, comparer);
            }
            else
            {
                low = lower.IsUnbounded
                    ? cursor.SeekEdge(root, last: false)
                    : cursor.SeekKey(root, lower.Key, after: lower.Kind == BoundKind.Exclusive, comparer);
                high = upper.IsUnbounded ? root.total : RankOf(root, upper.Key, after: upper.Kind == BoundKind.Inclusive, comparer);
            }

            cursor.remaining = Math.Max(0, high - low);
            return cursor;
        }

        /// <summary>The number of entries with keys below <paramref name="key"/> (or at most <paramref name="key"/> when <paramref name="after"/>).</summary>
        internal static int RankOf(TreeNode<TKey, TValue> node, TKey key, bool after, IComparer<TKey> comparer)
        {
            int rank = 0;
            while (node is BranchNode<TKey, TValue> branch)
            {
                int i = KeySearch.ChildIndex(branch, key, comparer);
                rank += branch.EntriesBefore(i);
                node = branch.children[i];
            }

            return rank + KeySearch.Bound(node.keys, node.total, key, after, comparer);
        }

        /// <summary>Positions at the first key ≥ <paramref name="key"/> (&gt; when <paramref name="after"/>); returns that position's rank.</summary>
        private int SeekKey(TreeNode<TKey, TValue> node, TKey key, bool after, IComparer<TKey> comparer)
        {
            int rank = 0;
            depth = 0;
            while (node is BranchNode<TKey, TValue> branch)
            {
                int i = KeySearch.ChildIndex(branch, key, comparer);
                rank += branch.EntriesBefore(i);
                Push(branch, i);
                node = branch.children[i];
            }

            leaf = (LeafNode<TKey, TValue>)node;
            next = KeySearch.Bound(leaf.keys, leaf.total, key, after, comparer);
            return rank + next;
        }

        /// <summary>Positions before the first entry, or (when <paramref name="last"/>) after the last; returns that rank.</summary>
        private int SeekEdge(TreeNode<TKey, TValue> root, bool last)
        {
            depth = 0;
            Descend(root, last);
            return last ? root.total : 0;
        }

        private void Descend(TreeNode<TKey, TValue> node, bool last)
        {
            while (node is BranchNode<TKey, TValue> branch)
            {
                int i = last ? branch.childCount - 1 : 0;
                Push(branch, i);
                node = branch.children[i];
            }

            leaf = (LeafNode<TKey, TValue>)node;
            next = last ? leaf.total : 0;
        }

        private void Push(BranchNode<TKey, TValue> branch, int childIndex)
        {
            branches[depth] = branch;
            childIndexes[depth] = childIndex;
            depth++;
        }

        /// <summary>Moves to the adjacent leaf. The remaining count guarantees there is one.</summary>
        private void StepLeaf(bool forward)
        {
            int level = depth - 1;
            while (forward ? childIndexes[level] + 1 == branches[level].childCount : childIndexes[level] == 0)
            {
                level--;
            }

            int i = childIndexes[level] + (forward ? 1 : -1);
            var branch = branches[level];
            depth = level;
            Push(branch, i);
            Descend(branch.children[i], last: !forward);
        }
    }
}
