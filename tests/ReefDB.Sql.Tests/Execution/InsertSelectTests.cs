namespace ReefDB.Sql.Tests.Execution;

/// <summary>
/// INSERT … SELECT stores source rows as they are when they already are the table's rows (all columns, in
/// order, no hidden row id), and builds a new row otherwise: these cases must not leak one table's layout
/// into another.
/// </summary>
public sealed class InsertSelectTests
{
    [Fact]
    public void Rows_from_a_table_with_a_hidden_row_id_are_stored_without_it()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE src (a INTEGER, b TEXT); INSERT INTO src VALUES (2, 'two'), (1, 'one')");
        db.Exec("CREATE TABLE keyed (a INTEGER PRIMARY KEY, b TEXT); INSERT INTO keyed SELECT * FROM src");
        db.Exec("CREATE TABLE heap (a INTEGER, b TEXT); INSERT INTO heap SELECT * FROM keyed; INSERT INTO heap SELECT * FROM src");
        Assert.Equal(["1|one", "2|two"], db.Rows("SELECT * FROM keyed"));
        Assert.Equal(["1|one", "2|two", "2|two", "1|one"], db.Rows("SELECT * FROM heap"));
        Assert.Equal(["4"], db.Rows("SELECT count(*) FROM heap"));
    }

    [Fact]
    public void Target_columns_in_another_order_and_defaults_fill_the_row()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT DEFAULT 'none', n BIGINT DEFAULT 7)");
        db.Exec("INSERT INTO t (n, id) SELECT x * 10, x FROM (VALUES (1), (2)) AS v(x)");
        Assert.Equal(["1|none|10", "2|none|20"], db.Rows("SELECT * FROM t"));
    }

    [Fact]
    public void Converted_values_are_stored_converted_and_the_source_is_unchanged()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE src (k INTEGER PRIMARY KEY, v NUMERIC); INSERT INTO src VALUES (1, 1.25), (2, 2.5)");
        db.Exec("CREATE TABLE dst (k BIGINT PRIMARY KEY, v NUMERIC(4,1)); INSERT INTO dst SELECT * FROM src");
        Assert.Equal(["1|1.3", "2|2.5"], db.Rows("SELECT * FROM dst"));
        Assert.Equal(["1|1.25", "2|2.5"], db.Rows("SELECT * FROM src"));
    }

    [Fact]
    public void A_duplicate_key_in_the_source_fails_the_statement_and_stores_nothing()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t (k BIGINT PRIMARY KEY, v TEXT)");
        Assert.Equal("23505", db.Error("INSERT INTO t WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 5) SELECT x % 4, 'v' FROM g"));
        Assert.Equal(["0"], db.Rows("SELECT count(*) FROM t"));
    }

    [Fact]
    public void A_series_from_a_recursive_cte_is_stored_in_full()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t (k BIGINT PRIMARY KEY, v TEXT)");
        db.Exec("INSERT INTO t (k, v) WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 1000) SELECT x, 'a value' FROM g");
        Assert.Equal(["1000|500500|1|1000"], db.Rows("SELECT count(*), sum(k), min(k), max(k) FROM t"));
    }
}
