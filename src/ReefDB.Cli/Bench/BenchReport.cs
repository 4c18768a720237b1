using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReefDB.Cli.Bench;

/// <summary>Prints a bench run's cells as an aligned table (and, with both targets, a ratio table; then how each
/// target warmed up), or as JSON.</summary>
internal static class BenchReport
{
    public static void WriteTable(TextWriter output, IReadOnlyList<CellSummary> cells, IReadOnlyList<WarmupResult>? warmups = null)
    {
        var rows = new List<string[]> { new[] { "target", "workload", "placement", "clients", "ops/s", "p50 ms", "p99 ms", "p999 ms", "errors", "rounds ops/s" } };
        rows.AddRange(cells.Select(c => new[]
        {
            Name(c.Target), Name(c.Workload), Name(c.Placement), Int(c.Clients), Number(c.OpsPerSecond, 0),
            Number(c.P50, 2), Number(c.P99, 2), Number(c.P999, 2), c.Errors.ToString(CultureInfo.InvariantCulture),
            string.Join(' ', c.RoundOpsPerSecond.Select(r => Number(r, 0))),
        }));
        WriteAligned(output, rows);

        var ratios = CellRatio.Pair(cells);
        if (ratios.Count > 0)
        {
            output.Write('\n');
            var ratioRows = new List<string[]> { new[] { "workload", "placement", "clients", "reefdb ops/s", "etcd ops/s", "ops ratio", "reefdb p99", "etcd p99", "p99 ratio" } };
            ratioRows.AddRange(ratios.Select(r => new[]
            {
                Name(r.ReefDb.Workload), Name(r.ReefDb.Placement), Int(r.ReefDb.Clients), Number(r.ReefDb.OpsPerSecond, 0),
                Number(r.Etcd.OpsPerSecond, 0), Number(r.OpsRatio, 2), Number(r.ReefDb.P99, 2), Number(r.Etcd.P99, 2), Number(r.P99Ratio, 2),
            }));
            WriteAligned(output, ratioRows);
        }

        if (warmups is { Count: > 0 })
        {
            output.Write('\n');
            var warmupRows = new List<string[]> { new[] { "target", "workload", "first call ms", "warm-up s", "steady", "slices ops/s" } };
            warmupRows.AddRange(warmups.Select(w => new[]
            {
                Name(w.Target), Name(w.Workload), Number(w.FirstCallMilliseconds, 2), Number(w.Elapsed.TotalSeconds, 1),
                w.SliceOpsPerSecond.Count == 0 ? "off" : w.Steady ? "yes" : "no", string.Join(' ', w.SliceOpsPerSecond.Select(r => Number(r, 0))),
            }));
            WriteAligned(output, warmupRows);
        }

        output.Flush();
    }

    public static void WriteJson(Stream output, IReadOnlyList<CellSummary> cells, IReadOnlyList<WarmupResult>? warmups = null)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("cells");
        foreach (var c in cells)
        {
            json.WriteStartObject();
            json.WriteString("target", Name(c.Target));
            json.WriteString("workload", Name(c.Workload));
            json.WriteString("placement", Name(c.Placement));
            json.WriteNumber("clients", c.Clients);
            json.WriteNumber("ops_per_second", Math.Round(c.OpsPerSecond, 1));
            json.WriteNumber("p50_ms", Math.Round(c.P50, 3));
            json.WriteNumber("p99_ms", Math.Round(c.P99, 3));
            json.WriteNumber("p999_ms", Math.Round(c.P999, 3));
            json.WriteNumber("errors", c.Errors);
            WriteRates(json, "rounds_ops_per_second", c.RoundOpsPerSecond);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("ratios");
        foreach (var r in CellRatio.Pair(cells))
        {
            json.WriteStartObject();
            json.WriteString("workload", Name(r.ReefDb.Workload));
            json.WriteString("placement", Name(r.ReefDb.Placement));
            json.WriteNumber("clients", r.ReefDb.Clients);
            json.WriteNumber("ops_ratio", Math.Round(r.OpsRatio, 3));
            json.WriteNumber("p99_ratio", Math.Round(r.P99Ratio, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warmup");
        foreach (var w in warmups ?? [])
        {
            json.WriteStartObject();
            json.WriteString("target", Name(w.Target));
            json.WriteString("workload", Name(w.Workload));
            json.WriteNumber("first_call_ms", Math.Round(w.FirstCallMilliseconds, 3));
            json.WriteNumber("seconds", Math.Round(w.Elapsed.TotalSeconds, 3));
            json.WriteBoolean("steady", w.Steady);
            WriteRates(json, "slices_ops_per_second", w.SliceOpsPerSecond);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    internal static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static void WriteRates(Utf8JsonWriter json, string name, IReadOnlyList<double> opsPerSecond)
    {
        json.WriteStartArray(name);
        foreach (var rate in opsPerSecond)
        {
            json.WriteNumberValue(Math.Round(rate, 1));
        }

        json.WriteEndArray();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void WriteAligned(TextWriter output, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                // Text columns left, numbers right, as psql aligns them.
                var numeric = i > 0 && row[i].Length > 0 && (char.IsDigit(row[i][0]) || row[i][0] == '-') && !row[i].Contains(' ', StringComparison.Ordinal);
                line.Append(numeric ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i]));
                line.Append(i + 1 < row.Length ? "  " : string.Empty);
            }

            output.Write(line.ToString().TrimEnd());
            output.Write('\n');
        }
    }
}
