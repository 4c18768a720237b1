using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Tests.Execution;

/// <summary>SQL calls reach the value layer's function and aggregate registries, with their types and errors.</summary>
public sealed class FunctionCallTests
{
    private static TestDatabase WithTable()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c NUMERIC(6,2), d REAL)");
        db.Exec("INSERT INTO t VALUES (1, 'x', 1.50, 1.5), (2, 'y', NULL, 2.5), (3, 'x', 3.25, NULL)");
        return db;
    }

    [Fact]
    public void Registry_functions_are_callable_from_sql()
    {
        var db = new TestDatabase();
        Assert.Equal(["Hello World|a1|3|5|abc"],
            db.Rows("SELECT initcap('hello world'), concat('a', 1), length('abc'), gcd(10, 15), lower('ABC')"));
        Assert.Equal(["2000-01-01|2000-01-01 00:00:00"], db.Rows("SELECT current_date, now()"));
    }

    [Fact]
    public void Unknown_literals_take_the_parameter_type_at_bind_time()
    {
        var db = new TestDatabase();
        Assert.Equal(["2024"], db.Rows("SELECT date_part('year', '2024-02-15'::date)::integer"));
        Assert.Equal(SqlStates.UndefinedFunction, db.Error("SELECT no_such_function(1)"));
        Assert.Equal(SqlStates.UndefinedFunction, db.Error("SELECT sqrt('x'::bytea)"));
    }

    [Fact]
    public void Greatest_and_least_skip_nulls_in_the_common_type()
    {
        var db = WithTable();
        Assert.Equal(["3.25"], db.Rows("SELECT greatest(c, 1, NULL) FROM t WHERE a = 3"));
        Assert.Equal(["1"], db.Rows("SELECT least(a, 2.5) FROM t WHERE a = 1"));
    }

    [Fact]
    public void Aggregates_have_postgresql_result_types()
    {
        var db = WithTable();
        var result = db.Run("SELECT sum(a), sum(c), avg(a), sum(d), count(*), max(b) FROM t").Results[^1];
        Assert.Equal(["bigint", "numeric", "numeric", "real", "bigint", "text"], result.Columns.Select(c => c.Type.Name));
        Assert.Equal(["6|4.75|2.0000000000000000|4|3|y"], db.Rows("SELECT sum(a), sum(c), avg(a), sum(d), count(*), max(b) FROM t"));
        Assert.Equal(SqlStates.UndefinedFunction, db.Error("SELECT sum(b) FROM t"));
    }

    [Fact]
    public void Distinct_aggregates_see_each_value_once_in_order()
    {
        var db = WithTable();
        Assert.Equal(["2|x,y|y,x"], db.Rows(
            "SELECT count(DISTINCT b), string_agg(DISTINCT b, ','), string_agg(DISTINCT b, ',' ORDER BY b DESC) FROM t"));
    }

    [Fact]
    public void Random_is_deterministic_for_a_seed_and_advances_within_a_batch()
    {
        var db = new TestDatabase();
        var first = db.Rows("SELECT random() < 1, random() = random()");
        Assert.Equal(["t|f"], first);
        var a = new TestDatabase().Rows("SELECT random()");
        var b = new TestDatabase().Rows("SELECT random()");
        Assert.Equal(a, b);
    }
}
