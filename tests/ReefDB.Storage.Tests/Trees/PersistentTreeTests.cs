using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

public sealed class PersistentTreeTests
{
    [Fact]
    public void Empty_tree_has_nothing()
    {
        var tree = PersistentTree<int, string>.Empty();
        Assert.True(tree.IsEmpty);
        Assert.False(tree.TryGetValue(1, out _));
        Assert.False(tree.TryGetFirst(out _));
        Assert.False(tree.TryGetLast(out _));
        Assert.Empty(tree);
        Assert.Empty(tree.Reverse());
        Assert.Throws<InvalidOperationException>(() => tree.First);
        Assert.Throws<KeyNotFoundException>(() => tree[1]);
        Assert.Same(tree, tree.Remove(1));
    }

    [Fact]
    public void Edits_return_new_trees_and_leave_old_ones_unchanged()
    {
        var v0 = PersistentTree<int, string>.Empty();
        var v1 = v0.SetItem(1, "one");
        var v2 = v1.SetItem(2, "two").SetItem(1, "uno");
        var v3 = v2.Remove(2);

        Assert.Empty(v0);
        Assert.Equal("one", v1[1]);
        Assert.Equal(2, v2.Count);
        Assert.Equal("uno", v2[1]);
        Assert.Equal([1], v3.Select(e => e.Key));
        Assert.Equal("one", v1[1]);
    }

    [Fact]
    public void Add_fails_on_a_present_key_without_copying()
    {
        var tree = PersistentTree<int, string>.Empty().Add(5, "five");
        Assert.False(tree.TryAdd(5, "again", out var same));
        Assert.Same(tree, same);
        Assert.Equal("five", tree[5]);
        Assert.Throws<ArgumentException>(() => tree.Add(5, "again"));
        Assert.True(tree.TryAdd(6, "six", out var bigger));
        Assert.Equal(2, bigger.Count);
    }

    [Fact]
    public void Remove_reports_the_removed_value_and_keeps_the_instance_when_absent()
    {
        var tree = PersistentTree<int, string>.Empty().Add(1, "a").Add(2, "b");
        var smaller = tree.Remove(2, out var removed);
        Assert.Equal("b", removed);
        Assert.Single(smaller);
        Assert.Same(smaller, smaller.Remove(2, out _));
    }

    [Fact]
    public void Many_persistent_edits_keep_every_version_intact()
    {
        var versions = new List<PersistentTree<int, int>> { PersistentTree<int, int>.Empty() };
        for (int i = 0; i < 3000; i++)
        {
            int key = (i * 7919) % 3001;
            versions.Add(versions[^1].SetItem(key, i));
        }

        for (int i = 0; i < 3000; i += 2)
        {
            versions.Add(versions[^1].Remove((i * 7919) % 3001));
        }

        for (int v = 0; v < versions.Count; v += 97)
        {
            TreeValidator.Validate(versions[v]);
            int expected = v <= 3000 ? v : 3000 - (v - 3000);
            Assert.Equal(expected, versions[v].Count);
            Assert.Equal(expected, versions[v].Count());
        }
    }

    [Fact]
    public void Ascending_inserts_fill_leaves_completely()
    {
        var builder = PersistentTree<long, long>.Empty().ToBuilder();
        for (long i = 0; i < 100_000; i++)
        {
            builder.Set(i, i);
        }

        var tree = builder.ToImmutable();
        TreeValidator.Validate(tree);
        int leaves = CountLeaves(tree.Root!);
        Assert.InRange(leaves, 100_000 / TreeShape.LeafCapacity, (100_000 / TreeShape.LeafCapacity) + 1);
    }

    [Fact]
    public void Descending_inserts_fill_leaves_completely()
    {
        var tree = PersistentTree<long, long>.Empty();
        for (long i = 20_000; i > 0; i--)
        {
            tree = tree.SetItem(i, i);
        }

        TreeValidator.Validate(tree);
        Assert.InRange(CountLeaves(tree.Root!), 20_000 / TreeShape.LeafCapacity, (20_000 / TreeShape.LeafCapacity) + 1);
    }

    [Fact]
    public void A_stateful_comparer_orders_the_tree()
    {
        var descending = Comparer<int>.Create((a, b) => b.CompareTo(a));
        var tree = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 500).Reverse().Select(i => KeyValuePair.Create(i, i)), descending);
        tree = tree.SetItem(1000, 0).Remove(250);
        TreeValidator.Validate(tree);
        Assert.Equal(1000, tree.First.Key);
        Assert.Equal(0, tree.Last.Key);
        Assert.Equal(Enumerable.Range(0, 500).Where(i => i != 250).Append(1000).OrderDescending(), tree.Select(e => e.Key));
    }

    [Fact]
    public void ElementAt_finds_entries_by_position()
    {
        var tree = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 10_000).Select(i => KeyValuePair.Create(i * 2, i)));
        foreach (int index in new[] { 0, 1, 63, 64, 65, 4095, 4096, 9999 })
        {
            Assert.Equal(index * 2, tree.ElementAt(index).Key);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ElementAt(10_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ElementAt(-1));
    }

    [Fact]
    public void Removing_everything_empties_the_tree_and_releases_values()
    {
        var tree = PersistentTree<string, string>.FromSorted(Enumerable.Range(0, 5000).Select(i => KeyValuePair.Create(Key(i), "v")), StringComparer.Ordinal);
        var builder = tree.ToBuilder();
        for (int i = 0; i < 5000; i++)
        {
            Assert.True(builder.Remove(Key((i * 4999) % 5000)));
            if (i % 500 == 0)
            {
                TreeValidator.Validate(builder.ToImmutable());
            }
        }

        Assert.Empty(builder);
        Assert.True(builder.ToImmutable().IsEmpty);
        Assert.Equal(5000, tree.Count);
    }

    internal static string Key(int i) => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static int CountLeaves<TKey, TValue>(TreeNode<TKey, TValue> node) => node is BranchNode<TKey, TValue> branch
        ? branch.children.Take(branch.childCount).Sum(CountLeaves)
        : 1;
}
