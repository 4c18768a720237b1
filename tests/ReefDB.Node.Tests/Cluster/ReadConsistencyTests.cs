using System.Globalization;
using System.Text.Json;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>The three read consistencies on a real cluster, across a kill -9 of the leader.</summary>
[Collection(nameof(ProcessCollection))]
public sealed class ReadConsistencyTests
{
    private const string CountSql = """{"sql": "SELECT count(*) FROM t"}""";

    [Fact]
    public async Task Reads_after_failover_see_every_acknowledged_write_and_stale_reads_report_an_index_already_applied()
    {
        using var cluster = new TestCluster(3);
        cluster.StartAll();
        await cluster.WaitForLeaderAsync();
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, via integer)", "client_id": "ddl", "seq": 1}""");
        await using var writer = new ClusterWriter(cluster, "reads-test", cluster.Nodes);
        var running = cluster.Nodes.ToList();

        for (var round = 0; round < ClusterKnobs.Rounds; round++)
        {
            await writer.WaitForAcknowledgedAsync(writer.Acknowledged + ClusterKnobs.Writes);
            var leader = await cluster.WaitForLeaderAsync(running);
            leader.Kill();
            running.Remove(leader);
            var newLeader = await cluster.WaitForLeaderAsync(running);
            var follower = running.Single(n => n != newLeader);

            // While writes go on: a linearizable read started after a write's acknowledgement sees it, on the
            // leader and on a follower (which asks the leader for a read index), and a lease read on the leader too.
            for (var i = 0; i < ClusterKnobs.Writes; i++)
            {
                foreach (var (node, consistency) in new[] { (newLeader, "linearizable"), (follower, "linearizable"), (newLeader, "lease") })
                {
                    var acknowledged = writer.Acknowledged;
                    var count = Count(await cluster.ExecuteAsync(CountSql, [node], "?consistency=" + consistency));
                    Assert.True(count >= acknowledged, $"{consistency} read on node {node.NodeId} counted {count} rows after {acknowledged} acknowledged writes");
                }

                await StaleReadReportsAnAppliedIndexAsync(cluster, follower, newLeader);
            }

            // The old leader comes back as a follower and catches up.
            leader.Start();
            running.Add(leader);
            await cluster.WaitForLeaderAsync(running);
        }

        var written = await writer.StopAsync();
        foreach (var node in running)
        {
            var count = Count(await cluster.ExecuteAsync(CountSql, [node], "?consistency=linearizable"));
            Assert.Equal(written, count);
        }
    }

    /// <summary>
    /// A stale read answers from the follower's applied state: its <c>raft_index</c> is one the follower had applied
    /// when asked afterwards, and never ahead of the leader's commit index.
    /// </summary>
    private static async Task StaleReadReportsAnAppliedIndexAsync(TestCluster cluster, NodeProcess follower, NodeProcess leader)
    {
        var body = await cluster.ExecuteAsync(CountSql, [follower], "?consistency=stale");
        var index = body.GetProperty("raft_index").GetUInt64();
        Assert.Equal(follower.NodeId, body.GetProperty("node_id").GetUInt64());
        var followerStatus = await cluster.StatusOfAsync(follower);
        var leaderStatus = await cluster.StatusOfAsync(leader);
        var applied = followerStatus.GetProperty("applied_index").GetUInt64();
        var committed = leaderStatus.GetProperty("commit_index").GetUInt64();
        Assert.True(index <= applied, string.Create(CultureInfo.InvariantCulture, $"stale read at index {index}, but node {follower.NodeId} has applied only {applied}"));
        Assert.True(index <= committed, string.Create(CultureInfo.InvariantCulture, $"stale read at index {index}, beyond the leader's commit index {committed}"));
    }

    private static long Count(JsonElement body) => body.GetProperty("results")[0].GetProperty("rows")[0][0].GetInt64();
}
