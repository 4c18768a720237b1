using Xunit.Sdk;

namespace ReefDB.Replication.Tests.Simulation;

/// <summary>
/// The seeded simulation of the real replica (<see cref="ReplicaSimulation"/>): 3 or 5 <see cref="RaftReplica"/>s
/// with durable storage on simulated disks, under partitions, message loss, power cuts and restarts, leader
/// transfers and small snapshots. Lives here rather than in tests/ReefDB.Simulation because it runs the threaded
/// replica (not the pure core), so it is seeded but not replayable step for step. Longer runs: REEFDB_REPLICA_SIM_RUNS,
/// REEFDB_REPLICA_SIM_SECONDS; replay: REEFDB_REPLICA_SIM_SEED (see docs/TESTING.md).
/// </summary>
public sealed class ReplicaSimulationTests
{
    [Fact]
    public async Task Replicas_keep_every_acknowledged_write_and_agree_through_partitions_loss_power_cuts_and_transfers()
    {
        var first = TestSettings.Int("REEFDB_REPLICA_SIM_SEED", 1);
        var runs = TestSettings.Int("REEFDB_REPLICA_SIM_RUNS", 2);
        var seconds = TestSettings.Int("REEFDB_REPLICA_SIM_SECONDS", 8);
        int cuts = 0, acknowledged = 0;
        for (var seed = first; seed < first + runs; seed++)
        {
            var simulation = new ReplicaSimulation(seed, TimeSpan.FromSeconds(seconds));
            try
            {
                await simulation.RunAsync(TestContext.Current.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new XunitException(
                    $"Replica simulation seed {seed} failed: {e.GetType().Name}: {e.Message}\n" +
                    $"Replay: REEFDB_REPLICA_SIM_SEED={seed} REEFDB_REPLICA_SIM_RUNS=1 REEFDB_REPLICA_SIM_SECONDS={seconds} " +
                    "dotnet test --project tests/ReefDB.Replication.Tests -c Release -- --filter-class \"*ReplicaSimulationTests\"\n" +
                    simulation.Trace, e);
            }

            cuts += simulation.PowerCuts;
            acknowledged += simulation.Acknowledged;
        }

        TestContext.Current.SendDiagnosticMessage($"replica simulation: {runs} seeds from {first}, {cuts} power cuts, {acknowledged} batches acknowledged");
        Assert.True(acknowledged > runs * 10, $"too few writes acknowledged ({acknowledged}): the faults starved the clients");
    }
}
