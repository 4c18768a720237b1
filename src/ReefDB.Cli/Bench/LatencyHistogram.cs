using HdrHistogram;

namespace ReefDB.Cli.Bench;

/// <summary>
/// Operation latencies in microseconds, from 1 µs to 10 minutes with three significant digits (HdrHistogram:
/// constant memory and exact enough at p999 however many operations a run makes). Not thread-safe: each client
/// records into its own and the runner merges them.
/// </summary>
internal sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 600L * 1_000_000;
    private readonly LongHistogram histogram = new(HighestMicroseconds, 3);

    public long Count => histogram.TotalCount;

    public void RecordMicroseconds(long microseconds) =>
        histogram.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));

    public void Add(LatencyHistogram other) => histogram.Add(other.histogram);

    /// <summary>The latency at <paramref name="percentile"/> (0–100) in milliseconds; 0 when nothing was recorded.</summary>
    public double PercentileMilliseconds(double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;
}
