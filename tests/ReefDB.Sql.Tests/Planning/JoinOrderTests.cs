using System.Text;
using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Planning;

public sealed class JoinOrderTests
{
    [Fact]
    public void Sixty_four_table_equality_join_plans_greedily_and_gives_the_right_rows()
    {
        var db = new TestDatabase();
        var setup = new StringBuilder();
        for (var t = 0; t < 64; t++)
        {
            setup.Append($"CREATE TABLE t{t}(a INTEGER, b INTEGER);");
            setup.Append($"INSERT INTO t{t} VALUES (1, 1), (2, 2), (3, {(t % 2 == 0 ? 3 : 4)});");
        }

        db.Exec(setup.ToString());
        var from = string.Join(", ", Enumerable.Range(0, 64).Select(t => $"t{t}"));
        var where = string.Join(" AND ", Enumerable.Range(0, 63).Reverse().Select(t => $"t{t}.b = t{t + 1}.a"));
        Assert.Equal(["2"], db.Rows($"SELECT count(*) FROM {from} WHERE {where}"));
        Assert.Equal(["1|1", "2|2"], db.Rows($"SELECT t0.a, t63.b FROM {from} WHERE {where} ORDER BY 1"));
    }

    [Fact]
    public void Explain_shows_join_method_and_estimates()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE a(id INTEGER PRIMARY KEY, v INTEGER); CREATE TABLE b(x INTEGER, y INTEGER)");
        db.Exec("INSERT INTO a VALUES (1, 1), (2, 2); INSERT INTO b VALUES (1, 5), (2, 6), (2, 7)");
        var plan = string.Join("\n", db.Rows("EXPLAIN SELECT * FROM b JOIN a ON a.id = b.x"));
        Assert.Contains("Nested Loop", plan, StringComparison.Ordinal);
        Assert.Contains("Index Scan using a_pkey on a", plan, StringComparison.Ordinal);
        Assert.Contains("rows=", plan, StringComparison.Ordinal);
        plan = string.Join("\n", db.Rows("EXPLAIN SELECT * FROM b JOIN b AS c ON b.y = c.x"));
        Assert.Contains("Hash Join", plan, StringComparison.Ordinal);
    }
}
