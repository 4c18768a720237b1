using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

/// <summary>
/// Keys above the current maximum take the builder's in-place append path while it owns the right edge.
/// Mixed with freezes, removals and inserts elsewhere, the builder must still match a sorted-map model,
/// keep valid counts and separators, and never change a tree it returned.
/// </summary>
public sealed class BuilderAppendTests
{
    [Fact]
    public void Ascending_appends_mixed_with_other_edits_match_a_model()
    {
        const int seed = 4242;
        var random = new Random(seed);
        var builder = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 100).Select(i => KeyValuePair.Create(i * 2, i))).ToBuilder();
        var model = new SortedDictionary<int, int>(Enumerable.Range(0, 100).ToDictionary(i => i * 2, i => i));
        var frozen = new List<(PersistentTree<int, int> Tree, KeyValuePair<int, int>[] Entries)>();
        var next = 1000;
        for (int step = 0; step < 20_000; step++)
        {
            var roll = random.Next(100);
            if (roll < 80)
            {
                // Mostly appends, some equal to the maximum (must not be added twice).
                var key = roll < 78 ? next++ : next - 1;
                Assert.Equal(model.TryAdd(key, step), builder.TryAdd(key, step));
            }
            else if (roll < 88)
            {
                var key = random.Next(next + 10);
                model[key] = step;
                builder.Set(key, step);
            }
            else if (roll < 97)
            {
                var key = random.Next(next);
                Assert.Equal(model.Remove(key), builder.Remove(key));
            }
            else
            {
                var tree = builder.ToImmutable();
                frozen.Add((tree, [.. tree]));
            }

            Assert.Equal(model.Count, builder.Count);
        }

        var result = builder.ToImmutable();
        TreeValidator.Validate(result);
        Assert.True(model.SequenceEqual(result), $"seed {seed}: builder differs from the model");
        foreach (var (tree, entries) in frozen)
        {
            TreeValidator.Validate(tree);
            Assert.True(entries.SequenceEqual(tree), $"seed {seed}: a frozen tree changed");
        }
    }

    [Fact]
    public void A_million_ascending_keys_fill_their_leaves()
    {
        var builder = PersistentTree<long, long>.Empty().ToBuilder();
        for (long i = 0; i < 1_000_000; i++)
        {
            Assert.True(builder.TryAdd(i, i));
        }

        var tree = builder.ToImmutable();
        TreeValidator.Validate(tree);
        Assert.Equal(1_000_000, tree.Count);
        Assert.Equal(999_999, tree.ElementAt(999_999).Key);
        Assert.Equal((1_000_000 + TreeShape.LeafCapacity - 1) / TreeShape.LeafCapacity, Leaves(tree.Root!));
    }

    private static int Leaves<TKey, TValue>(TreeNode<TKey, TValue> node) =>
        node is BranchNode<TKey, TValue> branch ? branch.children.Take(branch.childCount).Sum(Leaves) : 1;
}
