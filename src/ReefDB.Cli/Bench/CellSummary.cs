namespace ReefDB.Cli.Bench;

/// <summary>
/// One (target, workload, placement, clients) cell over all its rounds: the median rate of the rounds (robust to one
/// round that met a slow disk spell), and percentiles of all rounds' latencies together.
/// </summary>
internal sealed record CellSummary(
    BenchTarget Target,
    BenchWorkload Workload,
    ClientPlacement Placement,
    int Clients,
    IReadOnlyList<double> RoundOpsPerSecond,
    double OpsPerSecond,
    long Errors,
    double P50,
    double P99,
    double P999)
{
    public static IReadOnlyList<CellSummary> Summarize(IEnumerable<Measurement> measurements) =>
        [.. measurements
            .GroupBy(m => (m.Target, m.Workload, m.Placement, m.Clients))
            .Select(g =>
            {
                var latencies = new LatencyHistogram();
                foreach (var m in g)
                {
                    latencies.Add(m.Latencies);
                }

                var rates = g.OrderBy(m => m.Round).Select(m => m.OpsPerSecond).ToList();
                return new CellSummary(
                    g.Key.Target, g.Key.Workload, g.Key.Placement, g.Key.Clients, rates, Median(rates), g.Sum(m => m.Errors),
                    latencies.PercentileMilliseconds(50), latencies.PercentileMilliseconds(99), latencies.PercentileMilliseconds(99.9));
            })
            .OrderBy(c => c.Workload).ThenBy(c => c.Placement).ThenBy(c => c.Clients).ThenBy(c => c.Target)];

    /// <summary>The middle value; the mean of the two middle values of an even count; 0 for none.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
