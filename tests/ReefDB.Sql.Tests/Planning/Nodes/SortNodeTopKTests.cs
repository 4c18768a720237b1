using CsCheck;
using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Planning.Nodes;

/// <summary>ORDER BY … LIMIT keeps only the rows it needs in a heap, and answers exactly as the full stable sort.</summary>
public sealed class SortNodeTopKTests
{
    [Fact]
    public void Explain_shows_the_heap_only_under_a_limit()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t (id int PRIMARY KEY, v int)");
        Assert.Contains("top-N heap", string.Join("\n", db.Rows("EXPLAIN SELECT id FROM t ORDER BY v LIMIT 3")), StringComparison.Ordinal);
        Assert.DoesNotContain("top-N heap", string.Join("\n", db.Rows("EXPLAIN SELECT id FROM t ORDER BY v")), StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_and_offset_over_many_ties_give_the_prefix_of_the_full_sort()
    {
        var rows = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3].Select(n => n == 0 ? (int?)null : n)).List[0, 60];
        Gen.Select(rows, Gen.Int[0, 70], Gen.Int[0, 10], Gen.Bool).Sample(
            input =>
            {
                var (values, limit, offset, descending) = input;
                var db = new TestDatabase();
                db.Exec("CREATE TABLE t (id int, a int, b int)");
                if (values.Count > 0)
                {
                    // No primary key: rows come out of a scan in insertion order, so ties show the sort's stability.
                    db.Exec("INSERT INTO t VALUES " + string.Join(", ", values.Select((v, i) => $"({(i * 37) % 61}, {v.Item1}, {v.Item2?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NULL"})")));
                }

                var order = descending ? "ORDER BY a DESC, b NULLS FIRST" : "ORDER BY a, b DESC";
                var full = db.Rows($"SELECT id, a, b FROM t {order}");
                var top = db.Rows($"SELECT id, a, b FROM t {order} LIMIT {limit} OFFSET {offset}");
                Assert.Equal(full.Skip(offset).Take(limit), top);
                Assert.Equal(full.Take(limit), db.Rows($"SELECT id, a, b FROM t {order} LIMIT $1", ReefDB.Sql.Types.SqlValue.FromInt64(limit)));
            },
            seed: "1K3XIzNsQ0O2",
            iter: 150);
    }

    [Fact]
    public void A_null_or_negative_limit_behaves_as_without_the_heap()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t (id int, v int); INSERT INTO t VALUES (1, 3), (2, 1), (3, 2)");
        Assert.Equal(["2", "3", "1"], db.Rows("SELECT id FROM t ORDER BY v LIMIT NULL"));
        Assert.Equal(["3", "1"], db.Rows("SELECT id FROM t ORDER BY v LIMIT ALL OFFSET 1"));
        Assert.Equal("2201W", db.Error("SELECT id FROM t ORDER BY v LIMIT -1"));
        Assert.Equal("2201X", db.Error("SELECT id FROM t ORDER BY v LIMIT 1 OFFSET -1"));
    }
}
