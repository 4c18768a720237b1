namespace ReefDB.Benchmarks.Sql;

/// <summary>Row generation that SQLite and ReefDB both understand: a recursive CTE named <c>g(x)</c>.</summary>
internal static class Series
{
    public static string Of(int rows) =>
        $"WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {rows})";
}
