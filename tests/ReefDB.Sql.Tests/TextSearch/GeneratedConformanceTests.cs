using System.Globalization;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.TextSearch;

/// <summary>
/// ReefDB's own text-search data set (tests/ReefDB.FullText.Tests/Data/expected/conformance.test, produced
/// by PostgreSQL 15 with scripts/fts-expected) run through the SQL engine rather than the library: text
/// identical, reals within 1e-6, errors with PostgreSQL's SQLSTATE and message.
/// </summary>
public sealed class GeneratedConformanceTests
{
    [Fact]
    public void Engine_answers_like_PostgreSQL_15()
    {
        var path = FindDataSet();
        var failures = new List<string>();
        var passed = 0;
        var engine = new SqlEngine();
        var version = DatabaseVersion.Empty;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("statement", StringComparison.Ordinal) && !lines[i].StartsWith("query", StringComparison.Ordinal))
            {
                continue;
            }

            var header = lines[i];
            var start = i + 1;
            var sql = new List<string>();
            for (i++; i < lines.Length && lines[i].Length > 0 && lines[i] != "----"; i++)
            {
                sql.Add(lines[i]);
            }

            var expected = new List<string>();
            if (i < lines.Length && lines[i] == "----")
            {
                for (i++; i < lines.Length && lines[i].Length > 0; i++)
                {
                    expected.Add(lines[i]);
                }
            }

            var outcome = engine.Execute(version, string.Join("\n", sql));
            version = outcome.Version;
            var failure = Check(header, outcome.Results[^1], expected);
            if (failure is null)
            {
                passed++;
            }
            else
            {
                failures.Add($"line {start}: {string.Join(" ", sql)}\n   {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{passed} passed, {failures.Count} failed:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(passed > 2000, $"only {passed} records ran");
    }

    private static string? Check(string header, StatementResult result, List<string> expected)
    {
        if (header.StartsWith("statement error", StringComparison.Ordinal))
        {
            var detail = header.Length > "statement error".Length ? header["statement error ".Length..] : null;
            var raised = result.Error is { } e ? $"{e.SqlState} {e.Message}" : null;
            return raised is not null && (detail is null || detail == raised || detail == result.Error!.SqlState)
                ? null
                : $"expected error {detail}, got {raised ?? "success"}";
        }

        if (result.Error is { } error)
        {
            return $"error {error.SqlState} {error.Message}";
        }

        if (header.StartsWith("statement", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = header.Split(' ');
        var types = parts[1];
        var actual = result.Rows.Select(r => string.Join(" ", r.Select(Text))).ToList();
        var wanted = expected.ToList();
        if (parts.Length > 2 && parts[2] == "rowsort")
        {
            actual.Sort(StringComparer.Ordinal);
            wanted.Sort(StringComparer.Ordinal);
        }

        var same = actual.Count == wanted.Count && actual.Zip(wanted).All(p => SameLine(p.First, p.Second, types));
        return same ? null : $"expected [{string.Join(" | ", wanted)}]\n   actual   [{string.Join(" | ", actual)}]";
    }

    /// <summary>Lines are identical, or (all columns numeric, some real) equal with reals within 1e-6.</summary>
    private static bool SameLine(string actual, string expected, string types)
    {
        if (actual == expected)
        {
            return true;
        }

        if (!types.Contains('R', StringComparison.Ordinal) || types.Any(t => t is not ('I' or 'R')))
        {
            return false;
        }

        var a = actual.Split(' ');
        var e = expected.Split(' ');
        return a.Length == e.Length && a.Zip(e).All(p => p.First == p.Second
            || (double.TryParse(p.First, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(p.Second, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                && Math.Abs(x - y) <= 1e-6));
    }

    private static string Text(SqlValue v) => v.IsNull ? "NULL" : v.FormatText() is { Length: > 0 } text ? text : "(empty)";

    private static string FindDataSet()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ReefDB.FullText.Tests", "Data", "expected", "conformance.test");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("conformance.test not found above " + AppContext.BaseDirectory);
    }
}
