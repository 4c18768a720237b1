using System.Globalization;

namespace ReefDB.Cli.LogicTest;

/// <summary>How <c>--verbose</c> shows a failed record: where, why, the SQL, expected and actual.</summary>
internal static class FailureReport
{
    /// <summary>Longest list of values shown for expected or actual; the rest is summarised.</summary>
    public const int MaxLines = 40;

    public static void Write(TextWriter output, string path, RecordVerdict failure)
    {
        var record = failure.Record;
        output.Write(string.Create(CultureInfo.InvariantCulture, $"FAIL {path}:{record.Line}: {failure.Reason}\n"));
        var sql = record switch
        {
            StatementRecord s => s.Sql,
            QueryRecord q => q.Sql,
            _ => null,
        };
        if (sql is not null)
        {
            WriteSection(output, "sql", sql.Split('\n'));
        }

        if (record is QueryRecord query)
        {
            // A failure that never got to compare values still shows what the file expects.
            WriteSection(output, "expected", failure.Expected.Count > 0 ? failure.Expected : ExpectedOf(query));
        }

        if (failure.Actual.Count > 0)
        {
            WriteSection(output, "actual", failure.Actual);
        }

        output.Write('\n');
    }

    private static IReadOnlyList<string> ExpectedOf(QueryRecord query) =>
        query.ExpectedHash is { } hash ? [hash.ToString()] : query.ExpectedValues;

    private static void WriteSection(TextWriter output, string title, IReadOnlyList<string> lines)
    {
        output.Write($"  {title}:\n");
        if (lines.Count == 0)
        {
            output.Write("    (no values)\n");
        }

        foreach (var line in lines.Take(MaxLines))
        {
            output.Write($"    {line}\n");
        }

        if (lines.Count > MaxLines)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"    … {lines.Count - MaxLines} more\n"));
        }
    }
}
