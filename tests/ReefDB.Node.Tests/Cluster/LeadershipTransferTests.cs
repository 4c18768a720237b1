namespace ReefDB.Node.Tests.Cluster;

/// <summary><c>POST /v1/admin/transfer-leader</c> while a client keeps writing.</summary>
[Collection(nameof(ProcessCollection))]
public sealed class LeadershipTransferTests
{
    [Fact]
    public async Task Leadership_moves_to_the_chosen_node_under_load_and_writes_go_on_without_loss()
    {
        using var cluster = new TestCluster(3);
        cluster.StartAll();
        await cluster.WaitForLeaderAsync();
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, via integer)", "client_id": "ddl", "seq": 1}""");
        await using var writer = new ClusterWriter(cluster, "transfer-test", cluster.Nodes);

        for (var round = 0; round < Math.Max(2, ClusterKnobs.Rounds); round++)
        {
            await writer.WaitForAcknowledgedAsync(writer.Acknowledged + ClusterKnobs.Writes);
            var leader = await cluster.WaitForLeaderAsync();
            var target = cluster.Nodes[(int)(leader.NodeId % (ulong)cluster.Nodes.Count)];
            var answer = await cluster.AdminAsync(HttpMethod.Post, "/v1/admin/transfer-leader", $$"""{"node_id": {{target.NodeId}}}""");
            Assert.Equal($"node {target.NodeId} leads", answer.GetProperty("result").GetString());

            // Every node follows the new leader (unless an election under heavy load moved it on again).
            var now = await cluster.WaitForLeaderAsync();
            Assert.True(now.NodeId == target.NodeId, $"round {round}: asked node {target.NodeId} to lead, node {now.NodeId} leads" + cluster.Failure("").Message);
            var before = writer.Acknowledged;
            await writer.WaitForAcknowledgedAsync(before + ClusterKnobs.Writes);
        }

        var written = await writer.StopAsync();
        await writer.WaitForAllOnAsync(cluster.Nodes, written);
    }
}
