using ReefDB.Replication;
using ReefDB.Transport.Tests.Support;

namespace ReefDB.Transport.Tests.Cluster;

/// <summary>Three real replicas talking over gRPC on 127.0.0.1 (ports chosen at run time).</summary>
public sealed class GrpcClusterTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string root = Path.Combine(Path.GetTempPath(), "reefdb-transport-" + Guid.NewGuid().ToString("N"));
    private readonly List<ClusterNode> nodes = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the test.
        }
    }

    [Fact]
    public async Task Three_nodes_elect_a_leader_and_replicate_writes_to_all()
    {
        await StartClusterAsync();
        var leader = await LeaderAsync();

        await leader.Replica!.ProposeAsync(ClusterNode.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
        for (var i = 1; i <= 30; i++)
        {
            var applied = await leader.Replica.ProposeAsync(ClusterNode.Sql($"INSERT INTO t VALUES ({i})"), Ct);
            Assert.False(applied.Failed);
        }

        var index = leader.Replica.AppliedIndex;
        foreach (var node in nodes)
        {
            await node.Replica!.WaitForAppliedAsync(index, Ct);
            Assert.Equal(["30"], node.Query("SELECT count(*) FROM t"));
        }

        Assert.All(nodes.Where(n => n != leader), n => Assert.Equal(leader.Id, n.Replica!.Leadership.LeaderId));
        var info = await ReefDB.Transport.Client.RaftPeerInfo.GetInfoAsync(leader.Address, TimeSpan.FromSeconds(10), Ct);
        Assert.Equal((leader.Id, "grpc-cluster", RaftNodeRole.Leader), (info.NodeId, info.ClusterId, info.Role));
    }

    [Fact]
    public async Task A_follower_that_was_away_past_compaction_catches_up_by_snapshot_over_grpc()
    {
        await StartClusterAsync(o => o with { CompactionTail = 2, SnapshotEntries = 1_000_000 });
        var leader = await LeaderAsync();
        await leader.Replica!.ProposeAsync(ClusterNode.Sql("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"), Ct);
        var away = nodes.First(n => n != leader);
        var port = away.Port;
        await away.StopServerAsync();

        for (var i = 1; i <= 40; i++)
        {
            await leader.Replica.ProposeAsync(ClusterNode.Sql($"INSERT INTO t VALUES ({i}, '{new string('x', 2000)}')"), Ct);
        }

        await leader.Replica.SnapshotNowAsync(Ct);
        await away.StartServerAsync(port);

        await away.Replica!.WaitForAppliedAsync(leader.Replica.AppliedIndex, Ct);
        Assert.Equal(["40"], away.Query("SELECT count(*) FROM t"));
        var sent = leader.Transport.GetStats().Single(s => s.PeerId == away.Id).SnapshotsSent;
        Assert.True(sent >= 1, "the follower caught up without a snapshot: compaction did not pass it");
    }

    private async Task StartClusterAsync(Func<RaftReplicaOptions, RaftReplicaOptions>? adjust = null)
    {
        for (ulong id = 1; id <= 3; id++)
        {
            nodes.Add(await ClusterNode.StartServerAsync(id, Path.Combine(root, id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        foreach (var node in nodes)
        {
            foreach (var peer in nodes.Where(p => p != node))
            {
                node.Transport.SetPeer(peer.Id, peer.Address);
            }
        }

        foreach (var node in nodes)
        {
            node.OpenReplica([1, 2, 3], adjust);
        }
    }

    private async Task<ClusterNode> LeaderAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TestTimeouts.Delivery);
        while (true)
        {
            var change = await nodes[0].Replica!.WaitForLeaderAsync(deadline.Token);
            var leader = nodes.Single(n => n.Id == change.LeaderId);
            if (leader.Replica!.IsLeader)
            {
                return leader;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
