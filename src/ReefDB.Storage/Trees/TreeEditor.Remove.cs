using System.Diagnostics.CodeAnalysis;

namespace ReefDB.Storage.Trees;

internal static partial class TreeEditor<TKey, TValue>
{
    /// <summary>Removes <paramref name="key"/>; returns the new root (null when the tree became empty), or <paramref name="root"/> itself when absent.</summary>
    internal static TreeNode<TKey, TValue>? Remove(
        TreeNode<TKey, TValue>? root, TKey key, IComparer<TKey> comparer, object? token, out bool removed, [MaybeNullWhen(false)] out TValue removedValue)
    {
        removed = false;
        removedValue = default!;
        if (root is null)
        {
            return null;
        }

        var op = new Removal(key, comparer, token);
        var node = RemoveFrom(root, ref op);
        if (!op.found)
        {
            return root;
        }

        removed = true;
        removedValue = op.value!;
        if (node is BranchNode<TKey, TValue> { childCount: 1 } onlyChild)
        {
            return onlyChild.children[0];
        }

        return node.total == 0 ? null : node;
    }

    private static TreeNode<TKey, TValue> RemoveFrom(TreeNode<TKey, TValue> node, ref Removal op)
    {
        if (node is LeafNode<TKey, TValue> leaf)
        {
            int pos = KeySearch.Find(leaf.keys, leaf.total, op.key, op.comparer);
            if (pos < 0)
            {
                return leaf;
            }

            op.found = true;
            op.value = leaf.values[pos];
            var writableLeaf = leaf.Writable(op.token);
            writableLeaf.RemoveAt(pos);
            return writableLeaf;
        }

        var branch = (BranchNode<TKey, TValue>)node;
        int i = KeySearch.ChildIndex(branch, op.key, op.comparer);
        var child = RemoveFrom(branch.children[i], ref op);
        if (!op.found)
        {
            return branch;
        }

        var writable = branch.Writable(op.token);
        writable.children[i] = child;
        writable.total--;
        if (IsUnderfull(child))
        {
            Rebalance(writable, i + 1 < writable.childCount ? i : i - 1, op.token);
        }

        return writable;
    }

    private static bool IsUnderfull(TreeNode<TKey, TValue> node) => node is BranchNode<TKey, TValue> branch
        ? branch.childCount < TreeShape.MinBranch
        : node.total < TreeShape.MinLeaf;

    /// <summary>Merges children <paramref name="left"/> and left + 1 of <paramref name="parent"/> when they fit in one node, else shares their entries evenly.</summary>
    private static void Rebalance(BranchNode<TKey, TValue> parent, int left, object? token)
    {
        parent.OwnKeys();
        if (parent.children[left] is LeafNode<TKey, TValue> leftLeaf)
        {
            RebalanceLeaves(parent, left, leftLeaf.Writable(token), (LeafNode<TKey, TValue>)parent.children[left + 1], token);
        }
        else
        {
            RebalanceBranches(parent, left, ((BranchNode<TKey, TValue>)parent.children[left]).Writable(token), (BranchNode<TKey, TValue>)parent.children[left + 1], token);
        }
    }

    private static void RebalanceLeaves(BranchNode<TKey, TValue> parent, int left, LeafNode<TKey, TValue> l, LeafNode<TKey, TValue> r, object? token)
    {
        parent.children[left] = l;
        int total = l.total + r.total;
        if (total <= TreeShape.LeafCapacity)
        {
            l.AppendFrom(r, 0, r.total);
            RemoveChild(parent, left + 1);
            return;
        }

        r = r.Writable(token);
        parent.children[left + 1] = r;
        int target = total / 2;
        if (l.total < target)
        {
            int move = target - l.total;
            l.AppendFrom(r, 0, move);
            Array.Copy(r.keys, move, r.keys, 0, r.total - move);
            Array.Copy(r.values, move, r.values, 0, r.total - move);
            r.Truncate(r.total - move);
        }
        else if (l.total > target)
        {
            int move = l.total - target;
            Array.Copy(r.keys, 0, r.keys, move, r.total);
            Array.Copy(r.values, 0, r.values, move, r.total);
            Array.Copy(l.keys, target, r.keys, 0, move);
            Array.Copy(l.values, target, r.values, 0, move);
            r.total += move;
            l.Truncate(target);
        }

        parent.keys[left] = r.keys[0];
    }

    private static void RebalanceBranches(BranchNode<TKey, TValue> parent, int left, BranchNode<TKey, TValue> l, BranchNode<TKey, TValue> r, object? token)
    {
        l.OwnKeys();
        parent.children[left] = l;
        int lc = l.childCount;
        int rc = r.childCount;
        if (lc + rc <= TreeShape.BranchCapacity)
        {
            // The parent's separator comes down between the two key runs.
            l.keys[lc - 1] = parent.keys[left];
            Array.Copy(r.keys, 0, l.keys, lc, rc - 1);
            Array.Copy(r.children, 0, l.children, lc, rc);
            l.childCount = lc + rc;
            l.total += r.total;
            RemoveChild(parent, left + 1);
            return;
        }

        r = r.Writable(token);
        r.OwnKeys();
        parent.children[left + 1] = r;
        int target = (lc + rc) / 2;
        if (lc < target)
        {
            // Rotate the first `move` children of r into l through the parent's separator.
            int move = target - lc;
            l.keys[lc - 1] = parent.keys[left];
            Array.Copy(r.keys, 0, l.keys, lc, move - 1);
            Array.Copy(r.children, 0, l.children, lc, move);
            parent.keys[left] = r.keys[move - 1];
            Array.Copy(r.keys, move, r.keys, 0, rc - 1 - move);
            Array.Copy(r.children, move, r.children, 0, rc - move);
            l.childCount = target;
            r.Truncate(rc - move);
        }
        else if (lc > target)
        {
            // Rotate the last `move` children of l into r through the parent's separator.
            int move = lc - target;
            Array.Copy(r.keys, 0, r.keys, move, rc - 1);
            Array.Copy(r.children, 0, r.children, move, rc);
            r.keys[move - 1] = parent.keys[left];
            Array.Copy(l.keys, target, r.keys, 0, move - 1);
            Array.Copy(l.children, target, r.children, 0, move);
            parent.keys[left] = l.keys[target - 1];
            r.childCount = rc + move;
            l.Truncate(target);
        }

        l.RecountTotal();
        r.RecountTotal();
    }

    /// <summary>Removes child <paramref name="index"/> (≥ 1) and the separator before it.</summary>
    private static void RemoveChild(BranchNode<TKey, TValue> parent, int index)
    {
        parent.OwnKeys();
        int count = parent.childCount;
        Array.Copy(parent.children, index + 1, parent.children, index, count - index - 1);
        Array.Copy(parent.keys, index, parent.keys, index - 1, count - index - 1);
        parent.Truncate(count - 1);
    }

    private struct Removal(TKey key, IComparer<TKey> comparer, object? token)
    {
        internal readonly TKey key = key;
        internal readonly IComparer<TKey> comparer = comparer;
        internal readonly object? token = token;
        internal bool found;
        internal TValue? value;
    }
}
