using System.Diagnostics;
using System.Globalization;

namespace ReefDB.Benchmarks.Sql;

/// <summary>
/// Issue 2's ratios measured in CPU time of this process rather than wall time: on a shared, overloaded
/// machine (and under <c>nice -n 19</c>) wall-clock benchmarks mostly measure the scheduler, while CPU time
/// per operation barely moves. Each workload alternates ReefDB and SQLite for several rounds, each round
/// running an engine until it has used at least 0.3 s of CPU (the kernel counts in 10 ms ticks), and
/// reports the median CPU time per operation and ReefDB's throughput relative to SQLite's.
/// Process CPU time includes the garbage collector's threads, so ReefDB pays for its allocations.
/// Run: <c>nice -n 19 dotnet run -c Release --project bench/ReefDB.Benchmarks -- cpu-ratios [workload...]</c>
/// </summary>
internal static class CpuTimeRatios
{
    private const int Rounds = 5;
    private static readonly TimeSpan MinimumCpuPerRound = TimeSpan.FromSeconds(0.3);

    public static int Run(IReadOnlyList<string> only)
    {
        var benchmarks = new SqlBenchmarks();
        var bulk = new BulkInsertBenchmarks();
        var workloads = new (string Name, double Target, Func<object?> Sqlite, Func<object?> Reef)[]
        {
            ("point-select", 1.0, benchmarks.PointSelect_Sqlite, benchmarks.PointSelect_Reef),
            ("single-insert", 0.5, () => benchmarks.Insert_Sqlite(), () => benchmarks.Insert_Reef()),
            ("bulk-insert-1M", 0.5, () => bulk.MillionRowTransaction_Sqlite(), () => bulk.MillionRowTransaction_Reef()),
            ("count-sum-1M", 0.5, benchmarks.CountSum_Sqlite, benchmarks.CountSum_Reef),
            ("indexed-join", 0.5, benchmarks.IndexedJoin_Sqlite, benchmarks.IndexedJoin_Reef),
            ("indexed-join-filtered", 0.5, benchmarks.FilteredJoin_Sqlite, benchmarks.FilteredJoin_Reef),
            ("order-by-limit", 0.5, () => benchmarks.OrderByLimit_Sqlite(), () => benchmarks.OrderByLimit_Reef()),
        };

        var selected = workloads.Where(w => only.Count == 0 || only.Contains(w.Name)).ToList();
        if (selected.Any(w => w.Name != "bulk-insert-1M"))
        {
            benchmarks.Setup();
        }

        Console.WriteLine("| workload | SQLite CPU/op | ReefDB CPU/op | ReefDB throughput vs SQLite | target |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, target, sqlite, reef) in selected)
        {
            sqlite();
            reef();
            var sqliteTimes = new List<double>();
            var reefTimes = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                sqliteTimes.Add(CpuPerOperation(sqlite));
                reefTimes.Add(CpuPerOperation(reef));
            }

            var s = Median(sqliteTimes);
            var r = Median(reefTimes);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Format(s)} | {Format(r)} | **{s / r:F2}×** | ≥ {target:F1}× |"));
        }

        return 0;
    }

    private static double CpuPerOperation(Func<object?> operation)
    {
        using var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        var operations = 0;
        TimeSpan used;
        do
        {
            operation();
            operations++;
            process.Refresh();
            used = process.TotalProcessorTime - start;
        }
        while (used < MinimumCpuPerRound);

        return used.TotalSeconds / operations;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string Format(double seconds) => seconds switch
    {
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s"),
        >= 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:F2} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F2} µs"),
    };
}
