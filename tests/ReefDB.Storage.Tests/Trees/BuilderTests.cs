using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

public sealed class BuilderTests
{
    [Fact]
    public void A_builder_never_changes_the_tree_it_came_from()
    {
        var origin = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 5000).Select(i => KeyValuePair.Create(i, i)));
        var builder = origin.ToBuilder();
        for (int i = 0; i < 5000; i += 3)
        {
            builder.Remove(i);
            builder.Set(i + 1, -1);
            builder.Set(i + 10_000, i);
        }

        Assert.Equal(Enumerable.Range(0, 5000), origin.Select(e => e.Value));
        TreeValidator.Validate(origin);
        TreeValidator.Validate(builder.ToImmutable());
    }

    [Fact]
    public void Trees_returned_by_ToImmutable_are_frozen_against_later_builder_edits()
    {
        var builder = PersistentTree<int, int>.Empty().ToBuilder();
        var snapshots = new List<(PersistentTree<int, int> Tree, int[] Keys)>();
        for (int round = 0; round < 20; round++)
        {
            for (int i = 0; i < 300; i++)
            {
                int key = ((round * 300) + i) * 7 % 4001;
                if (i % 4 == 0)
                {
                    builder.Remove(key / 2);
                }
                else
                {
                    builder.Set(key, round);
                }
            }

            var tree = builder.ToImmutable();
            snapshots.Add((tree, tree.Select(e => e.Key).ToArray()));
        }

        foreach (var (tree, keys) in snapshots)
        {
            TreeValidator.Validate(tree);
            Assert.Equal(keys, tree.Select(e => e.Key));
        }
    }

    [Fact]
    public void ToImmutable_without_edits_returns_the_same_tree()
    {
        var origin = PersistentTree<int, int>.Empty().Add(1, 1);
        var builder = origin.ToBuilder();
        Assert.Same(origin, builder.ToImmutable());
        Assert.False(builder.TryAdd(1, 2));
        Assert.False(builder.Remove(7));
        Assert.Same(origin, builder.ToImmutable());
        builder[2] = 2;
        var next = builder.ToImmutable();
        Assert.NotSame(origin, next);
        Assert.Same(next, builder.ToImmutable());
    }

    [Fact]
    public void A_builder_edits_nodes_it_owns_in_place_until_frozen()
    {
        var origin = PersistentTree<int, int>.Empty().Add(1, 1);
        var builder = origin.ToBuilder();
        builder.Set(2, 2);
        var copied = builder.Root;
        Assert.NotSame(origin.Root, copied);

        builder.Set(3, 3);
        Assert.Same(copied, builder.Root);

        var frozen = builder.ToImmutable();
        builder.Set(4, 4);
        Assert.NotSame(frozen.Root, builder.Root);
        Assert.Equal([1, 2, 3], frozen.Select(e => e.Key));
    }

    [Fact]
    public void Builder_lookups_see_its_own_edits()
    {
        var builder = PersistentTree<string, int>.Empty(StringComparer.Ordinal).ToBuilder();
        Assert.True(builder.TryAdd("b", 2));
        builder["a"] = 1;
        Assert.Equal(2, builder.Count);
        Assert.True(builder.ContainsKey("a"));
        Assert.Equal(2, builder["b"]);
        Assert.True(builder.Remove("b", out int removed));
        Assert.Equal(2, removed);
        Assert.False(builder.TryGetValue("b", out _));
        Assert.Throws<KeyNotFoundException>(() => builder["b"]);
    }

    [Fact]
    public void A_builder_is_enumerated_in_place_without_freezing()
    {
        var builder = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 1000).Select(i => KeyValuePair.Create(i, i))).ToBuilder();
        builder.Set(5000, 0);
        var root = builder.Root;

        Assert.Equal(Enumerable.Range(0, 1000).Append(5000), builder.Select(e => e.Key));
        Assert.Equal([999, 998], builder.Range(KeyBound.Exclusive(500), KeyBound.Inclusive(999), descending: true).Take(2).Select(e => e.Key));
        Assert.Equal(500, builder.CountRange(KeyBound.Inclusive(500), KeyBound.Exclusive(1000)));

        builder.Set(5001, 0);
        Assert.Same(root, builder.Root);
    }

    [Fact]
    public void Editing_a_builder_during_its_enumeration_throws()
    {
        var builder = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 1000).Select(i => KeyValuePair.Create(i, i))).ToBuilder();
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var entry in builder.Range(KeyBound.Inclusive(10), default))
            {
                builder.Remove(entry.Key + 1);
            }
        });
    }

    [Fact]
    public void A_failed_edit_does_not_disturb_a_builder_enumeration()
    {
        var builder = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 100).Select(i => KeyValuePair.Create(i, i))).ToBuilder();
        int seen = 0;
        foreach (var entry in builder)
        {
            Assert.False(builder.TryAdd(entry.Key, 0));
            Assert.False(builder.Remove(-1));
            seen++;
        }

        Assert.Equal(100, seen);
    }
}
