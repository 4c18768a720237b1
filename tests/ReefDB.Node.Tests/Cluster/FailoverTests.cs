using ReefDB.Node.Tests.Support;

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
        var leader = await cluster.WaitForLeaderAsync();
        Assert.Equal(200, (await leader.SqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""")).Status);

        var acknowledged = new List<int>();
        var next = 1;
        var killedAt = -1;
        var deadline = DateTime.UtcNow + TestCluster.Patience;
        // Writes rotate over the nodes; each carries a client id and sequence, so a retry after an error (the
        // leader died, an election, an unknown outcome) applies at most once.
        while (acknowledged.Count < 60 && DateTime.UtcNow < deadline)
        {
            if (acknowledged.Count == 20 && killedAt < 0)
            {
                leader.Kill();
                killedAt = next;
            }

            var node = cluster.Nodes[next % cluster.Nodes.Count];
            if (node.Pid is null)
            {
                node = cluster.Nodes[(next + 1) % cluster.Nodes.Count];
            }

            try
            {
                var write = TestNode.Json(new { sql = "INSERT INTO t VALUES ($1)", @params = new[] { next }, client_id = "failover-test", seq = next });
                var (status, _) = await node.SqlAsync(write);
                if (status == 200)
                {
                    acknowledged.Add(next);
                    next++;
                }
                else
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} writes acknowledged; killed at {killedAt}" + cluster.Failure("").Message);
        var survivors = cluster.Nodes.Where(n => n != leader).ToList();
        var newLeader = await cluster.WaitForLeaderAsync(survivors);
        Assert.NotEqual(leader.NodeId, newLeader.NodeId);

        leader.Start();
        var expected = "[" + string.Join(',', acknowledged.Select(i => $"[{i}]")) + "]";
        foreach (var node in cluster.Nodes)
        {
            await cluster.WaitForRowsAsync(node, "SELECT id FROM t ORDER BY id", rows => rows.GetRawText() == expected);
        }

        var (read, body) = await newLeader.SqlAsync("""{"sql": "SELECT count(*) FROM t"}""", "?consistency=linearizable");
        Assert.Equal(200, read);
        Assert.Equal($"[[{acknowledged.Count}]]", body.GetProperty("results")[0].GetProperty("rows").GetRawText());
    }
}
