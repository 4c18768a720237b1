using ReefDB.Raft.Storage;
using Xunit.Sdk;

namespace ReefDB.Replication.Tests.PowerCut;

/// <summary>
/// A lone voter (the durable embedded database's shape: <see cref="RaftReplica"/>, <see cref="DurableRaftStorage"/>
/// and the SQL state machine) under concurrent writers, with its disk simulated by a <see cref="PowerCutFileSystem"/>:
/// the power goes at a random operation, a random part of the unsynced writes survives, the replica reopens, and
/// every acknowledged batch must be there whole, and no batch in part. Snapshots and segment rotation are frequent.
/// </summary>
public sealed class ReplicaPowerCutTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lone_voter_keeps_every_acknowledged_batch_whole_through_power_cuts()
    {
        var seed = TestSettings.Int("REEFDB_REPLICA_POWERCUT_SEED", 1);
        var rounds = TestSettings.Int("REEFDB_REPLICA_POWERCUT_ROUNDS", 8);
        var random = new Random(seed);
        using var root = new TempDirectory();
        var disk = new PowerCutFileSystem(root.Path);
        var options = Batches.Options(root.Sub("node1"), 1, 1) with
        {
            Fsync = FsyncPolicy.Always,
            SnapshotEntries = 25,
            CompactionTail = 5,
            SegmentBytes = 16 * 1024,
            ConfigureStorage = storage => storage with { FileSystem = disk },
        };
        var ledger = new Ledger();
        var trace = new List<string>();
        for (var round = 0; round <= rounds; round++)
        {
            RaftReplica replica;
            try
            {
                replica = RaftReplica.Open(options, Batches.Nowhere);
                await replica.WaitForLeaderAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
                await replica.ProposeAsync(Batches.Sql(Ledger.CreateTable), Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
                if (ledger.Problem(replica) is { } problem)
                {
                    throw new InvalidOperationException(problem);
                }
            }
            catch (Exception e)
            {
                throw new XunitException(
                    $"Round {round} of seed {seed}: {e.Message}\nReplay: REEFDB_REPLICA_POWERCUT_SEED={seed} REEFDB_REPLICA_POWERCUT_ROUNDS={rounds} " +
                    "dotnet test --project tests/ReefDB.Replication.Tests -c Release -- --filter-class \"*ReplicaPowerCutTests\"\n" +
                    string.Join('\n', trace.TakeLast(40)), e);
            }

            if (round == rounds)
            {
                replica.Dispose();
                break;
            }

            var cutAfter = random.Next(1, 200);
            disk.CutPowerAfter(cutAfter);
            var before = ledger.Acknowledged;
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WriteUntilStoppedAsync(replica, ledger, random))).WaitAsync(TimeSpan.FromSeconds(60), Ct);
            replica.Dispose();
            trace.Add($"round {round}: cut after {cutAfter} operations, {ledger.Acknowledged - before} batches acknowledged");
            trace.Add(disk.Restart(random).TrimEnd());
        }

        TestContext.Current.SendDiagnosticMessage($"replica power cuts: seed {seed}, {rounds} cuts, {ledger.Acknowledged} batches acknowledged");
        Assert.True(ledger.Acknowledged > rounds, $"too few writes were acknowledged: {ledger.Acknowledged}");
    }

    /// <summary>Proposes batches until the replica stops (the power cut fails its disk) or 300 batches.</summary>
    private static async Task WriteUntilStoppedAsync(RaftReplica replica, Ledger ledger, Random random)
    {
        for (var i = 0; i < 300 && replica.Failure is null; i++)
        {
            var (batch, size, command) = ledger.Next(random);
            try
            {
                ledger.Answered(batch, size, await replica.ProposeAsync(command, Ct));
            }
            catch (ReplicationException)
            {
                // Stopped by the power cut, or refused: the outcome is not acknowledged either way.
            }
        }
    }
}
