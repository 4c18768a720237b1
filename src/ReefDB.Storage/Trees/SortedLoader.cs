namespace ReefDB.Storage.Trees;

/// <summary>
/// Builds a tree bottom-up in O(n) from entries pushed in strictly ascending key order: leaves are filled
/// completely, then each level of branches is built over the one below with children spread evenly.
/// </summary>
/// <remarks>Memory besides the tree: one reference per leaf and per branch, while building.</remarks>
internal sealed class SortedLoader<TKey, TValue>(IComparer<TKey> comparer)
{
    private readonly List<TreeNode<TKey, TValue>> leaves = [];
    private LeafNode<TKey, TValue>? current;
    private long count;

    /// <summary>Appends an entry.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not greater than the previous key.</exception>
    internal void Add(TKey key, TValue value)
    {
        if (current is not null && comparer.Compare(current.keys[current.total - 1], key) >= 0)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Entries must be in strictly ascending key order; entry {count} is not greater than the one before it."),
                nameof(key));
        }

        if (current is null || current.total == TreeShape.LeafCapacity)
        {
            if (count >= int.MaxValue)
            {
                throw new InvalidOperationException("A tree holds at most int.MaxValue entries.");
            }

            current = new LeafNode<TKey, TValue>(owner: null);
            leaves.Add(current);
        }

        current.keys[current.total] = key;
        current.values[current.total] = value;
        current.total++;
        count++;
    }

    /// <summary>The tree of all entries added so far. The loader must not be used afterwards.</summary>
    internal PersistentTree<TKey, TValue> ToTree()
    {
        if (leaves.Count >= 2 && current!.total < TreeShape.MinLeaf)
        {
            // Only the last leaf can be short; its full left neighbour shares with it.
            var previous = (LeafNode<TKey, TValue>)leaves[^2];
            int move = (previous.total - current.total) / 2;
            Array.Copy(current.keys, 0, current.keys, move, current.total);
            Array.Copy(current.values, 0, current.values, move, current.total);
            Array.Copy(previous.keys, previous.total - move, current.keys, 0, move);
            Array.Copy(previous.values, previous.total - move, current.values, 0, move);
            current.total += move;
            previous.Truncate(previous.total - move);
        }

        var level = leaves;
        var minKeys = leaves.ConvertAll(leaf => leaf.keys[0]);
        while (level.Count > 1)
        {
            (level, minKeys) = BuildLevel(level, minKeys);
        }

        return PersistentTree<TKey, TValue>.FromRoot(comparer, level.Count == 0 ? null : level[0]);
    }

    /// <summary>Groups <paramref name="nodes"/> under new branches, as evenly as possible; <paramref name="minKeys"/> are each node's smallest key.</summary>
    private static (List<TreeNode<TKey, TValue>> Level, List<TKey> MinKeys) BuildLevel(List<TreeNode<TKey, TValue>> nodes, List<TKey> minKeys)
    {
        int groups = (nodes.Count + TreeShape.BranchCapacity - 1) / TreeShape.BranchCapacity;
        int size = nodes.Count / groups;
        int extra = nodes.Count % groups;
        var parents = new List<TreeNode<TKey, TValue>>(groups);
        var parentMinKeys = new List<TKey>(groups);
        int start = 0;
        for (int g = 0; g < groups; g++)
        {
            int take = size + (g < extra ? 1 : 0);
            var branch = new BranchNode<TKey, TValue>(owner: null);
            for (int i = 0; i < take; i++)
            {
                branch.children[i] = nodes[start + i];
                branch.total += nodes[start + i].total;
                if (i > 0)
                {
                    branch.keys[i - 1] = minKeys[start + i];
                }
            }

            branch.childCount = take;
            parents.Add(branch);
            parentMinKeys.Add(minKeys[start]);
            start += take;
        }

        return (parents, parentMinKeys);
    }
}
