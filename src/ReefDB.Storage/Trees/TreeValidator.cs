using System.Globalization;
using System.Runtime.CompilerServices;

namespace ReefDB.Storage.Trees;

/// <summary>Checks every structural invariant of a tree; for tests and debugging (O(n)).</summary>
internal static class TreeValidator
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first broken invariant.</summary>
    internal static void Validate<TKey, TValue>(PersistentTree<TKey, TValue> tree)
    {
        var root = tree.Root;
        if (root is null)
        {
            return;
        }

        if (root is BranchNode<TKey, TValue> { childCount: < 2 })
        {
            Fail("root branch has fewer than two children");
        }

        if (root.total == 0)
        {
            Fail("root is an empty leaf");
        }

        Check(root, tree.Comparer, default, hasLow: false, default, hasHigh: false, isRoot: true, onEdge: true);
    }

    /// <summary>Checks a subtree whose keys must lie in [low, high); returns its height.</summary>
    private static int Check<TKey, TValue>(
        TreeNode<TKey, TValue> node, IComparer<TKey> comparer, TKey? low, bool hasLow, TKey? high, bool hasHigh, bool isRoot, bool onEdge)
    {
        if (node is LeafNode<TKey, TValue> leaf)
        {
            CheckKeys(leaf.keys, leaf.total, comparer, low, hasLow, high, hasHigh);
            if (leaf.total > TreeShape.LeafCapacity || leaf.total < (isRoot ? 1 : onEdge ? 1 : TreeShape.MinLeaf))
            {
                Fail($"leaf holds {leaf.total} entries");
            }

            if (leaf.claim is null)
            {
                // Shared arrays hold later leaves' entries past this one's total (see LeafNode).
                CheckCleared(leaf.keys, leaf.total);
                CheckCleared(leaf.values, leaf.total);
            }
            return 0;
        }

        var branch = (BranchNode<TKey, TValue>)node;
        int count = branch.childCount;
        if (count > TreeShape.BranchCapacity || count < (isRoot ? 2 : TreeShape.MinBranch))
        {
            Fail($"branch has {count} children");
        }

        CheckKeys(branch.keys, count - 1, comparer, low, hasLow, high, hasHigh);
        CheckCleared(branch.keys, count - 1);
        CheckCleared(branch.children, count);
        int height = -1;
        int total = 0;
        for (int i = 0; i < count; i++)
        {
            var child = branch.children[i];
            bool childHasLow = i > 0 || hasLow;
            bool childHasHigh = i < count - 1 || hasHigh;
            var childLow = i > 0 ? branch.keys[i - 1] : low;
            var childHigh = i < count - 1 ? branch.keys[i] : high;
            bool childOnEdge = onEdge && (i == 0 || i == count - 1);
            int h = Check(child, comparer, childLow, childHasLow, childHigh, childHasHigh, isRoot: false, childOnEdge);
            if (height >= 0 && h != height)
            {
                Fail("leaves at different depths");
            }

            height = h;
            total += child.total;
        }

        if (total != branch.total)
        {
            Fail($"branch total {branch.total} but children hold {total}");
        }

        return height + 1;
    }

    private static void CheckKeys<TKey>(TKey[] keys, int count, IComparer<TKey> comparer, TKey? low, bool hasLow, TKey? high, bool hasHigh)
    {
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && comparer.Compare(keys[i - 1], keys[i]) >= 0)
            {
                Fail("keys not strictly ascending");
            }

            if ((hasLow && comparer.Compare(keys[i], low!) < 0) || (hasHigh && comparer.Compare(keys[i], high!) >= 0))
            {
                Fail("key outside its separators");
            }
        }
    }

    private static void CheckCleared<T>(T[] slots, int used)
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            return;
        }

        for (int i = used; i < slots.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(slots[i], default))
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"unused slot {i} still holds a value"));
            }
        }
    }

    private static void Fail(string message) => throw new InvalidOperationException("Tree invariant broken: " + message);
}
