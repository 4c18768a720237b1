using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Binding;

/// <summary>
/// An aggregate in a subquery whose arguments read only an enclosing query's columns is an aggregate of
/// that enclosing query (SQL standard; PostgreSQL 15 gives the results below), issue 2.
/// </summary>
public sealed class OuterAggregateTests
{
    private static TestDatabase WithTables()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(x INTEGER, g TEXT)");
        db.Exec("INSERT INTO t VALUES (1, 'a'), (2, 'a'), (3, 'b')");
        db.Exec("CREATE TABLE u(y INTEGER)");
        db.Exec("INSERT INTO u VALUES (10), (20)");
        return db;
    }

    [Fact]
    public void Aggregate_of_outer_columns_aggregates_the_outer_query()
    {
        var db = WithTables();
        Assert.Equal(["6"], db.Rows("SELECT (SELECT sum(t.x) FROM u LIMIT 1) FROM t"));
        Assert.Equal(["8"], db.Rows("SELECT (SELECT sum(t.x) + count(*) FROM u) FROM t"));
        Assert.Equal(["6"], db.Rows("SELECT (SELECT (SELECT sum(t.x) FROM u LIMIT 1) FROM u LIMIT 1) FROM t"));
        Assert.Equal(["3|2"], db.Rows("SELECT count(*), (SELECT max(u.y) FROM u WHERE u.y < 10 * count(t.x)) / 10 FROM t"));
    }

    [Fact]
    public void Outer_aggregate_is_computed_per_group()
    {
        var db = WithTables();
        Assert.Equal(["a|2", "b|3"], db.Rows("SELECT g, (SELECT max(t.x) FROM u LIMIT 1) FROM t GROUP BY g ORDER BY g"));
        Assert.Equal(["b"], db.Rows("SELECT g FROM t GROUP BY g HAVING EXISTS (SELECT 1 FROM u WHERE u.y < 4 * max(t.x))"));
        Assert.Equal(["a|3"], db.Rows("SELECT g, (SELECT sum(t.x) FROM u LIMIT 1) AS s FROM t GROUP BY g ORDER BY (SELECT min(t.x) FROM u LIMIT 1) LIMIT 1"));
    }

    [Fact]
    public void Aggregate_reading_inner_columns_stays_in_the_subquery()
    {
        var db = WithTables();
        Assert.Equal(["32", "34", "36"], db.Rows("SELECT (SELECT sum(t.x + u.y) FROM u) FROM t ORDER BY 1"));
        Assert.Equal(["2", "2", "2"], db.Rows("SELECT (SELECT count(*) FROM u) FROM t"));
        Assert.Equal(["26"], db.Rows("SELECT (SELECT max(u.y + sum(t.x)) FROM u) FROM t"));
    }

    [Fact]
    public void Outer_aggregate_where_the_outer_clause_forbids_aggregates_is_an_error()
    {
        var db = WithTables();
        Assert.Equal("42803", db.Error("SELECT x FROM t WHERE x < (SELECT sum(t.x) FROM u LIMIT 1)"));
        Assert.Equal("42803", db.Error("SELECT x, (SELECT sum(t.x) FROM u LIMIT 1) FROM t"));
        Assert.Equal("42803", db.Error("SELECT g FROM t GROUP BY (SELECT sum(t.x) FROM u LIMIT 1)"));
        Assert.Equal("42803", db.Error("SELECT (SELECT max(sum(t.x)) FROM u LIMIT 1) FROM t"));
        Assert.Equal("42803", db.Error("SELECT * FROM t, LATERAL (SELECT sum(t.x)) AS d"));
    }

    [Fact]
    public void Subquery_whose_body_is_a_set_operation_or_derived_table_is_correlated()
    {
        var db = WithTables();
        Assert.Equal(["1", "2", "3"], db.Rows("SELECT (SELECT t.x UNION ALL SELECT 0 ORDER BY 1 DESC LIMIT 1) FROM t ORDER BY 1"));
        Assert.Equal(["1", "2", "3"], db.Rows("SELECT (SELECT d.v FROM (SELECT t.x AS v) AS d) FROM t ORDER BY 1"));
    }
}
