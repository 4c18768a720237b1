using System.Globalization;
using System.Text.Json;

namespace ReefDB.Cli.Bench.Failover;

/// <summary>Prints a failover result as text or JSON (milliseconds).</summary>
internal static class FailoverReport
{
    public static void WriteText(TextWriter output, FailoverResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        output.Write(string.Create(inv, $"runs (ms): {string.Join(' ', result.Runs.Select(r => r.TotalMilliseconds.ToString("F0", inv)))}\n"));
        output.Write(string.Create(inv, $"median {result.Median.TotalMilliseconds:F0} ms, max {result.Max.TotalMilliseconds:F0} ms, election timeout {result.ElectionTimeout.TotalMilliseconds:F0} ms, median / election timeout = {result.MedianRatio:F2} (target ≤ 3)\n"));
        output.Flush();
    }

    public static string Json(FailoverResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("runs_ms");
            foreach (var run in result.Runs)
            {
                json.WriteNumberValue(Math.Round(run.TotalMilliseconds, 1));
            }

            json.WriteEndArray();
            json.WriteNumber("median_ms", Math.Round(result.Median.TotalMilliseconds, 1));
            json.WriteNumber("max_ms", Math.Round(result.Max.TotalMilliseconds, 1));
            json.WriteNumber("election_timeout_ms", Math.Round(result.ElectionTimeout.TotalMilliseconds, 1));
            json.WriteNumber("median_over_election_timeout", Math.Round(result.MedianRatio, 3));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
