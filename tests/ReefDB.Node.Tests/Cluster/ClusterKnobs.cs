using System.Globalization;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// Environment variables that make the cluster tests run longer (docs/TESTING.md, "Cluster tests"). The defaults keep
/// the default suite short; the test process reads them, the nodes never see them (NodeProcess clears REEFDB_*).
/// </summary>
internal static class ClusterKnobs
{
    /// <summary><c>REEFDB_TEST_ROUNDS</c>: failovers, leadership transfers and membership changes per test (default 1).</summary>
    public static int Rounds { get; } = Read("REEFDB_TEST_ROUNDS", 1);

    /// <summary><c>REEFDB_TEST_WRITES</c>: acknowledged writes a stream waits for in each phase (default 30).</summary>
    public static int Writes { get; } = Read("REEFDB_TEST_WRITES", 30);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
