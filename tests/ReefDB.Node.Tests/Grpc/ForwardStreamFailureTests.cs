using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc;
using ReefDB.Node.Membership;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Grpc;

/// <summary>
/// How forwarding over the <c>Sql.Forward</c> stream fails, against scripted servers: the same stable codes as a
/// unary forward (never sent: retryable; sent and the stream broke: outcome unknown), no caller left hanging, a
/// new stream for the next request, a new leader's stream after a leader change, and unary calls to an older node.
/// </summary>
public sealed class ForwardStreamFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_in_flight_when_the_stream_breaks_are_outcome_unknown_and_the_next_request_opens_a_new_stream()
    {
        await using var server = new FakeSqlServer { StreamServed = true, AbortFirstStreamAfter = 10 };
        await server.StartAsync();
        using var forwarder = new GrpcLeaderForwarder(new MemberDirectory([new MemberAddress(1, server.Address, null)]), 1 << 20);

        var inFlight = Enumerable.Range(0, 10).Select(i => ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES ({i})"), Cancel))).ToList();
        await server.Aborted.WaitAsync(Cancel);
        var outcomes = await Task.WhenAll(inFlight);
        var next = await forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (10)"), Cancel);

        // All ten were read by the server before it broke the stream: sent, so their fate is unknown.
        Assert.All(outcomes, o => Assert.Equal(GatewayErrorCode.OutcomeUnknown, o));
        Assert.Null(next.Error);
        Assert.Equal((2, 11, 0), (server.Streams, server.ForwardedRequests, server.ExecuteCalls));
    }

    [Fact]
    public async Task After_a_leader_change_new_requests_go_to_the_new_leaders_stream()
    {
        await using var oldLeader = new FakeSqlServer { StreamServed = true, AbortFirstStreamAfter = 3 };
        await using var newLeader = new FakeSqlServer { StreamServed = true };
        await oldLeader.StartAsync();
        await newLeader.StartAsync();
        using var forwarder = new GrpcLeaderForwarder(
            new MemberDirectory([new MemberAddress(1, oldLeader.Address, null), new MemberAddress(2, newLeader.Address, null)]), 1 << 20);

        var lost = Enumerable.Range(0, 3).Select(i => ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES ({i})"), Cancel))).ToList();
        await oldLeader.Aborted.WaitAsync(Cancel);
        var moved = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => forwarder.ForwardAsync(2, ForwardCalls.Request($"INSERT INTO t VALUES ({i})"), Cancel)));

        Assert.All(await Task.WhenAll(lost), o => Assert.Equal(GatewayErrorCode.OutcomeUnknown, o));
        Assert.All(moved, r => Assert.Null(r.Error));
        Assert.Equal((1, 20), (newLeader.Streams, newLeader.ForwardedRequests));
    }

    [Fact]
    public async Task An_unreachable_leader_fails_each_request_as_retryable_and_none_hangs()
    {
        using var forwarder = new GrpcLeaderForwarder(new MemberDirectory([new MemberAddress(1, $"127.0.0.1:{Ports.Free()}", null)]), 1 << 20);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES ({i})"), Cancel))));
        var again = await ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (16)"), Cancel));

        Assert.All(outcomes, o => Assert.Equal("unavailable retryable", o));
        Assert.Equal("unavailable retryable", again);
    }

    [Fact]
    public async Task A_leader_without_the_stream_is_sent_unary_calls_from_then_on()
    {
        await using var server = new FakeSqlServer { StreamServed = false };
        await server.StartAsync();
        using var forwarder = new GrpcLeaderForwarder(new MemberDirectory([new MemberAddress(1, server.Address, null)]), 1 << 20);

        var first = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES ({i})"), Cancel)));
        var later = await forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (12)"), Cancel);

        Assert.All(first, r => Assert.Equal(1, r.Results[0].RowsAffected));
        Assert.Equal(13, first.Append(later).Select(r => r.RaftIndex).Distinct().Count());
        Assert.Equal(13, server.ExecuteCalls);
    }

    [Fact]
    public async Task A_stalled_leader_makes_the_follower_refuse_beyond_its_bound_and_stopping_fails_every_waiting_request()
    {
        await using var server = new FakeSqlServer { StreamServed = true, Silent = true };
        await server.StartAsync();
        var forwarder = new GrpcLeaderForwarder(new MemberDirectory([new MemberAddress(1, server.Address, null)]), 1 << 20);

        var waiting = Enumerable.Range(0, ForwardStream.MaxOutstanding)
            .Select(i => ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES ({i})"), Cancel)))
            .ToList();
        var refused = await ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (-1)"), Cancel));
        await WaitUntilAsync(() => server.ForwardedRequests == ForwardStream.MaxOutstanding);
        forwarder.Dispose();
        var outcomes = await Task.WhenAll(waiting);

        Assert.Equal("overloaded retryable", refused);
        // Every one of them was written, so its fate is unknown to the follower.
        Assert.All(outcomes, o => Assert.Equal(GatewayErrorCode.OutcomeUnknown, o));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(20, Cancel);
        }
    }
}
