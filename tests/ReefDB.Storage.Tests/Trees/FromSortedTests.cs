using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

public sealed class FromSortedTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(97)]
    [InlineData(2048)]
    [InlineData(2049)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(4160)]
    [InlineData(262_145)]
    public void Bulk_load_builds_a_valid_tree_of_any_size(int size)
    {
        var tree = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, size).Select(i => KeyValuePair.Create(i * 3, i)));
        TreeValidator.Validate(tree);
        Assert.Equal(size, tree.Count);
        Assert.Equal(Enumerable.Range(0, size).Select(i => i * 3), tree.Select(e => e.Key));
        if (size > 0)
        {
            Assert.Equal(size - 1, tree[(size - 1) * 3]);
        }
    }

    [Fact]
    public void A_bulk_loaded_tree_accepts_further_edits()
    {
        var tree = PersistentTree<string, int>.FromSorted(
            Enumerable.Range(0, 3000).Select(i => KeyValuePair.Create(PersistentTreeTests.Key(i * 2), i)), StringComparer.Ordinal);
        var builder = tree.ToBuilder();
        for (int i = 0; i < 3000; i++)
        {
            builder.Set(PersistentTreeTests.Key((i * 2) + 1), i);
            builder.Remove(PersistentTreeTests.Key(i * 2));
        }

        var edited = builder.ToImmutable();
        TreeValidator.Validate(edited);
        TreeValidator.Validate(tree);
        Assert.Equal(3000, edited.Count);
        Assert.All(edited, e => Assert.Equal(1, int.Parse(e.Key, System.Globalization.CultureInfo.InvariantCulture) % 2));
    }

    [Fact]
    public void Unsorted_input_is_rejected_with_its_position()
    {
        var error = Assert.Throws<ArgumentException>(() => PersistentTree<int, int>.FromSorted([KeyValuePair.Create(1, 0), KeyValuePair.Create(3, 0), KeyValuePair.Create(2, 0)]));
        Assert.Contains("entry 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PersistentTree<int, int>.FromSorted([KeyValuePair.Create(1, 0), KeyValuePair.Create(1, 1)]));
    }
}
