using System.Globalization;
using ReefDB.FullText.Tests.Support;

namespace ReefDB.FullText.Tests.Conformance;

/// <summary>
/// PostgreSQL 15's own text-search regression files (/work/shared/fts, copied under Data/pg15), run
/// through a minimal SQL interpreter over this library until the SQL engine can run them itself.
/// </summary>
public sealed class PostgresRegressionTests
{
    public static TheoryData<string> Files => new() { "pg15_tstypes_core.test", "pg15_tsearch_core.test" };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_record_matches_PostgreSQL(string file)
    {
        var (passed, failures) = Run(Path.Combine(AppContext.BaseDirectory, "Data", "pg15", file));
        Assert.True(failures.Count == 0, $"{passed} passed, {failures.Count} failed:\n" + string.Join("\n", failures.Take(40)));
    }

    internal static (int Passed, List<string> Failures) Run(string path)
    {
        var sql = new MiniSql();
        var failures = new List<string>();
        var passed = 0;
        foreach (var record in LogicTestFile.Read(path))
        {
            string? failure;
            try
            {
                failure = Check(sql, record);
            }
            catch (FullTextException e) when (record.Kind == "statement" && record.Header.Contains("error", StringComparison.Ordinal))
            {
                _ = e;
                failure = null;
            }
            catch (Exception e)
            {
                failure = $"line {record.Line}: {record.Sql.Split('\n')[0]} threw {e.GetType().Name}: {e.Message}";
            }

            if (failure is null)
            {
                passed++;
            }
            else
            {
                failures.Add(failure);
            }
        }

        return (passed, failures);
    }

    private static string? Check(MiniSql sql, LogicTestRecord record)
    {
        var rows = sql.Execute(record.Sql);
        if (record.Kind == "statement")
        {
            return record.Header.Contains("error", StringComparison.Ordinal)
                ? $"line {record.Line}: expected an error: {record.Sql}"
                : null;
        }

        var types = record.Header.Split(' ')[1];
        var actual = rows.Select(r => string.Join(" ", r.Select((v, i) => Format(v, i < types.Length ? types[i] : 'T')))).ToList();
        if (record.Header.Contains("rowsort", StringComparison.Ordinal))
        {
            actual.Sort(StringComparer.Ordinal);
        }

        var expected = record.Expected.Select(e => e == "(empty)" ? "" : e).ToList();
        return actual.SequenceEqual(expected)
            ? null
            : $"line {record.Line}: {record.Sql.Replace('\n', ' ')}\n   expected: {string.Join(" | ", expected)}\n   actual:   {string.Join(" | ", actual)}";
    }

    private static string Format(string value, char type) =>
        type == 'R' && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("F3", CultureInfo.InvariantCulture)
            : value.Length == 0 ? "" : value;
}
