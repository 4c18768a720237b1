using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReefDB.Simulation.Cluster;

namespace ReefDB.Simulation;

/// <summary>
/// Runs seeds one after another. A failing seed is run a second time with the trace on (a seed replays
/// exactly), and its report carries the seed, the command that replays it, and the last steps of the trace.
/// </summary>
internal static class SimulationRunner
{
    /// <summary>Seeds the default test run covers (measured to keep the whole project well under 3 minutes on 2 cores).</summary>
    public const int DefaultSeedCount = 1000;

    public static SeedRange SeedsFromEnvironment() => new(
        ReadInt("REEFDB_SIM_SEED_START", 1),
        ReadInt("REEFDB_SIM_SEEDS", DefaultSeedCount));

    /// <summary>Runs one seed; returns null on success, else a full failure report.</summary>
    public static string? RunSeed(int seed, SimStats? totals = null)
    {
        var failure = TryRun(seed, new SimTrace(enabled: false), totals);
        if (failure is null)
        {
            return null;
        }

        var trace = new SimTrace(enabled: true);
        var replayed = TryRun(seed, trace, totals: null);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"seed {seed} FAILED: {failure}");
        if (!string.Equals(replayed, failure, StringComparison.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"(replay with trace ended differently: {replayed ?? "success"}; the run is not deterministic, which is a bug of its own)");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"replay: REEFDB_SIM_SEEDS=1 REEFDB_SIM_SEED_START={seed} dotnet test --project tests/ReefDB.Simulation -c Release");
        report.AppendLine("last steps:");
        foreach (var line in trace.Lines)
        {
            report.Append("  ").AppendLine(line);
        }

        return report.ToString();
    }

    /// <summary>Runs a range of seeds and reports progress and failures through <paramref name="output"/>.</summary>
    public static (int Seeds, List<string> Failures) RunSeeds(SeedRange range, Action<string> output)
    {
        var failures = new List<string>();
        var totals = new SimStats();
        var clock = Stopwatch.StartNew();
        for (var seed = range.Start; seed < range.Start + range.Count; seed++)
        {
            var report = RunSeed(seed, totals);
            if (report is not null)
            {
                failures.Add(report);
                output(report);
            }

            if ((seed - range.Start + 1) % 1000 == 0)
            {
                output(string.Create(CultureInfo.InvariantCulture, $"progress: {seed - range.Start + 1} seeds, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F0}s"));
            }
        }

        output(string.Create(CultureInfo.InvariantCulture, $"exercised: {totals} in {clock.Elapsed.TotalSeconds:F0}s"));
        return (range.Count, failures);
    }

    private static string? TryRun(int seed, SimTrace trace, SimStats? totals)
    {
        SimCluster? cluster = null;
        try
        {
            cluster = new SimCluster(seed, trace);
            cluster.Run();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e is Invariants.SimulationFailure ? e.Message : e.ToString();
        }
        finally
        {
            if (cluster is not null)
            {
                totals?.Add(cluster.Stats);
            }
        }
    }

    private static int ReadInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

/// <summary>Seeds [Start, Start + Count).</summary>
internal readonly record struct SeedRange(int Start, int Count);
