namespace ReefDB.Cli.Bench;

/// <summary>
/// How one target started on one workload: the latency of its first call after the run's table or prefix was made
/// (a fresh server pays its start-up costs here: code not yet compiled, connections not yet open), then the rate of
/// each warm-up slice until the rate was steady (<see cref="SteadyRate"/>) or the limit came.
/// </summary>
internal sealed record WarmupResult(
    BenchTarget Target,
    BenchWorkload Workload,
    double FirstCallMilliseconds,
    IReadOnlyList<double> SliceOpsPerSecond,
    TimeSpan Slice,
    bool Steady)
{
    /// <summary>How long the warm-up loaded the target before the first round.</summary>
    public TimeSpan Elapsed => Slice * SliceOpsPerSecond.Count;
}
