using System.Text;
using ReefDB.Node.Membership;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Http;

public sealed class AdminEndpointsTests
{
    private static async Task<(int Status, System.Text.Json.JsonElement Body)> SendAsync(TestNode node, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await node.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await TestNode.ReadJsonAsync(response));
    }

    [Fact]
    public async Task The_leader_adds_removes_transfers_and_snapshots_and_records_the_new_members_address()
    {
        await using var node = await TestNode.StartAsync();

        var added = await SendAsync(node, HttpMethod.Post, "/v1/admin/members", """{"node_id": 4, "addr": "127.0.0.1:50054", "http_addr": "127.0.0.1:8084"}""");
        var removed = await SendAsync(node, HttpMethod.Delete, "/v1/admin/members/4");
        var transferred = await SendAsync(node, HttpMethod.Post, "/v1/admin/transfer-leader", """{"node_id": 2}""");
        var snapshot = await SendAsync(node, HttpMethod.Post, "/v1/admin/snapshot");
        var (listed, members) = await SendAsync(node, HttpMethod.Get, "/v1/admin/members");

        Assert.Equal((200, 200, 200, 200, 200), (added.Status, removed.Status, transferred.Status, snapshot.Status, listed));
        Assert.Equal(["add 4", "remove 4", "transfer 2", "snapshot"], node.Replica.AdminCalls);
        Assert.Contains("learner", added.Body.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.True(members.TryGetProperty("members", out _));
    }

    [Theory]
    [InlineData("""{"node_id": 0, "addr": "a:1"}""", "invalid_request")]
    [InlineData("""{"node_id": 4}""", "invalid_request")]
    [InlineData("""{"node_id": 4, "addr": "nowhere"}""", "invalid_request")]
    [InlineData("""{"node_id": 4, "addr": "a:1", "role": "voter"}""", "unknown_field")]
    [InlineData("""{"node_id": 4,""", "malformed_json")]
    public async Task Bad_member_requests_are_explained(string body, string code)
    {
        await using var node = await TestNode.StartAsync();

        var (status, answer) = await SendAsync(node, HttpMethod.Post, "/v1/admin/members", body);

        Assert.Equal(400, status);
        Assert.Equal(code, answer.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(node.Replica.AdminCalls);
    }

    [Fact]
    public async Task A_follower_asked_for_a_redirect_names_the_leader_instead_of_forwarding()
    {
        await using var leader = await TestNode.StartAsync();
        var leaderAddress = new MemberAddress(1, leader.Options.RpcAddr, leader.Options.HttpAddr);
        using var forwarder = new Node.Grpc.GrpcLeaderForwarder(new MemberDirectory([leaderAddress]), 1 << 20);
        await using var follower = await TestNode.StartAsync(new FakeReplica(2) { LeaderId = 1 }, members: [leaderAddress], adminForwarder: forwarder);

        var forwarded = await SendAsync(follower, HttpMethod.Post, "/v1/admin/transfer-leader", """{"node_id": 2}""");
        var (status, answer) = await SendAsync(follower, HttpMethod.Post, "/v1/admin/transfer-leader?redirect=true", """{"node_id": 2}""");

        Assert.Equal(200, forwarded.Status);
        Assert.Equal(1UL, forwarded.Body.GetProperty("node_id").GetUInt64());
        Assert.Equal(["transfer 2"], leader.Replica.AdminCalls);
        Assert.Equal(503, status);
        Assert.Equal("not_leader", answer.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains($"http://{leader.Options.HttpAddr}", answer.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follower_names_the_leader()
    {
        await using var node = await TestNode.StartAsync(new FakeReplica(2) { LeaderId = 1 });

        var (status, answer) = await SendAsync(node, HttpMethod.Post, "/v1/admin/transfer-leader", """{"node_id": 2}""");

        Assert.Equal(503, status);
        Assert.Equal("not_leader", answer.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1UL, answer.GetProperty("error").GetProperty("leader_id").GetUInt64());
    }
}
