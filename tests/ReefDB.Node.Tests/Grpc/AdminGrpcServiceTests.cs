using ReefDB.Node.Admin;
using ReefDB.Node.Membership;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Grpc;

/// <summary><c>reefdb.admin.Admin</c> through the public <see cref="AdminClient"/>, over a fake replica.</summary>
public sealed class AdminGrpcServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_leader_adds_removes_transfers_snapshots_and_lists_like_the_http_api()
    {
        await using var node = await TestNode.StartAsync();
        using var client = new AdminClient(node.Options.RpcAddr, Timeout);
        var cancel = TestContext.Current.CancellationToken;

        var added = await client.AddMemberAsync(4, "127.0.0.1:50054", "127.0.0.1:8084", cancel);
        var removed = await client.RemoveMemberAsync(4, cancel);
        var transferred = await client.TransferLeaderAsync(2, cancel);
        var snapshot = await client.SnapshotAsync(cancel);
        var members = await client.ListMembersAsync(cancel);

        Assert.Equal(["add 4", "remove 4", "transfer 2", "snapshot"], node.Replica.AdminCalls);
        Assert.Equal("node 4 added as a learner; it becomes a voter once it has caught up", added.Result);
        Assert.Equal((1UL, 1UL, 1UL), (added.NodeId, removed.NodeId, transferred.NodeId));
        Assert.Contains("snapshot at index", snapshot.Result, StringComparison.Ordinal);
        var self = Assert.Single(members.Members);
        Assert.Equal((1UL, "voter", node.Options.RpcAddr, node.Options.HttpAddr), (self.NodeId, self.Role, self.Addr, self.HttpAddr));
        Assert.Equal(1UL, members.LeaderId);
    }

    [Fact]
    public async Task Adding_a_member_twice_changes_nothing_the_second_time()
    {
        await using var node = await TestNode.StartAsync();
        using var client = new AdminClient(node.Options.RpcAddr, Timeout);

        var again = await client.AddMemberAsync(1, node.Options.RpcAddr, null, TestContext.Current.CancellationToken);

        Assert.Contains("already a member", again.Result, StringComparison.Ordinal);
        Assert.Empty(node.Replica.AdminCalls);
    }

    [Theory]
    [InlineData(0UL, "127.0.0.1:1", "\"node_id\": expected an integer ≥ 1")]
    [InlineData(4UL, "", "\"addr\": expected the new member's rpc_addr, host:port")]
    [InlineData(4UL, "nowhere", "\"addr\": expected host:port, got 'nowhere'")]
    public async Task Bad_requests_get_the_http_apis_code_and_message(ulong nodeId, string addr, string message)
    {
        await using var node = await TestNode.StartAsync();
        using var client = new AdminClient(node.Options.RpcAddr, Timeout);

        var error = await Assert.ThrowsAsync<AdminException>(() => client.AddMemberAsync(nodeId, addr, null, TestContext.Current.CancellationToken));

        Assert.Equal(("invalid_request", message), (error.Code, error.Message));
        Assert.Empty(node.Replica.AdminCalls);
    }

    [Fact]
    public async Task A_follower_without_a_way_to_the_leader_names_it_with_its_address()
    {
        var leader = new MemberAddress(1, "127.0.0.1:50051", "127.0.0.1:8080");
        await using var node = await TestNode.StartAsync(
            new FakeReplica(2) { LeaderId = 1 },
            members: [leader, new MemberAddress(2, "127.0.0.1:50052", "127.0.0.1:8082")]);
        using var client = new AdminClient(node.Options.RpcAddr, Timeout);

        var error = await Assert.ThrowsAsync<AdminException>(() => client.RemoveMemberAsync(3, TestContext.Current.CancellationToken));

        Assert.Equal(("not_leader", 1UL, "127.0.0.1:50051", true), (error.Code, error.LeaderId, error.LeaderAddr, error.Retryable));
        Assert.Contains("node 1 at 127.0.0.1:50051", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_leader_the_answer_is_retryable_no_leader()
    {
        await using var node = await TestNode.StartAsync(new FakeReplica(2) { LeaderId = 0 });
        using var client = new AdminClient(node.Options.RpcAddr, Timeout);

        var error = await Assert.ThrowsAsync<AdminException>(() => client.TransferLeaderAsync(2, TestContext.Current.CancellationToken));

        Assert.Equal(("no_leader", true), (error.Code, error.Retryable));
    }

    [Fact]
    public async Task A_follower_forwards_membership_changes_and_transfers_to_the_leader_and_relays_its_answer()
    {
        await using var leader = await TestNode.StartAsync();
        var leaderAddress = new MemberAddress(1, leader.Options.RpcAddr, leader.Options.HttpAddr);
        using var forwarder = new Node.Grpc.GrpcLeaderForwarder(new MemberDirectory([leaderAddress]), 1 << 20);
        await using var follower = await TestNode.StartAsync(
            new FakeReplica(2) { LeaderId = 1 }, members: [leaderAddress], adminForwarder: forwarder);
        using var client = new AdminClient(follower.Options.RpcAddr, Timeout);
        var cancel = TestContext.Current.CancellationToken;

        var added = await client.AddMemberAsync(5, "127.0.0.1:50055", null, cancel);
        await client.TransferLeaderAsync(2, cancel);
        var refused = await Assert.ThrowsAsync<AdminException>(() => client.RemoveMemberAsync(0, cancel));

        Assert.Equal(1UL, added.NodeId);
        Assert.Equal(["add 5", "transfer 2"], leader.Replica.AdminCalls);
        Assert.Empty(follower.Replica.AdminCalls);
        Assert.Equal("invalid_request", refused.Code);
    }
}
