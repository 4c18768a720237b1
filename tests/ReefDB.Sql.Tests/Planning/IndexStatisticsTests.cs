using System.Text;
using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Planning;

/// <summary>Non-unique indexes keep their leading part's distinct count current, and the planner reads it.</summary>
public sealed class IndexStatisticsTests
{
    private static TestDatabase IndexedBeforeInsert(Func<int, int> g)
    {
        var db = new TestDatabase();
        var sql = new StringBuilder("CREATE TABLE t(id INTEGER PRIMARY KEY, g INTEGER); CREATE INDEX t_g ON t (g);");
        sql.Append("INSERT INTO t VALUES ");
        sql.Append(string.Join(", ", Enumerable.Range(1, 1024).Select(i => $"({i}, {g(i)})")));
        db.Exec(sql.ToString());
        return db;
    }

    private static string Plan(TestDatabase db, string query) => string.Join("\n", db.Rows("EXPLAIN " + query));

    [Fact]
    public void A_column_of_two_values_is_scanned_and_one_of_many_values_is_looked_up()
    {
        var few = IndexedBeforeInsert(i => i % 2);
        Assert.Contains("Seq Scan on t", Plan(few, "SELECT id FROM t WHERE g = 1"), StringComparison.Ordinal);
        var many = IndexedBeforeInsert(i => i);
        Assert.Contains("Index Scan using t_g on t", Plan(many, "SELECT id FROM t WHERE g = 1"), StringComparison.Ordinal);
        Assert.Contains("(rows=1)", Plan(many, "SELECT id FROM t WHERE g = 1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Deletes_and_updates_keep_the_count_current()
    {
        var db = IndexedBeforeInsert(i => i);
        db.Exec("UPDATE t SET g = id % 2");
        Assert.Contains("Seq Scan on t", Plan(db, "SELECT id FROM t WHERE g = 1"), StringComparison.Ordinal);
        db.Exec("DELETE FROM t WHERE id > 2; INSERT INTO t SELECT i, i FROM generate_series(3, 1024) AS s(i)");
        Assert.Contains("Index Scan using t_g on t", Plan(db, "SELECT id FROM t WHERE g = 700"), StringComparison.Ordinal);
        Assert.Equal(["700"], db.Rows("SELECT id FROM t WHERE g = 700"));
    }

    [Fact]
    public void A_cached_plan_is_replaced_when_a_distinct_count_it_read_changes_bucket()
    {
        // The row count stays 1,024 throughout: only the distinct count of g moves. A plan cached before the update must
        // not outlive it, or a replica that cached it and one that compiles afresh would run different plans.
        var db = IndexedBeforeInsert(i => i);
        var prepared = new SqlEngine().Prepare("SELECT id FROM t WHERE g = 1");
        Assert.Contains("Index Scan using t_g on t", CachedPlan(prepared, db.Version), StringComparison.Ordinal);

        db.Exec("UPDATE t SET g = id % 2");

        Assert.Contains("Seq Scan on t", CachedPlan(prepared, db.Version), StringComparison.Ordinal);
        Assert.Equal(Plan(db, "SELECT id FROM t WHERE g = 1"), CachedPlan(prepared, db.Version));
    }

    [Fact]
    public void An_expression_index_serves_equality_on_the_same_expression()
    {
        var db = new TestDatabase();
        var sql = new StringBuilder("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX p_lower ON p ((lower(name)));");
        sql.Append("INSERT INTO p VALUES ");
        sql.Append(string.Join(", ", Enumerable.Range(1, 256).Select(i => $"({i}, 'Name{i}')")));
        db.Exec(sql.ToString());
        Assert.Contains("Index Scan using p_lower on p", Plan(db, "SELECT id FROM p WHERE lower(name) = 'name42'"), StringComparison.Ordinal);
        Assert.Equal(["42"], db.Rows("SELECT id FROM p WHERE lower(name) = 'name42'"));
        Assert.Equal(["7"], db.Rows("SELECT id FROM p AS q WHERE 'name7' = lower(q.name)"));
        Assert.Contains("Seq Scan on p", Plan(db, "SELECT id FROM p WHERE upper(name) = 'NAME42'"), StringComparison.Ordinal);
    }

    private static string CachedPlan(PreparedBatch prepared, DatabaseVersion version)
    {
        var lines = new List<string>();
        ((ReefDB.Sql.Execution.QueryExecutable)prepared.Statements[0].PlanFor(version)).Plan.Explain(lines);
        return string.Join("\n", lines);
    }
}
