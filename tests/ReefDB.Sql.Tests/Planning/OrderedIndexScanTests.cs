using System.Text;
using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Planning;

/// <summary>ORDER BY … LIMIT reads a matching index in order: no sort, and the scan stops after LIMIT rows.</summary>
public sealed class OrderedIndexScanTests
{
    private static TestDatabase WithRows()
    {
        var db = new TestDatabase();
        var sql = new StringBuilder("CREATE TABLE t(id INTEGER PRIMARY KEY, g INTEGER, v INTEGER, w TEXT);");
        sql.Append("CREATE INDEX t_v ON t (v); CREATE INDEX t_g_v ON t (g, v);");
        sql.Append("INSERT INTO t VALUES ");
        sql.Append(string.Join(", ", Enumerable.Range(1, 200).Select(i => $"({i}, {i % 4}, {(i * 37) % 101}, 'w{i}')")));
        sql.Append(", (201, 1, NULL, 'null v')");
        db.Exec(sql.ToString());
        return db;
    }

    private static string Plan(TestDatabase db, string query) => string.Join("\n", db.Rows("EXPLAIN " + query));

    [Fact]
    public void Order_by_an_indexed_column_with_limit_reads_the_index_without_sorting()
    {
        var db = WithRows();
        const string query = "SELECT id, v FROM t ORDER BY v LIMIT 3";
        var plan = Plan(db, query);
        Assert.Contains("Index Scan using t_v on t", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.Equal(db.Rows("SELECT id, v FROM t ORDER BY v + 0, id LIMIT 3"), db.Rows(query));
    }

    [Fact]
    public void Descending_order_reads_the_index_backward_with_nulls_first()
    {
        var db = WithRows();
        const string query = "SELECT id, v FROM t ORDER BY v DESC LIMIT 3";
        Assert.Contains("Index Scan Backward using t_v on t", Plan(db, query), StringComparison.Ordinal);
        Assert.Equal("201|NULL", db.Rows(query)[0]);
        Assert.Equal(db.Rows("SELECT v FROM t ORDER BY v + 0 DESC LIMIT 5"), db.Rows("SELECT v FROM t ORDER BY v DESC LIMIT 5"));
    }

    [Fact]
    public void Asking_for_the_other_null_placement_on_a_nullable_column_sorts()
    {
        var db = WithRows();
        const string query = "SELECT id, v FROM t ORDER BY v NULLS FIRST LIMIT 2";
        Assert.Contains("Sort", Plan(db, query), StringComparison.Ordinal);
        Assert.Equal("201|NULL", db.Rows(query)[0]);
    }

    [Fact]
    public void An_equality_on_the_leading_part_orders_by_the_next_part()
    {
        var db = WithRows();
        const string query = "SELECT id, v FROM t WHERE g = 2 ORDER BY v DESC LIMIT 4";
        var plan = Plan(db, query);
        Assert.Contains("Index Scan Backward using t_g_v on t", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.Equal(db.Rows("SELECT id, v FROM t WHERE g + 0 = 2 ORDER BY v + 0 DESC LIMIT 4"), db.Rows(query));
    }

    [Fact]
    public void A_range_on_the_order_column_and_other_filters_keep_the_order()
    {
        var db = WithRows();
        const string query = "SELECT v, w FROM t WHERE v > 50 AND w LIKE 'w1%' ORDER BY v LIMIT 5";
        var plan = Plan(db, query);
        Assert.Contains("Index Scan using t_v on t", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.Equal(db.Rows("SELECT v, w FROM t WHERE v + 0 > 50 AND w LIKE 'w1%' ORDER BY v + 0, w LIMIT 5"), db.Rows(query));
    }

    [Fact]
    public void Primary_key_order_reads_the_row_tree_even_without_limit()
    {
        var db = WithRows();
        var plan = Plan(db, "SELECT id FROM t ORDER BY id DESC");
        Assert.Contains("Index Scan Backward using t_pkey on t", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.Equal(["201", "200"], db.Rows("SELECT id FROM t ORDER BY id DESC LIMIT 2"));
        Assert.Equal(["3", "4"], db.Rows("SELECT id FROM t ORDER BY 1 LIMIT 2 OFFSET 2"));
    }

    [Fact]
    public void Order_on_an_unindexed_expression_still_sorts()
    {
        var db = WithRows();
        Assert.Contains("Sort", Plan(db, "SELECT id FROM t ORDER BY v + 1 LIMIT 3"), StringComparison.Ordinal);
        Assert.Contains("Sort", Plan(db, "SELECT id FROM t ORDER BY g, id LIMIT 3"), StringComparison.Ordinal);
    }
}
