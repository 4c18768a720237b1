using System.Collections.Concurrent;
using Grpc.Net.Client;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc;
using ReefDB.Node.Grpc.Wire;
using ReefDB.Node.Membership;
using ReefDB.Node.Tests.Support;
using SqlService = ReefDB.Node.Grpc.Wire.Sql;

namespace ReefDB.Node.Tests.Grpc;

/// <summary>
/// A follower forwards SQL to the leader over one <c>Sql.Forward</c> stream (issue 5, forwarding): concurrent
/// requests share it and each caller gets its own answer; a request too large for one message gets a clear error;
/// a caller that gives up is not kept waiting; a leader that stops answers what it read.
/// </summary>
public sealed class ForwardStreamTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_writes_through_a_follower_each_get_their_own_outcome()
    {
        await using var leader = await TestNode.StartAsync();
        using var forwarder = Forwarder(leader);
        await using var follower = await FollowerOf(leader, forwarder);
        using var channel = GrpcChannel.ForAddress($"http://{follower.Options.RpcAddr}");
        var client = new SqlService.SqlClient(channel);
        Assert.Null((await client.ExecuteAsync(WireRequest("CREATE TABLE t (id integer PRIMARY KEY, v text)"), cancellationToken: Cancel)).Error);

        // 200 requests over 32 tasks; every tenth is a transaction whose second statement repeats its first key.
        var answers = new ConcurrentDictionary<int, ExecuteResponse>();
        var byTask = new ConcurrentDictionary<int, List<ulong>>();
        await Parallel.ForAsync(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Cancel }, async (task, cancel) =>
        {
            var indexes = byTask.GetOrAdd(task, _ => []);
            for (var id = task; id < 200; id += 32)
            {
                var request = id % 10 == 7
                    ? WireRequest($"INSERT INTO t VALUES ({id}, 'a')", $"INSERT INTO t VALUES ({id}, 'b')")
                    : WireRequest($"INSERT INTO t VALUES ({id}, 'v')");
                var answer = await client.ExecuteAsync(request, cancellationToken: cancel);
                answers[id] = answer;
                indexes.Add(answer.RaftIndex);
            }
        });

        Assert.Equal(200, answers.Count);
        foreach (var (id, answer) in answers)
        {
            if (id % 10 == 7)
            {
                Assert.Equal(("23505", true, 1), (answer.Error?.Code, answer.Error?.SqlError ?? false, answer.Error?.Statement ?? -1));
            }
            else
            {
                Assert.True(answer.Error is null, $"request {id}: {answer.Error}");
                Assert.Equal(1, answer.Results[0].RowsAffected);
            }
        }

        var written = answers.Where(a => a.Key % 10 != 7).Select(a => a.Value.RaftIndex).ToList();
        Assert.Equal(written.Count, written.Distinct().Count());
        Assert.All(byTask.Values, indexes => Assert.Equal(indexes.Order(), indexes));
        // All of it went over the stream, none as unary calls.
        var metrics = await PrometheusText.ScrapeAsync(leader.Http);
        Assert.Equal(201, PrometheusText.Value(metrics, "reefdb_grpc_requests_total", "method=\"Forward\",result=\"ok\"")
            + PrometheusText.Value(metrics, "reefdb_grpc_requests_total", "method=\"Forward\",result=\"sql_error\""));
        Assert.Equal(0, PrometheusText.TryValue(metrics, "reefdb_grpc_requests_total", "method=\"Execute\",result=\"ok\"") ?? 0);
    }

    [Fact]
    public async Task A_request_above_the_message_limit_gets_a_clear_error_and_batches_are_split_below_it()
    {
        const int limit = 64 * 1024;
        await using var leader = await TestNode.StartAsync(configure: o => o with { MaxGrpcMsgBytes = limit });
        using var forwarder = Forwarder(leader, limit);
        await forwarder.ForwardAsync(1, ForwardCalls.Request("CREATE TABLE t (id integer PRIMARY KEY, v text)"), Cancel);

        var tooLarge = await Assert.ThrowsAsync<GatewayException>(
            () => forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES (0, '{new string('x', limit)}')"), Cancel));
        // 30 requests of 20 KB at once: a message holds three at most, and the leader refuses any larger one.
        var results = await Task.WhenAll(Enumerable.Range(1, 30).Select(id =>
            forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES ({id}, '{new string('y', 20 * 1024)}')"), Cancel)));

        Assert.Equal((GatewayErrorCode.BodyTooLarge, false), (tooLarge.Code, tooLarge.Retryable));
        Assert.Contains("max_grpc_msg_bytes", tooLarge.Message, StringComparison.Ordinal);
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(30, results.Select(r => r.RaftIndex).Distinct().Count());
    }

    [Fact]
    public async Task A_caller_that_gives_up_is_not_kept_waiting_and_the_stream_serves_the_next_request()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var leader = await TestNode.StartAsync(new FakeReplica());
        using var forwarder = Forwarder(leader);
        await forwarder.ForwardAsync(1, ForwardCalls.Request("CREATE TABLE t (id integer PRIMARY KEY)"), Cancel);
        leader.Replica.ProposeGate = gate.Task;

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var waiting = forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (1)"), giveUp.Token);
        using var already = new CancellationTokenSource();
        await already.CancelAsync();
        var notSent = forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (2)"), already.Token);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notSent);
        gate.SetResult();
        var next = await forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (3)"), Cancel);
        Assert.Null(next.Error);
    }

    [Theory]
    [InlineData(ReadConsistency.Lease)]
    [InlineData(ReadConsistency.Stale)]
    public async Task A_long_forwarded_read_does_not_hold_up_the_requests_behind_it_on_the_stream(ReadConsistency consistency)
    {
        // The leader stops the read at its request timeout: 10^10 join candidates would otherwise run for minutes.
        await using var leader = await TestNode.StartAsync(new FakeReplica(), o => o with { RequestTimeoutMs = 5_000 });
        using var forwarder = Forwarder(leader);
        await forwarder.ForwardAsync(1, ForwardCalls.Request("CREATE TABLE t (id integer PRIMARY KEY)"), Cancel);

        var read = forwarder.ForwardAsync(
            1,
            ForwardCalls.Request("SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b") with { Consistency = consistency },
            Cancel);
        var write = await forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (1)"), Cancel);

        Assert.Null(write.Error);
        Assert.False(read.IsCompleted, "the write was answered only after the read ended");
        Assert.Equal("57014", await ForwardCalls.OutcomeAsync(read));
    }

    [Fact]
    public async Task A_leader_that_stops_answers_what_it_read_and_every_other_request_is_retryable()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leader = await TestNode.StartAsync(new FakeReplica());
        using var forwarder = Forwarder(leader);
        await forwarder.ForwardAsync(1, ForwardCalls.Request("CREATE TABLE t (id integer PRIMARY KEY)"), Cancel);
        leader.Replica.ProposeGate = gate.Task;

        var inFlight = Enumerable.Range(1, 8).Select(id => ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request($"INSERT INTO t VALUES ({id})"), Cancel))).ToList();
        await Task.Delay(200, Cancel);
        var stopping = leader.DisposeAsync().AsTask();
        await Task.Delay(200, Cancel);
        gate.SetResult();
        await stopping;
        var outcomes = await Task.WhenAll(inFlight);
        var afterStop = await ForwardCalls.OutcomeAsync(forwarder.ForwardAsync(1, ForwardCalls.Request("INSERT INTO t VALUES (100)"), Cancel));

        // Read before the stop: answered. Not read: never executed, so retryable; never outcome unknown.
        Assert.All(outcomes, o => Assert.True(o is "ok" or "unavailable retryable", o));
        Assert.Equal("unavailable retryable", afterStop);
    }

    private static GrpcLeaderForwarder Forwarder(TestNode leader, int maxMessageBytes = 1 << 20) =>
        new(new MemberDirectory([new MemberAddress(1, leader.Options.RpcAddr, leader.Options.HttpAddr)]), maxMessageBytes);

    private static Task<TestNode> FollowerOf(TestNode leader, GrpcLeaderForwarder forwarder) =>
        TestNode.StartAsync(
            new FakeReplica(2) { LeaderId = 1 },
            forwarder: forwarder,
            members: [new MemberAddress(1, leader.Options.RpcAddr, leader.Options.HttpAddr)]);

    private static ExecuteRequest WireRequest(params string[] statements)
    {
        var request = new ExecuteRequest { Transaction = true };
        request.Statements.AddRange(statements.Select(s => new SqlStatement { Sql = s }));
        return request;
    }
}
