namespace ReefDB.Sql.Tests.Execution;

/// <summary>A prepared batch reports its parameters' types as PostgreSQL infers them.</summary>
public sealed class ParameterTypeTests
{
    private static TestDatabase WithTable()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, big BIGINT, name TEXT, at DATE, amount NUMERIC(8,2))");
        return db;
    }

    private static string[] Types(TestDatabase db, string sql) =>
        [.. new SqlEngine().Prepare(sql).ParameterTypes(db.Version).Select(t => t.Name)];

    [Fact]
    public void Parameters_take_the_type_of_the_column_they_are_compared_with()
    {
        var db = WithTable();
        Assert.Equal(["integer", "text", "date"], Types(db, "SELECT * FROM t WHERE id = $1 AND name LIKE $2 AND at > $3"));
        Assert.Equal(["bigint"], Types(db, "SELECT id FROM t WHERE $1 < big"));
    }

    [Fact]
    public void Parameters_take_the_type_of_the_column_they_are_assigned_to()
    {
        var db = WithTable();
        Assert.Equal(["integer", "bigint", "text", "date", "numeric(8,2)"], Types(db, "INSERT INTO t VALUES ($1, $2, $3, $4, $5)"));
        Assert.Equal(["numeric(8,2)", "integer"], Types(db, "UPDATE t SET amount = $1 WHERE id = $2"));
        Assert.Equal(["integer"], Types(db, "DELETE FROM t WHERE id = $1"));
    }

    [Fact]
    public void Casts_and_function_arguments_decide_and_nothing_else_means_text()
    {
        var db = WithTable();
        Assert.Equal(["bigint", "text", "text", "text"], Types(db, "SELECT $1::bigint, $2, length($3) FROM t WHERE upper(name) = $4"));
        Assert.Equal(["integer"], Types(db, "EXPLAIN SELECT * FROM t WHERE id = $1"));
    }

    [Fact]
    public void A_statement_on_a_table_created_earlier_in_the_batch_determines_nothing_yet()
    {
        var db = new TestDatabase();
        Assert.Equal(["text"], Types(db, "CREATE TABLE u(a INTEGER); INSERT INTO u VALUES ($1)"));
    }
}
