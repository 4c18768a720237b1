namespace ReefDB.Storage.Trees;

/// <summary>What an insertion did.</summary>
internal enum InsertOutcome : byte
{
    /// <summary>The key was present and the insertion was add-only: nothing changed, nothing was copied.</summary>
    Unchanged,

    /// <summary>The key was present and its value was replaced.</summary>
    Replaced,

    /// <summary>A new entry was added.</summary>
    Added,
}

/// <summary>
/// The copy-on-write edit algorithms shared by persistent edits (token null: every touched node is
/// copied) and builders (token = the builder's edit token: nodes it owns are changed in place).
/// </summary>
/// <remarks>
/// Edits recurse from the root and copy on the way back up, so a failed add or a missing key copies
/// nothing and returns the original root.
/// Sequential inserts: when a key is appended past the end of the rightmost leaf (or before the start
/// of the leftmost one), the full leaf is split unevenly, the new leaf taking only the new entry. Ascending
/// (or descending) bulk inserts thus leave every leaf full instead of half full, which halves their memory.
/// Branches always split evenly, so every non-root branch keeps at least <see cref="TreeShape.MinBranch"/> children.
/// </remarks>
internal static partial class TreeEditor<TKey, TValue>
{
    /// <summary>Inserts or (when <paramref name="overwrite"/>) replaces; returns the new root.</summary>
    internal static TreeNode<TKey, TValue> Insert(
        TreeNode<TKey, TValue>? root, TKey key, TValue value, IComparer<TKey> comparer, object? token, bool overwrite, out InsertOutcome outcome)
    {
        if (root is null)
        {
            var leaf = new LeafNode<TKey, TValue>(token);
            leaf.InsertAt(0, key, value);
            outcome = InsertOutcome.Added;
            return leaf;
        }

        var op = new Insertion(key, value, comparer, token, overwrite);
        var node = InsertInto(root, leftEdge: true, rightEdge: true, ref op);
        outcome = op.outcome;
        if (op.splitRight is null)
        {
            return node;
        }

        var newRoot = new BranchNode<TKey, TValue>(token);
        newRoot.children[0] = node;
        newRoot.children[1] = op.splitRight;
        newRoot.keys[0] = op.splitKey;
        newRoot.childCount = 2;
        newRoot.total = node.total + op.splitRight.total;
        return newRoot;
    }

    private static TreeNode<TKey, TValue> InsertInto(TreeNode<TKey, TValue> node, bool leftEdge, bool rightEdge, ref Insertion op)
    {
        if (node is LeafNode<TKey, TValue> leaf)
        {
            return InsertIntoLeaf(leaf, leftEdge, rightEdge, ref op);
        }

        var branch = (BranchNode<TKey, TValue>)node;
        int i = KeySearch.ChildIndex(branch, op.key, op.comparer);
        var child = InsertInto(branch.children[i], leftEdge && i == 0, rightEdge && i == branch.childCount - 1, ref op);
        if (op.outcome == InsertOutcome.Unchanged)
        {
            return branch;
        }

        var writable = branch.Writable(op.token);
        writable.children[i] = child;
        if (op.outcome == InsertOutcome.Added)
        {
            writable.total++;
        }

        if (op.splitRight is not { } right)
        {
            return writable;
        }

        op.splitRight = null;
        InsertChild(writable, i + 1, op.splitKey, right, ref op);
        return writable;
    }

    private static LeafNode<TKey, TValue> InsertIntoLeaf(LeafNode<TKey, TValue> leaf, bool leftEdge, bool rightEdge, ref Insertion op)
    {
        int pos = KeySearch.Find(leaf.keys, leaf.total, op.key, op.comparer);
        if (pos >= 0)
        {
            if (!op.overwrite)
            {
                op.outcome = InsertOutcome.Unchanged;
                return leaf;
            }

            // The key is replaced too: equal under the comparer, but the caller's object may hold less
            // (the engine's keys can share a row array, and a stale one would keep the old row alive).
            var replaced = leaf.Writable(op.token);
            replaced.keys[pos] = op.key;
            replaced.values[pos] = op.value;
            op.outcome = InsertOutcome.Replaced;
            return replaced;
        }

        pos = ~pos;
        op.outcome = InsertOutcome.Added;
        const int full = TreeShape.LeafCapacity;
        if (leaf.total < full)
        {
            // An entry after the last one goes into the leaf's next free slot without copying the leaf
            // (a leaf this editor owns outright is grown in place below, which is cheaper still).
            if (pos == leaf.total && !(leaf.IsOwnedBy(op.token) && leaf.claim is null)
                && leaf.TryAppendShared(op.key, op.value, op.token) is { } appended)
            {
                return appended;
            }

            var grown = leaf.Writable(op.token);
            grown.InsertAt(pos, op.key, op.value);
            return grown;
        }

        // Split: of the Capacity + 1 entries, the first leftCount stay left.
        int leftCount = rightEdge && pos == full ? full : leftEdge && pos == 0 ? 1 : (full + 1) / 2;
        var right = new LeafNode<TKey, TValue>(op.token);
        if (leftCount == full)
        {
            // Appending past the rightmost full leaf leaves that leaf as it is, so it is not copied.
            right.InsertAt(0, op.key, op.value);
            op.splitRight = right;
            op.splitKey = op.key;
            return leaf;
        }

        if (leftCount == 1)
        {
            // The mirror case: a key before the leftmost full leaf gets a leaf of its own.
            right.InsertAt(0, op.key, op.value);
            op.splitRight = leaf;
            op.splitKey = leaf.keys[0];
            return right;
        }

        var left = leaf.Writable(op.token);
        if (pos < leftCount)
        {
            right.AppendFrom(left, leftCount - 1, full - (leftCount - 1));
            left.Truncate(leftCount - 1);
            left.InsertAt(pos, op.key, op.value);
        }
        else
        {
            right.AppendFrom(left, leftCount, full - leftCount);
            right.InsertAt(pos - leftCount, op.key, op.value);
            left.Truncate(leftCount);
        }

        op.splitRight = right;
        op.splitKey = right.keys[0];
        return left;
    }

    /// <summary>Inserts <paramref name="child"/> at <paramref name="index"/> (its separator at index - 1), splitting evenly when full.</summary>
    private static void InsertChild(BranchNode<TKey, TValue> branch, int index, TKey separator, TreeNode<TKey, TValue> child, ref Insertion op)
    {
        branch.OwnKeys();
        int count = branch.childCount;
        if (count < TreeShape.BranchCapacity)
        {
            Array.Copy(branch.children, index, branch.children, index + 1, count - index);
            Array.Copy(branch.keys, index - 1, branch.keys, index, count - index);
            branch.children[index] = child;
            branch.keys[index - 1] = separator;
            branch.childCount = count + 1;
            return;
        }

        // Branch splits are rare (one per ~BranchCapacity/2 leaf splits), so clarity beats avoiding the scratch arrays.
        var children = new TreeNode<TKey, TValue>[count + 1];
        var keys = new TKey[count];
        Array.Copy(branch.children, 0, children, 0, index);
        children[index] = child;
        Array.Copy(branch.children, index, children, index + 1, count - index);
        Array.Copy(branch.keys, 0, keys, 0, index - 1);
        keys[index - 1] = separator;
        Array.Copy(branch.keys, index - 1, keys, index, count - index);

        int leftCount = (count + 1) / 2;
        var right = new BranchNode<TKey, TValue>(op.token);
        int rightCount = count + 1 - leftCount;
        Array.Copy(children, leftCount, right.children, 0, rightCount);
        Array.Copy(keys, leftCount, right.keys, 0, rightCount - 1);
        right.childCount = rightCount;
        right.RecountTotal();

        Array.Copy(children, 0, branch.children, 0, leftCount);
        Array.Copy(keys, 0, branch.keys, 0, leftCount - 1);
        branch.Truncate(leftCount);
        branch.RecountTotal();

        op.splitRight = right;
        op.splitKey = keys[leftCount - 1];
    }

    private struct Insertion(TKey key, TValue value, IComparer<TKey> comparer, object? token, bool overwrite)
    {
        internal readonly TKey key = key;
        internal readonly TValue value = value;
        internal readonly IComparer<TKey> comparer = comparer;
        internal readonly object? token = token;
        internal readonly bool overwrite = overwrite;
        internal InsertOutcome outcome;

        /// <summary>Set when the node just returned split: the new right sibling and its separator.</summary>
        internal TreeNode<TKey, TValue>? splitRight;
        internal TKey splitKey = default!;
    }
}
