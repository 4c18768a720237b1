using System.Globalization;

namespace ReefDB.Simulation;

/// <summary>
/// The seeded simulation of whole Raft groups. <c>REEFDB_SIM_SEEDS</c> (default
/// <see cref="SimulationRunner.DefaultSeedCount"/>) and <c>REEFDB_SIM_SEED_START</c> (default 1) choose the seeds.
/// </summary>
public sealed class SimulationTests
{
    [Fact]
    public void Every_seed_keeps_raft_safe_live_and_linearizable()
    {
        var range = SimulationRunner.SeedsFromEnvironment();
        var (seeds, failures) = SimulationRunner.RunSeeds(range, Write);
        Write(string.Create(CultureInfo.InvariantCulture, $"simulation: {seeds} seeds, {failures.Count} failures"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(3)));
    }

    private static void Write(string text)
    {
        // xunit.runner.json turns on live output, so this reaches the console of a direct run of the test executable.
        TestContext.Current.TestOutputHelper?.WriteLine(text);
    }
}
