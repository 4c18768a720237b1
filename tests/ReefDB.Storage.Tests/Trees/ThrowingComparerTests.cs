using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

/// <summary>Edits compare every key before they change any node, so a comparer that throws changes nothing.</summary>
public sealed class ThrowingComparerTests
{
    private const int Poison = -1;

    private static readonly IComparer<int> Comparer = Comparer<int>.Create((a, b) =>
        a == Poison || b == Poison ? throw new InvalidCastException("cannot compare") : a.CompareTo(b));

    [Fact]
    public void A_throwing_comparer_leaves_a_builder_as_it_was()
    {
        var builder = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 5000).Select(i => KeyValuePair.Create(i, i)), Comparer).ToBuilder();
        for (int i = 0; i < 5000; i += 2)
        {
            builder.Set(i, -i);
        }

        var before = builder.ToImmutable().ToArray();
        builder.Set(1, -1);
        var expected = builder.ToImmutable().ToArray();
        builder.Set(3, -3);

        Assert.Throws<InvalidCastException>(() => builder.Set(Poison, 0));
        Assert.Throws<InvalidCastException>(() => builder.TryAdd(Poison, 0));
        Assert.Throws<InvalidCastException>(() => builder.Remove(Poison));

        builder.Set(3, 3);
        var after = builder.ToImmutable();
        TreeValidator.Validate(after);
        Assert.Equal(expected, after);
        Assert.NotEqual(before, expected);
    }

    [Fact]
    public void A_throwing_comparer_leaves_a_persistent_tree_as_it_was()
    {
        var tree = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 5000).Select(i => KeyValuePair.Create(i, i)), Comparer);
        Assert.Throws<InvalidCastException>(() => tree.SetItem(Poison, 0));
        Assert.Throws<InvalidCastException>(() => tree.Remove(Poison));
        TreeValidator.Validate(tree);
        Assert.Equal(Enumerable.Range(0, 5000), tree.Select(e => e.Key));
    }
}
