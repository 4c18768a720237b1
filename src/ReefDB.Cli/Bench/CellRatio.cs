namespace ReefDB.Cli.Bench;

/// <summary>ReefDB against etcd in one (workload, placement, clients) cell: rate ratio (≥ 1 is ReefDB faster) and
/// p99 ratio (≤ 1 is ReefDB's tail shorter).</summary>
internal sealed record CellRatio(CellSummary ReefDb, CellSummary Etcd)
{
    public double OpsRatio => Etcd.OpsPerSecond > 0 ? ReefDb.OpsPerSecond / Etcd.OpsPerSecond : 0;

    public double P99Ratio => Etcd.P99 > 0 ? ReefDb.P99 / Etcd.P99 : 0;

    public static IReadOnlyList<CellRatio> Pair(IReadOnlyList<CellSummary> cells) =>
        [.. cells.Where(c => c.Target == BenchTarget.ReefDb)
            .Select(r => (Reef: r, Etcd: cells.FirstOrDefault(e =>
                e.Target == BenchTarget.Etcd && e.Workload == r.Workload && e.Placement == r.Placement && e.Clients == r.Clients)))
            .Where(p => p.Etcd is not null)
            .Select(p => new CellRatio(p.Reef, p.Etcd!))];
}
