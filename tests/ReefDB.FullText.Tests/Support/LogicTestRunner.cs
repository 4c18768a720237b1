using System.Globalization;

namespace ReefDB.FullText.Tests.Support;

/// <summary>
/// Runs a sqllogictest file through <see cref="MiniSql"/> and compares with the recorded PostgreSQL
/// results. Reals compare rounded to 3 decimals (the regression files' format) or, when
/// <c>tolerance</c> is given, numerically within it.
/// </summary>
public static class LogicTestRunner
{
    public static (int Passed, List<string> Failures) Run(string path, double? tolerance = null)
    {
        var sql = new MiniSql();
        var failures = new List<string>();
        var passed = 0;
        foreach (var record in LogicTestFile.Read(path))
        {
            var expectError = record.Kind == "statement" && record.Header.Contains("error", StringComparison.Ordinal);
            string? failure;
            try
            {
                failure = Check(sql, record, tolerance);
            }
            catch (FullTextException e) when (expectError)
            {
                // "statement error <SQLSTATE> <message>" pins both; a bare "statement error" only the failure.
                var detail = record.Header.Length > "statement error".Length ? record.Header["statement error ".Length..] : null;
                var actual = e.SqlState + " " + e.Message;
                failure = detail is null || detail == actual
                    ? null
                    : $"line {record.Line}: {record.Sql}\n   expected error: {detail}\n   actual error:   {actual}";
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

    private static string? Check(MiniSql sql, LogicTestRecord record, double? tolerance)
    {
        var rows = sql.Execute(record.Sql);
        if (record.Kind == "statement")
        {
            return record.Header.Contains("error", StringComparison.Ordinal)
                ? $"line {record.Line}: expected an error: {record.Sql}"
                : null;
        }

        var types = record.Header.Split(' ')[1];
        var actual = rows.Select(r => string.Join(" ", r.Select((v, i) => Format(v, i < types.Length ? types[i] : 'T', tolerance)))).ToList();
        var expected = record.Expected.Select(e => e == "(empty)" ? "" : e).ToList();
        if (record.Header.Contains("rowsort", StringComparison.Ordinal))
        {
            actual.Sort(StringComparer.Ordinal);
            expected.Sort(StringComparer.Ordinal);
        }

        var same = actual.Count == expected.Count &&
            actual.Zip(expected).All(p => SameRow(p.First, p.Second, types, tolerance));
        return same
            ? null
            : $"line {record.Line}: {record.Sql.Replace('\n', ' ')}\n   expected: {string.Join(" | ", expected)}\n   actual:   {string.Join(" | ", actual)}";
    }

    private static bool SameRow(string actual, string expected, string types, double? tolerance)
    {
        if (actual == expected)
        {
            return true;
        }

        if (tolerance is null || !types.Contains('R', StringComparison.Ordinal) || types.Any(t => t is not ('I' or 'R')))
        {
            return false;
        }

        var a = actual.Split(' ');
        var e = expected.Split(' ');
        return a.Length == e.Length && a.Zip(e).All(p =>
            p.First == p.Second ||
            (double.TryParse(p.First, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
             double.TryParse(p.Second, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) &&
             Math.Abs(x - y) <= tolerance.Value));
    }

    private static string Format(string value, char type, double? tolerance) =>
        type == 'R' && tolerance is null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("F3", CultureInfo.InvariantCulture)
            : value;
}
