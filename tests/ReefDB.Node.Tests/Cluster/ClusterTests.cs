using System.Text.Json;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Cluster;

[CollectionDefinition(nameof(ProcessCollection), DisableParallelization = true)]
public sealed class ProcessCollection;

/// <summary>Real <c>reefdb serve</c> processes on loopback: elections, forwarding, replication, failover.</summary>
[Collection(nameof(ProcessCollection))]
public sealed class ClusterTests
{
    [Fact]
    public async Task A_single_node_serves_sql_over_http_and_restarts_with_its_data()
    {
        using var cluster = new TestCluster(1);
        cluster.StartAll();
        var node = await cluster.WaitForLeaderAsync();

        Assert.Equal(200, (await node.SqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, v text)"}""")).Status);
        Assert.Equal(200, (await node.SqlAsync("""{"sql": "INSERT INTO t VALUES ($1, $2)", "params": [1, "one"]}""")).Status);
        node.Kill();
        node.Start();
        await cluster.WaitForLeaderAsync();
        var (status, body) = await node.SqlAsync("""{"sql": "SELECT id, v FROM t"}""");

        Assert.Equal(200, status);
        Assert.Equal("""[[1,"one"]]""", body.GetProperty("results")[0].GetProperty("rows").GetRawText());
    }

    [Fact]
    public async Task Three_nodes_elect_one_leader_and_writes_through_any_node_reach_all_in_order()
    {
        using var cluster = new TestCluster(3);
        cluster.StartAll();
        var leader = await cluster.WaitForLeaderAsync();
        Assert.Equal(200, (await leader.SqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, via integer)"}""")).Status);

        var id = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var node in cluster.Nodes)
            {
                id++;
                var (status, body) = await node.SqlAsync(TestNode.Json(new { sql = "INSERT INTO t VALUES ($1, $2)", @params = new object[] { id, node.NodeId } }));
                Assert.True(status == 200, $"write {id} through node {node.NodeId}: {status} {body}");
                Assert.Equal(leader.NodeId, body.GetProperty("node_id").GetUInt64());
            }
        }

        var expected = string.Join(',', Enumerable.Range(1, id).Select(i => $"[{i}]"));
        foreach (var node in cluster.Nodes)
        {
            await cluster.WaitForRowsAsync(node, "SELECT id FROM t ORDER BY id", rows => rows.GetRawText() == $"[{expected}]");
        }

        var follower = cluster.Nodes.First(n => n != leader);
        var (linearizable, read) = await follower.SqlAsync("""{"sql": "SELECT count(*) FROM t"}""", "?consistency=linearizable");
        Assert.Equal(200, linearizable);
        Assert.Equal($"[[{id}]]", read.GetProperty("results")[0].GetProperty("rows").GetRawText());
        Assert.Equal(follower.NodeId, read.GetProperty("node_id").GetUInt64());

        // Asked for a redirect, a follower answers 307 with the leader's HTTP address instead of forwarding.
        using (var content = new StringContent("""{"sql": "INSERT INTO t VALUES (999, 0)"}""", System.Text.Encoding.UTF8, "application/json"))
        using (var redirect = await follower.Http.PostAsync("/v1/sql?redirect=true", content, TestContext.Current.CancellationToken))
        {
            Assert.Equal(307, (int)redirect.StatusCode);
            Assert.Equal($"http://{leader.HttpAddr}/v1/sql?redirect=true", redirect.Headers.Location?.ToString());
        }

        await BadInputGetsClearErrorsAndTheClusterKeepsServingAsync(cluster, leader, follower);
    }

    private static async Task BadInputGetsClearErrorsAndTheClusterKeepsServingAsync(TestCluster cluster, NodeProcess leader, NodeProcess follower)
    {
        foreach (var node in new[] { leader, follower })
        {
            Assert.Equal("malformed_json", Code(await node.SqlAsync("""{"sql": "SELECT 1" """)));
            Assert.Equal("unknown_field", Code(await node.SqlAsync("""{"sql": "SELECT 1", "param": []}""")));
            Assert.Equal("42P01", Code(await node.SqlAsync("""{"sql": "INSERT INTO missing VALUES (1)"}""")));
            Assert.Equal("42601", Code(await node.SqlAsync("""{"sql": "SELEC 1"}""")));
            var huge = TestNode.Json(new { sql = "SELECT '" + new string('x', 5 * 1024 * 1024) + "'" });
            Assert.Equal("body_too_large", Code(await node.SqlAsync(huge)));
        }

        using (var garbage = new System.Net.Sockets.TcpClient())
        {
            // Garbage on the Raft port: Kestrel refuses it; the node must not mind.
            await garbage.ConnectAsync(System.Net.IPEndPoint.Parse(leader.RpcAddr), TestContext.Current.CancellationToken);
            await garbage.GetStream().WriteAsync("GARBAGE\r\n\r\nnot http/2 at all"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        Assert.Equal(200, (await follower.SqlAsync("""{"sql": "INSERT INTO t VALUES (1000, 0)"}""")).Status);
        foreach (var node in cluster.Nodes)
        {
            await cluster.WaitForRowsAsync(node, "SELECT count(*) FROM t WHERE id = 1000", rows => rows.GetRawText() == "[[1]]");
        }
    }

    private static string? Code((int Status, JsonElement Body) answer) =>
        answer.Body.ValueKind == JsonValueKind.Object && answer.Body.TryGetProperty("error", out var error)
            ? error.GetProperty("code").GetString()
            : $"status {answer.Status} without an error";
}
