using System.Globalization;
using System.Text.RegularExpressions;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Tests.LogicTest;

/// <summary>Fake engines that answer exactly the statements of the test files in testdata/.</summary>
internal static partial class FakeLogic
{
    /// <summary>Answers basic.test: a table t with rows (10, ''), (1, 'x'), (2, NULL), in that order.
    /// Stateless, so that several sessions (one per file) may share it.</summary>
    public static Func<string, StatementOutcome> Basic()
    {
        return sql =>
        {
            switch (sql)
            {
                case "CREATE TABLE t(a INTEGER, b TEXT)":
                    return StatementOutcome.Command("CREATE TABLE");
                case "CREATE TABLE t(a INTEGER)":
                    return StatementOutcome.Failed(new SqlError("42P07", "relation \"t\" already exists"));
                case "SELECT a, b FROM t" or "SELECT a, b FROM t AS t2":
                    return StatementOutcome.Query("SELECT 3", ["a", "b"], [[10L, ""], [1L, "x"], [2L, null]]);
                case "SELECT a FROM t UNION ALL SELECT a + 1 FROM t":
                    return StatementOutcome.Query("SELECT 6", ["a"], [[10L], [1L], [2L], [11L], [2L], [3L]]);
                case "SELECT avg(a) FROM t":
                    return StatementOutcome.Query("SELECT 1", ["avg"], [[4.3333333333333333333m]]);
                default:
                    return StatementOutcome.Failed(new SqlError("42601", "fake cannot run: " + sql, 1, 1));
            }
        };
    }

    /// <summary>Answers the select1.test excerpt by computing its one query over the inserted rows.</summary>
    public static Func<string, StatementOutcome> Select1Excerpt()
    {
        var rows = new List<Dictionary<string, long?>>();
        return sql =>
        {
            if (sql.StartsWith("CREATE TABLE t1", StringComparison.Ordinal))
            {
                return StatementOutcome.Command("CREATE TABLE");
            }

            if (Insert().Match(sql) is { Success: true } insert)
            {
                var columns = insert.Groups[1].Value.Split(',');
                var values = insert.Groups[2].Value.Split(',');
                rows.Add(columns.Zip(values).ToDictionary(
                    p => p.First,
                    p => p.Second == "NULL" ? (long?)null : long.Parse(p.Second, CultureInfo.InvariantCulture)));
                return StatementOutcome.Command("INSERT 0 1", 1);
            }

            // SELECT CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END FROM t1 ORDER BY 1
            var average = rows.Where(r => r["c"] is not null).Average(r => (double)r["c"]!.Value);
            var result = rows
                .Select(r => r["c"] > average ? r["a"] * 2 : r["b"] * 10)
                .OrderBy(v => v)
                .Select(v => new object?[] { v })
                .ToList();
            return StatementOutcome.Query("SELECT 30", ["case"], result);
        };
    }

    [GeneratedRegex(@"^INSERT INTO t1\(([a-e,]+)\) VALUES\(([-0-9NUL,]+)\)$")]
    private static partial Regex Insert();
}
