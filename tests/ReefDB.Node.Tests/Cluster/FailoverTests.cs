namespace ReefDB.Node.Tests.Cluster;

/// <summary>Kill -9 of the leader during a stream of writes: no acknowledged write may be lost.</summary>
[Collection(nameof(ProcessCollection))]
public sealed class FailoverTests
{
    [Fact]
    public async Task After_the_leader_is_killed_every_acknowledged_write_is_on_every_node_and_the_old_leader_catches_up()
    {
        using var cluster = new TestCluster(3);
        cluster.StartAll();
        await cluster.WaitForLeaderAsync();
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, via integer)", "client_id": "ddl", "seq": 1}""");

        // Writes rotate over the nodes; each carries a client id and sequence, so a retry after an error (the
        // leader died, an election, an unknown outcome) applies at most once.
        await using var writer = new ClusterWriter(cluster, "failover-test", cluster.Nodes);
        for (var round = 0; round < ClusterKnobs.Rounds; round++)
        {
            await writer.WaitForAcknowledgedAsync(writer.Acknowledged + ClusterKnobs.Writes);
            var leader = await cluster.WaitForLeaderAsync();
            leader.Kill();
            var survivors = cluster.Nodes.Where(n => n != leader).ToList();
            var newLeader = await cluster.WaitForLeaderAsync(survivors);
            Assert.NotEqual(leader.NodeId, newLeader.NodeId);
            await writer.WaitForAcknowledgedAsync(writer.Acknowledged + ClusterKnobs.Writes);

            // The old leader restarts as a follower and catches up while writes go on.
            leader.Start();
            await cluster.WaitForLeaderAsync();
        }

        var written = await writer.StopAsync();
        await writer.WaitForAllOnAsync(cluster.Nodes, written);
        var leaderNow = await cluster.WaitForLeaderAsync();
        var (read, body) = await leaderNow.SqlAsync("""{"sql": "SELECT count(*) FROM t"}""", "?consistency=linearizable");
        Assert.Equal(200, read);
        Assert.Equal($"[[{written}]]", body.GetProperty("results")[0].GetProperty("rows").GetRawText());
    }
}
