namespace ReefDB.Sql.Tests.Execution;

public sealed class SelectTests
{
    private static TestDatabase WithTable()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INTEGER)");
        db.Exec("INSERT INTO t VALUES (1, 'x', 10), (2, 'y', NULL), (3, 'z', 30)");
        return db;
    }

    [Fact]
    public void Select_without_from_computes_expressions()
    {
        var db = new TestDatabase();
        Assert.Equal(["3|ab"], db.Rows("SELECT 1 + 2, 'a' || 'b'"));
    }

    [Fact]
    public void Where_order_limit_and_offset()
    {
        var db = WithTable();
        Assert.Equal(["3|z", "2|y"], db.Rows("SELECT a, b FROM t WHERE a > 1 ORDER BY a DESC"));
        Assert.Equal(["2"], db.Rows("SELECT a FROM t ORDER BY a LIMIT 1 OFFSET 1"));
    }

    [Fact]
    public void Nulls_sort_last_ascending_and_first_descending()
    {
        var db = WithTable();
        Assert.Equal(["10", "30", "NULL"], db.Rows("SELECT c FROM t ORDER BY c"));
        Assert.Equal(["NULL", "30", "10"], db.Rows("SELECT c FROM t ORDER BY c DESC"));
    }

    [Fact]
    public void Comparisons_with_null_are_unknown()
    {
        var db = WithTable();
        Assert.Equal(["1", "3"], db.Rows("SELECT a FROM t WHERE c > 0 OR c < 0 ORDER BY a"));
        Assert.Equal(["2"], db.Rows("SELECT a FROM t WHERE NOT (c IS NOT NULL)"));
    }

    [Fact]
    public void Aggregates_group_by_and_having()
    {
        var db = WithTable();
        db.Exec("INSERT INTO t VALUES (4, 'x', 5)");
        Assert.Equal(["x|2|15", "y|1|NULL", "z|1|30"], db.Rows("SELECT b, count(*), sum(c) FROM t GROUP BY b ORDER BY b"));
        Assert.Equal(["x"], db.Rows("SELECT b FROM t GROUP BY b HAVING count(*) > 1"));
        Assert.Equal(["4|45|3"], db.Rows("SELECT count(*), sum(c), count(c) FROM t"));
        Assert.Equal(["0|NULL"], db.Rows("SELECT count(*), max(a) FROM t WHERE a > 100"));
    }

    [Fact]
    public void Joins_inner_left_and_subqueries()
    {
        var db = WithTable();
        db.Exec("CREATE TABLE u(a INTEGER, d TEXT)");
        db.Exec("INSERT INTO u VALUES (1, 'one'), (3, 'three'), (3, 'drei')");
        Assert.Equal(["1|one", "3|drei", "3|three"], db.Rows("SELECT t.a, u.d FROM t JOIN u ON t.a = u.a ORDER BY 1, 2"));
        Assert.Equal(["1|one", "2|NULL", "3|drei", "3|three"], db.Rows("SELECT t.a, u.d FROM t LEFT JOIN u ON t.a = u.a ORDER BY 1, 2"));
        Assert.Equal(["1", "3"], db.Rows("SELECT a FROM t WHERE a IN (SELECT a FROM u) ORDER BY a"));
        Assert.Equal(["2"], db.Rows("SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.a = t.a)"));
        Assert.Equal(["1|1", "2|0", "3|2"], db.Rows("SELECT a, (SELECT count(*) FROM u WHERE u.a = t.a) FROM t ORDER BY a"));
    }

    [Fact]
    public void Distinct_and_set_operations()
    {
        var db = WithTable();
        Assert.Equal(["x", "y", "z"], db.Rows("SELECT DISTINCT b FROM t ORDER BY b"));
        Assert.Equal(["1", "2", "3"], db.Rows("SELECT a FROM t UNION SELECT a FROM t ORDER BY 1"));
        Assert.Equal(6, db.Rows("SELECT a FROM t UNION ALL SELECT a FROM t").Count);
        Assert.Equal(["2"], db.Rows("SELECT a FROM t EXCEPT SELECT a FROM t WHERE c IS NOT NULL"));
    }

    [Fact]
    public void Like_prefix_uses_an_index_range_with_the_same_rows()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE w(s TEXT PRIMARY KEY)");
        db.Exec("INSERT INTO w VALUES ('apple'), ('apricot'), ('banana'), ('ap'), ('Apple')");
        Assert.Equal(["ap", "apple", "apricot"], db.Rows("SELECT s FROM w WHERE s LIKE 'ap%' ORDER BY s"));
        Assert.Equal(["Apple", "apple"], db.Rows("SELECT s FROM w WHERE s ILIKE 'apple' ORDER BY s"));
        Assert.Contains("Index Scan", string.Join("\n", db.Rows("EXPLAIN SELECT s FROM w WHERE s LIKE 'ap%'")), StringComparison.Ordinal);
    }

    [Fact]
    public void Recursive_cte_counts()
    {
        var db = new TestDatabase();
        Assert.Equal(["55"], db.Rows("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT sum(i) FROM n"));
    }

    [Fact]
    public void Errors_carry_sqlstate()
    {
        var db = WithTable();
        Assert.Equal("42P01", db.Error("SELECT * FROM missing"));
        Assert.Equal("42703", db.Error("SELECT nope FROM t"));
        Assert.Equal("22012", db.Error("SELECT 1 / 0"));
        Assert.Equal("21000", db.Error("SELECT (SELECT a FROM t)"));
        Assert.Equal("42803", db.Error("SELECT b, count(*) FROM t"));
    }

    [Fact]
    public void An_empty_in_list_is_false_and_its_negation_true_even_for_null()
    {
        var db = WithTable();
        Assert.Equal([], db.Rows("SELECT a FROM t WHERE a IN ()"));
        Assert.Equal(["1", "2", "3"], db.Rows("SELECT a FROM t WHERE NULL NOT IN () ORDER BY a"));
        Assert.Equal(["f|t"], db.Rows("SELECT NULL IN (), 'x' NOT IN ()"));
    }

    [Fact]
    public void Unary_plus_leaves_text_as_it_is()
    {
        var db = WithTable();
        Assert.Equal(["x", "y"], db.Rows("SELECT + b FROM t WHERE a < 3 ORDER BY a"));
    }
}
