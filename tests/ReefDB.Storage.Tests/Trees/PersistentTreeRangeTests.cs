using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

public sealed class PersistentTreeRangeTests
{
    // Even keys 0, 2, …, 19998: odd bounds fall between keys, even ones on keys; leaves and branches span several levels.
    private static readonly PersistentTree<int, int> Evens =
        PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 10_000).Select(i => KeyValuePair.Create(i * 2, i)));

    public static TheoryData<int?, bool, int?, bool> Bounds => new()
    {
        { null, false, null, false },
        { 10, true, 20, true },
        { 10, false, 20, false },
        { 11, true, 19, true },
        { 11, false, 21, false },
        { -5, true, 3, false },
        { 19_990, true, 50_000, true },
        { 128, true, 128, true },
        { 128, false, 128, true },
        { 20, true, 10, true },
        { null, false, 4_000, true },
        { 15_000, false, null, false },
        { 30_000, true, null, false },
        { null, false, -1, true },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Ranges_hold_exactly_the_keys_between_their_bounds(int? low, bool lowInclusive, int? high, bool highInclusive)
    {
        var lower = Bound(low, lowInclusive);
        var upper = Bound(high, highInclusive);
        var expected = Evens.Select(e => e.Key).Where(k => Within(k, low, lowInclusive, high, highInclusive)).ToList();

        Assert.Equal(expected, Evens.Range(lower, upper).Select(e => e.Key));
        Assert.Equal(Enumerable.Reverse(expected), Evens.Range(lower, upper, descending: true).Select(e => e.Key));
        Assert.Equal(expected.Count, Evens.CountRange(lower, upper));
    }

    [Fact]
    public void Full_enumeration_runs_both_ways()
    {
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i * 2), Evens.Select(e => e.Key));
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i * 2).Reverse(), Evens.Reverse().Select(e => e.Key));
        Assert.Equal(0, Evens.First.Key);
        Assert.Equal(19_998, Evens.Last.Key);
    }

    [Fact]
    public void A_cursor_exposes_key_value_and_what_remains()
    {
        var cursor = Evens.Range(KeyBound.Inclusive(100), KeyBound.Exclusive(110)).GetEnumerator();
        Assert.Equal(5, cursor.Remaining);
        Assert.True(cursor.MoveNext());
        Assert.Equal(100, cursor.CurrentKey);
        Assert.Equal(50, cursor.CurrentValue);
        Assert.Equal(KeyValuePair.Create(100, 50), cursor.Current);
        Assert.Equal(4, cursor.Remaining);
    }

    [Fact]
    public void A_cursor_keeps_reading_its_version_while_the_tree_changes()
    {
        var builder = Evens.ToBuilder();
        var seen = new List<int>();
        foreach (var entry in Evens.Range(KeyBound.Inclusive(1000), KeyBound.Inclusive(1200)))
        {
            seen.Add(entry.Key);
            builder.Remove(entry.Key + 2);
            builder.Set(entry.Key + 1, 0);
        }

        Assert.Equal(Enumerable.Range(500, 101).Select(i => i * 2), seen);
    }

    private static KeyBound<int> Bound(int? key, bool inclusive) =>
        key is not { } k ? KeyBound<int>.Unbounded : inclusive ? KeyBound.Inclusive(k) : KeyBound.Exclusive(k);

    private static bool Within(int key, int? low, bool lowInclusive, int? high, bool highInclusive) =>
        (low is not { } l || (lowInclusive ? key >= l : key > l)) && (high is not { } h || (highInclusive ? key <= h : key < h));
}
