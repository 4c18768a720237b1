using System.Text.Json;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>Adding a node (as a learner, promoted once caught up) and removing one, while a client keeps writing.</summary>
[Collection(nameof(ProcessCollection))]
public sealed class MembershipTests
{
    [Fact]
    public async Task A_fourth_node_joins_and_a_member_leaves_under_load_and_every_acknowledged_write_is_on_every_member()
    {
        using var cluster = new TestCluster(3);
        cluster.StartAll();
        await cluster.WaitForLeaderAsync();
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, via integer)", "client_id": "ddl", "seq": 1}""");
        var members = cluster.Nodes.ToList();
        await using var writer = new ClusterWriter(cluster, "membership-test", members);

        for (var round = 0; round < ClusterKnobs.Rounds; round++)
        {
            await writer.WaitForAcknowledgedAsync(writer.Acknowledged + ClusterKnobs.Writes);
            var leader = await cluster.WaitForLeaderAsync(members);

            // Add: the leader records it as a learner; the new process starts without bootstrapping, receives the
            // log (or a snapshot), and the leader promotes it to voter once it has caught up.
            var added = cluster.AddNode(leader.RpcAddr);
            await cluster.AdminAsync(HttpMethod.Post, "/v1/admin/members", $$"""{"node_id": {{added.NodeId}}, "addr": "{{added.RpcAddr}}", "http_addr": "{{added.HttpAddr}}"}""");
            added.Start();
            members.Add(added);
            await cluster.WaitUntilAsync(
                async () => Role(await cluster.StatusOfAsync(await cluster.WaitForLeaderAsync(members)), added.NodeId) == "voter",
                () => $"node {added.NodeId} promoted to voter");
            writer.Targets = members;
            await writer.WaitForAcknowledgedAsync(writer.Acknowledged + ClusterKnobs.Writes);

            // Remove a follower (the oldest one that does not lead), then stop its process.
            leader = await cluster.WaitForLeaderAsync(members);
            var removed = members.First(n => n != leader);
            members.Remove(removed);
            writer.Targets = members;
            await cluster.AdminAsync(HttpMethod.Delete, $"/v1/admin/members/{removed.NodeId}");
            await cluster.WaitUntilAsync(
                async () => Role(await cluster.StatusOfAsync(await cluster.WaitForLeaderAsync(members)), removed.NodeId) is null,
                () => $"node {removed.NodeId} gone from the members");
            removed.Kill();
            await writer.WaitForAcknowledgedAsync(writer.Acknowledged + ClusterKnobs.Writes);
        }

        var written = await writer.StopAsync();
        await writer.WaitForAllOnAsync(members, written);
        var memberIds = (await cluster.StatusOfAsync(await cluster.WaitForLeaderAsync(members))).GetProperty("members")
            .EnumerateArray().Select(m => m.GetProperty("node_id").GetUInt64()).Order();
        Assert.Equal(members.Select(n => n.NodeId).Order(), memberIds);
    }

    /// <summary>The role the leader's status gives member <paramref name="nodeId"/>, or null when it is no member.</summary>
    private static string? Role(JsonElement status, ulong nodeId) =>
        status.GetProperty("members").EnumerateArray()
            .Where(m => m.GetProperty("node_id").GetUInt64() == nodeId)
            .Select(m => m.GetProperty("role").GetString())
            .FirstOrDefault();
}
