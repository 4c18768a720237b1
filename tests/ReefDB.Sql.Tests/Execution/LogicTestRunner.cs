using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Execution;

/// <summary>
/// A compact sqllogictest runner for engine tests (the CLI owns the full one): statement ok/error,
/// query with I/R/T types, nosort/rowsort/valuesort, hash-threshold with md5, skipif/onlyif (we are
/// "postgresql"), halt. Returns counts and the first failures.
/// </summary>
internal static class LogicTestRunner
{
    public sealed record Result(int Passed, int Failed, List<string> Failures);

    public static Result Run(string text)
    {
        var engine = new SqlEngine();
        var version = DatabaseVersion.Empty;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var passed = 0;
        var failed = 0;
        var failures = new List<string>();
        var threshold = 8;
        var i = 0;
        while (i < lines.Length)
        {
            var skip = false;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                i++;
                continue;
            }

            while (line.StartsWith("skipif ", StringComparison.Ordinal) || line.StartsWith("onlyif ", StringComparison.Ordinal))
            {
                var engineName = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
                skip |= line.StartsWith("skipif", StringComparison.Ordinal) ? engineName == "postgresql" : engineName != "postgresql";
                line = lines[++i].Trim();
            }

            if (line.StartsWith("hash-threshold", StringComparison.Ordinal))
            {
                threshold = int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
                i++;
                continue;
            }

            if (line == "halt")
            {
                if (!skip)
                {
                    break;
                }

                i++;
                continue;
            }

            var header = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            i++;
            var sql = new StringBuilder();
            while (i < lines.Length && lines[i].Trim().Length > 0 && lines[i].Trim() != "----")
            {
                sql.Append(lines[i]).Append('\n');
                i++;
            }

            var expected = new List<string>();
            if (i < lines.Length && lines[i].Trim() == "----")
            {
                i++;
                while (i < lines.Length && lines[i].Trim().Length > 0)
                {
                    expected.Add(lines[i].Trim());
                    i++;
                }
            }

            if (skip || header[0] is not ("statement" or "query"))
            {
                continue;
            }

            string? failure;
            try
            {
                var outcome = engine.Execute(version, engine.Prepare(sql.ToString()), [], ExecutionEnvironment.Default);
                version = outcome.Version;
                var last = outcome.Results[^1];
                failure = header[0] == "statement"
                    ? (header[1] == "ok") == !last.IsError ? null : $"statement {header[1]}: {last.Error?.SqlState} {last.Error?.Message}"
                    : last.IsError ? $"query error {last.Error!.SqlState} {last.Error.Message}" : CompareQuery(header, last, expected, threshold);
            }
            catch (Errors.SqlException e)
            {
                failure = header[0] == "statement" && header[1] == "error" ? null : $"parse {e.SqlState} {e.Message}";
            }

            if (failure is null)
            {
                passed++;
            }
            else
            {
                failed++;
                if (failures.Count < 20)
                {
                    failures.Add($"{sql.ToString().Trim()}\n  -> {failure}");
                }
            }
        }

        return new Result(passed, failed, failures);
    }

    private static string? CompareQuery(string[] header, StatementResult result, List<string> expected, int threshold)
    {
        var types = header[1];
        var sort = header.Length > 2 ? header[2] : "nosort";
        var rows = result.Rows.Select(r => r.Select((v, c) => Format(v, c < types.Length ? types[c] : 'T')).ToList()).ToList();
        if (sort == "rowsort")
        {
            rows.Sort((a, b) => string.CompareOrdinal(string.Join(" ", a), string.Join(" ", b)));
        }

        var values = rows.SelectMany(r => r).ToList();
        if (sort == "valuesort")
        {
            values.Sort(string.CompareOrdinal);
        }

        if (expected.Count == 1 && expected[0].Contains("values hashing to", StringComparison.Ordinal))
        {
            var actualHash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(values.Select(v => v + "\n")))));
            var want = expected[0];
            var got = $"{values.Count} values hashing to {actualHash}";
            return want == got ? null : $"expected {want}, got {got}";
        }

        var flat = expected.SelectMany(e => types.Length > 1 && expected.Count * types.Length == values.Count ? [e] : e.Split(' ')).ToList();
        if (values.Count > threshold && threshold > 0 && expected.Count != values.Count)
        {
            return $"expected {expected.Count} lines, got {values.Count} values";
        }

        return values.SequenceEqual(expected) || values.SequenceEqual(flat) ? null : $"expected [{string.Join(",", expected)}] got [{string.Join(",", values)}]";
    }

    private static string Format(SqlValue v, char type)
    {
        if (v.IsNull)
        {
            return "NULL";
        }

        switch (type)
        {
            case 'I':
                return v.Kind switch
                {
                    SqlValueKind.Int64 => v.AsInt64.ToString(CultureInfo.InvariantCulture),
                    SqlValueKind.Float32 or SqlValueKind.Float64 => ((long)v.AsDouble).ToString(CultureInfo.InvariantCulture),
                    SqlValueKind.Numeric => decimal.Truncate(v.AsNumeric).ToString(CultureInfo.InvariantCulture),
                    SqlValueKind.Boolean => v.AsBoolean ? "1" : "0",
                    _ => "0",
                };
            case 'R':
                return v.IsNumber ? v.ToDouble().ToString("0.000", CultureInfo.InvariantCulture) : "0.000";
            default:
                var text = v.FormatText() ?? "NULL";
                if (text.Length == 0)
                {
                    return "(empty)";
                }

                return new string(text.Select(c => c < ' ' || c > '~' ? '@' : c).ToArray());
        }
    }
}
