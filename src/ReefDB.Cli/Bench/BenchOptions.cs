namespace ReefDB.Cli.Bench;

/// <summary>
/// One <c>reefdb bench</c> invocation. Each (workload, client count, placement) cell runs <see cref="Rounds"/>
/// times; with several targets the targets take turns inside each round, so that slow spells of the shared disk
/// (its fsync latency swings by two orders of magnitude) fall on both alike. Before the first round every target is
/// warmed up the same way until its rate is steady, for at most <see cref="SteadyWarmupLimit"/> per workload (zero:
/// no such warm-up).
/// </summary>
internal sealed record BenchOptions(
    IReadOnlyDictionary<BenchTarget, IReadOnlyList<string>> Endpoints,
    IReadOnlyList<BenchWorkload> Workloads,
    IReadOnlyList<int> Clients,
    IReadOnlyList<ClientPlacement> Placements,
    int ValueBytes,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Rounds,
    int GetKeys,
    bool Json,
    TimeSpan SteadyWarmupLimit)
{
    /// <summary>The targets in the order they take turns (ReefDB first).</summary>
    public IReadOnlyList<BenchTarget> Targets => [.. Endpoints.Keys.Order()];
}
