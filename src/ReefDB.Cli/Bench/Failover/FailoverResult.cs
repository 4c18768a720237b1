namespace ReefDB.Cli.Bench.Failover;

/// <summary>The time from each kill -9 of the leader to the first write acknowledged by a surviving node.</summary>
internal sealed record FailoverResult(IReadOnlyList<TimeSpan> Runs, TimeSpan ElectionTimeout)
{
    public TimeSpan Median => TimeSpan.FromTicks((long)CellSummary.Median([.. Runs.Select(r => (double)r.Ticks)]));

    public TimeSpan Max => Runs.Count == 0 ? TimeSpan.Zero : Runs.Max();

    /// <summary>Median over the election timeout; issue 5 asks for at most 3.</summary>
    public double MedianRatio => ElectionTimeout > TimeSpan.Zero ? Median / ElectionTimeout : 0;
}
