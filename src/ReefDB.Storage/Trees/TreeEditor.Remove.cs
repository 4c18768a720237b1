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
        if (!op.Found)
        {
            return root;
        }

        removed = true;
        removedValue = op.Value!;
        if (node is BranchNode<TKey, TValue> { ChildCount: 1 } onlyChild)
        {
            return onlyChild.Children[0];
        }

        return node.Total == 0 ? null : node;
    }

    private static TreeNode<TKey, TValue> RemoveFrom(TreeNode<TKey, TValue> node, ref Removal op)
    {
        if (node is LeafNode<TKey, TValue> leaf)
        {
            int pos = KeySearch.Find(leaf.Keys, leaf.Total, op.Key, op.Comparer);
            if (pos < 0)
            {
                return leaf;
            }

            op.Found = true;
            op.Value = leaf.Values[pos];
            var writableLeaf = leaf.Writable(op.Token);
            writableLeaf.RemoveAt(pos);
            return writableLeaf;
        }

        var branch = (BranchNode<TKey, TValue>)node;
        int i = KeySearch.ChildIndex(branch, op.Key, op.Comparer);
        var child = RemoveFrom(branch.Children[i], ref op);
        if (!op.Found)
        {
            return branch;
        }

        var writable = branch.Writable(op.Token);
        writable.Children[i] = child;
        writable.Total--;
        if (IsUnderfull(child))
        {
            Rebalance(writable, i + 1 < writable.ChildCount ? i : i - 1, op.Token);
        }

        return writable;
    }

    private static bool IsUnderfull(TreeNode<TKey, TValue> node) => node is BranchNode<TKey, TValue> branch
        ? branch.ChildCount < TreeShape.MinBranch
        : node.Total < TreeShape.MinLeaf;

    /// <summary>Merges children <paramref name="left"/> and left + 1 of <paramref name="parent"/> when they fit in one node, else shares their entries evenly.</summary>
    private static void Rebalance(BranchNode<TKey, TValue> parent, int left, object? token)
    {
        if (parent.Children[left] is LeafNode<TKey, TValue> leftLeaf)
        {
            RebalanceLeaves(parent, left, leftLeaf.Writable(token), (LeafNode<TKey, TValue>)parent.Children[left + 1], token);
        }
        else
        {
            RebalanceBranches(parent, left, ((BranchNode<TKey, TValue>)parent.Children[left]).Writable(token), (BranchNode<TKey, TValue>)parent.Children[left + 1], token);
        }
    }

    private static void RebalanceLeaves(BranchNode<TKey, TValue> parent, int left, LeafNode<TKey, TValue> l, LeafNode<TKey, TValue> r, object? token)
    {
        parent.Children[left] = l;
        int total = l.Total + r.Total;
        if (total <= TreeShape.LeafCapacity)
        {
            l.AppendFrom(r, 0, r.Total);
            RemoveChild(parent, left + 1);
            return;
        }

        r = r.Writable(token);
        parent.Children[left + 1] = r;
        int target = total / 2;
        if (l.Total < target)
        {
            int move = target - l.Total;
            l.AppendFrom(r, 0, move);
            Array.Copy(r.Keys, move, r.Keys, 0, r.Total - move);
            Array.Copy(r.Values, move, r.Values, 0, r.Total - move);
            r.Truncate(r.Total - move);
        }
        else if (l.Total > target)
        {
            int move = l.Total - target;
            Array.Copy(r.Keys, 0, r.Keys, move, r.Total);
            Array.Copy(r.Values, 0, r.Values, move, r.Total);
            Array.Copy(l.Keys, target, r.Keys, 0, move);
            Array.Copy(l.Values, target, r.Values, 0, move);
            r.Total += move;
            l.Truncate(target);
        }

        parent.Keys[left] = r.Keys[0];
    }

    private static void RebalanceBranches(BranchNode<TKey, TValue> parent, int left, BranchNode<TKey, TValue> l, BranchNode<TKey, TValue> r, object? token)
    {
        parent.Children[left] = l;
        int lc = l.ChildCount;
        int rc = r.ChildCount;
        if (lc + rc <= TreeShape.BranchCapacity)
        {
            // The parent's separator comes down between the two key runs.
            l.Keys[lc - 1] = parent.Keys[left];
            Array.Copy(r.Keys, 0, l.Keys, lc, rc - 1);
            Array.Copy(r.Children, 0, l.Children, lc, rc);
            l.ChildCount = lc + rc;
            l.Total += r.Total;
            RemoveChild(parent, left + 1);
            return;
        }

        r = r.Writable(token);
        parent.Children[left + 1] = r;
        int target = (lc + rc) / 2;
        if (lc < target)
        {
            // Rotate the first `move` children of r into l through the parent's separator.
            int move = target - lc;
            l.Keys[lc - 1] = parent.Keys[left];
            Array.Copy(r.Keys, 0, l.Keys, lc, move - 1);
            Array.Copy(r.Children, 0, l.Children, lc, move);
            parent.Keys[left] = r.Keys[move - 1];
            Array.Copy(r.Keys, move, r.Keys, 0, rc - 1 - move);
            Array.Copy(r.Children, move, r.Children, 0, rc - move);
            l.ChildCount = target;
            r.Truncate(rc - move);
        }
        else if (lc > target)
        {
            // Rotate the last `move` children of l into r through the parent's separator.
            int move = lc - target;
            Array.Copy(r.Keys, 0, r.Keys, move, rc - 1);
            Array.Copy(r.Children, 0, r.Children, move, rc);
            r.Keys[move - 1] = parent.Keys[left];
            Array.Copy(l.Keys, target, r.Keys, 0, move - 1);
            Array.Copy(l.Children, target, r.Children, 0, move);
            parent.Keys[left] = l.Keys[target - 1];
            r.ChildCount = rc + move;
            l.Truncate(target);
        }

        l.RecountTotal();
        r.RecountTotal();
    }

    /// <summary>Removes child <paramref name="index"/> (≥ 1) and the separator before it.</summary>
    private static void RemoveChild(BranchNode<TKey, TValue> parent, int index)
    {
        int count = parent.ChildCount;
        Array.Copy(parent.Children, index + 1, parent.Children, index, count - index - 1);
        Array.Copy(parent.Keys, index, parent.Keys, index - 1, count - index - 1);
        parent.Truncate(count - 1);
    }

    private struct Removal(TKey key, IComparer<TKey> comparer, object? token)
    {
        internal readonly TKey Key = key;
        internal readonly IComparer<TKey> Comparer = comparer;
        internal readonly object? Token = token;
        internal bool Found;
        internal TValue? Value;
    }
}
