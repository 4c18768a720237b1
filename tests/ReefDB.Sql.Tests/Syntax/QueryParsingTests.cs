using ReefDB.Sql.Syntax;
using static ReefDB.Sql.Tests.Syntax.ParserTestHelpers;

namespace ReefDB.Sql.Tests.Syntax;

public sealed class QueryParsingTests
{
    [Theory]
    [InlineData("select a, b from t", "SELECT a, b FROM t")]
    [InlineData("SELECT * FROM t WHERE a = 1", "SELECT * FROM t WHERE (a = 1)")]
    [InlineData("SELECT t.*, u.x AS y, 1 z FROM t, u", "SELECT t.*, u.x AS y, 1 AS z FROM t, u")]
    [InlineData("SELECT s.t.* FROM s.t", "SELECT t.* FROM s.t")]
    [InlineData("SELECT DISTINCT a FROM t", "SELECT DISTINCT a FROM t")]
    [InlineData("SELECT DISTINCT ON (a) a, b FROM t", "SELECT DISTINCT ON (a) a, b FROM t")]
    [InlineData("SELECT ALL a FROM t", "SELECT a FROM t")]
    [InlineData("SELECT FROM t", "SELECT FROM t")]
    [InlineData("SELECT 1 AS select", "SELECT 1 AS \"select\"")]
    [InlineData("SELECT name, text, value, key, data, count, date FROM t",
        "SELECT name, text, value, key, data, count, date FROM t")]
    [InlineData("SELECT \"Mixed\"\"Case\" FROM \"T\"", "SELECT \"Mixed\"\"Case\" FROM \"T\"")]
    [InlineData("SELECT A FROM T", "SELECT a FROM t")]
    [InlineData("SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1",
        "SELECT a, count(*) FROM t GROUP BY a HAVING (count(*) > 1)")]
    [InlineData("SELECT a FROM t ORDER BY a DESC NULLS FIRST, 2 LIMIT 10 OFFSET 5",
        "SELECT a FROM t ORDER BY a DESC NULLS FIRST, 2 LIMIT 10 OFFSET 5")]
    [InlineData("SELECT a FROM t OFFSET 5 ROWS FETCH FIRST 3 ROWS ONLY", "SELECT a FROM t LIMIT 3 OFFSET 5")]
    [InlineData("SELECT a FROM t FETCH NEXT ROW ONLY", "SELECT a FROM t LIMIT 1")]
    [InlineData("SELECT a FROM t LIMIT ALL", "SELECT a FROM t")]
    [InlineData("VALUES (1, 'a'), (2, 'b')", "VALUES (1, 'a'), (2, 'b')")]
    [InlineData("TABLE t", "SELECT * FROM t")]
    public void Select_statements(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3", "SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)")]
    [InlineData("SELECT 1 INTERSECT SELECT 2 UNION SELECT 3", "(SELECT 1 INTERSECT SELECT 2) UNION SELECT 3")]
    [InlineData("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3", "(SELECT 1 UNION ALL SELECT 2) EXCEPT SELECT 3")]
    [InlineData("SELECT 1 EXCEPT ALL SELECT 2 INTERSECT ALL SELECT 3", "SELECT 1 EXCEPT ALL (SELECT 2 INTERSECT ALL SELECT 3)")]
    [InlineData("SELECT 1 UNION DISTINCT SELECT 2", "SELECT 1 UNION SELECT 2")]
    [InlineData("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3")]
    [InlineData("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 2", "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 2")]
    [InlineData("(SELECT a FROM t ORDER BY a LIMIT 1) UNION SELECT 2", "(SELECT a FROM t ORDER BY a LIMIT 1) UNION SELECT 2")]
    [InlineData("((SELECT 1))", "SELECT 1")]
    public void Set_operations_give_intersect_higher_precedence(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", "WITH x AS (SELECT 1) SELECT * FROM x")]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT (n + 1) FROM r WHERE (n < 5)) SELECT n FROM r")]
    [InlineData("WITH a AS (SELECT 1), b (x) AS MATERIALIZED (SELECT 2) SELECT * FROM a, b",
        "WITH a AS (SELECT 1), b(x) AS (SELECT 2) SELECT * FROM a, b")]
    public void Common_table_expressions(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("SELECT * FROM a JOIN b ON a.x = b.x", "SELECT * FROM (a INNER JOIN b ON (a.x = b.x))")]
    [InlineData("SELECT * FROM a INNER JOIN b USING (x, y)", "SELECT * FROM (a INNER JOIN b USING (x, y))")]
    [InlineData("SELECT * FROM a LEFT OUTER JOIN b ON true RIGHT JOIN c ON false",
        "SELECT * FROM ((a LEFT JOIN b ON TRUE) RIGHT JOIN c ON FALSE)")]
    [InlineData("SELECT * FROM a FULL JOIN b ON 1 = 1 CROSS JOIN c", "SELECT * FROM ((a FULL JOIN b ON (1 = 1)) CROSS JOIN c)")]
    [InlineData("SELECT * FROM a NATURAL JOIN b", "SELECT * FROM (a NATURAL INNER JOIN b)")]
    [InlineData("SELECT * FROM a NATURAL LEFT JOIN b", "SELECT * FROM (a NATURAL LEFT JOIN b)")]
    [InlineData("SELECT * FROM a JOIN (b JOIN c ON b.y = c.y) ON a.x = b.x",
        "SELECT * FROM (a INNER JOIN (b INNER JOIN c ON (b.y = c.y)) ON (a.x = b.x))")]
    [InlineData("SELECT * FROM t AS x (a, b), u y", "SELECT * FROM t AS x(a, b), u AS y")]
    [InlineData("SELECT * FROM (SELECT 1) AS s, (VALUES (1), (2)) v(n)",
        "SELECT * FROM (SELECT 1) AS s, (VALUES (1), (2)) AS v(n)")]
    [InlineData("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) s", "SELECT * FROM (SELECT 1 UNION SELECT 2) AS s")]
    [InlineData("SELECT * FROM generate_series(1, 3) AS g(n)", "SELECT * FROM generate_series(1, 3) AS g(n)")]
    [InlineData("SELECT * FROM t, LATERAL (SELECT t.a) s", "SELECT * FROM t, LATERAL (SELECT t.a) AS s")]
    [InlineData("SELECT * FROM public.t", "SELECT * FROM public.t")]
    public void From_items_and_joins(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("SELECT (SELECT max(a) FROM t)", "SELECT (SELECT max(a) FROM t)")]
    [InlineData("SELECT * FROM t WHERE a IN (SELECT b FROM u)", "SELECT * FROM t WHERE (a IN (SELECT b FROM u))")]
    [InlineData("SELECT * FROM t WHERE (a, b) NOT IN (SELECT 1, 2)", "SELECT * FROM t WHERE (ROW(a, b) NOT IN (SELECT 1, 2))")]
    [InlineData("SELECT * FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.x = t.x)",
        "SELECT * FROM t WHERE (NOT EXISTS (SELECT 1 FROM u WHERE (u.x = t.x)))")]
    [InlineData("SELECT ((SELECT 1) + 1)", "SELECT ((SELECT 1) + 1)")]
    [InlineData("SELECT 1 IN ((SELECT 1), 2)", "SELECT (1 IN ((SELECT 1), 2))")]
    [InlineData("SELECT x FROM t WHERE x = ANY (SELECT y FROM u)", "SELECT x FROM t WHERE (x = ANY (SELECT y FROM u))")]
    public void Subqueries(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Fact]
    public void Select_tree_holds_clauses_in_their_places()
    {
        var select = Single<SelectStatement>("SELECT a AS x, b FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 1 ORDER BY x LIMIT $1");
        var query = select.Query;
        var core = Assert.IsType<SelectExpression>(query.Body);
        Assert.Equal("x", Assert.IsType<ExpressionSelectItem>(core.Items[0]).Alias);
        Assert.Null(Assert.IsType<ExpressionSelectItem>(core.Items[1]).Alias);
        Assert.Equal(new ObjectName("t"), Assert.IsType<NamedTableReference>(core.From[0]).Name with { Position = default });
        Assert.Equal(2, core.GroupBy.Count);
        Assert.NotNull(core.Having);
        Assert.Single(query.OrderBy);
        Assert.Equal(1, Assert.IsType<ParameterReference>(query.Limit).Number);
    }
}
