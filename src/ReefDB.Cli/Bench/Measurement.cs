namespace ReefDB.Cli.Bench;

/// <summary>What one cell of a bench run measured: operations acknowledged inside the measured window, their rate
/// and latency percentiles (milliseconds), and the operations that failed.</summary>
internal sealed record Measurement(
    BenchTarget Target,
    BenchWorkload Workload,
    ClientPlacement Placement,
    int Clients,
    int Round,
    long Operations,
    long Errors,
    double Seconds,
    LatencyHistogram Latencies)
{
    public double OpsPerSecond => Seconds > 0 ? Operations / Seconds : 0;

    public double P50 => Latencies.PercentileMilliseconds(50);

    public double P99 => Latencies.PercentileMilliseconds(99);

    public double P999 => Latencies.PercentileMilliseconds(99.9);
}
