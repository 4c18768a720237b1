using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using ReefDB.Node.Grpc.Wire;
using SqlService = ReefDB.Node.Grpc.Wire.Sql;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// Bad input on a running cluster, beyond the HTTP SQL cases of <see cref="ClusterTests"/>: gRPC messages above
/// <c>max_grpc_msg_bytes</c>, garbage and malformed calls on the Raft port, malformed admin bodies. Each gets a clear
/// error, no process dies, and the cluster still replicates writes afterwards.
/// </summary>
[Collection(nameof(ProcessCollection))]
public sealed class BadInputTests
{
    private const int MaxGrpcBytes = 64 * 1024;

    [Fact]
    public async Task Oversized_grpc_messages_garbage_on_the_raft_port_and_malformed_admin_bodies_get_clear_errors_and_the_cluster_keeps_serving()
    {
        using var cluster = new TestCluster(3, "--max-grpc-msg-bytes", "65536", "--max-request-bytes", "65536");
        cluster.StartAll();
        var leader = await cluster.WaitForLeaderAsync();
        var follower = cluster.Nodes.First(n => n != leader);
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, via integer)", "client_id": "ddl", "seq": 1}""");

        foreach (var node in new[] { leader, follower })
        {
            await OversizedSqlExecuteIsRefusedAsync(node);
            await GarbageOnTheRaftPortIsRefusedAsync(node);
            await MalformedAdminBodiesGetClearErrorsAsync(node);
        }

        // Still one cluster: a gRPC write through a follower is forwarded, committed and applied everywhere.
        using (var channel = GrpcChannel.ForAddress($"http://{follower.RpcAddr}"))
        {
            var request = new ExecuteRequest { Statements = { new SqlStatement { Sql = "INSERT INTO t VALUES (1, 0)" } }, ClientId = "bad-input", Seq = 1 };
            var response = await new SqlService.SqlClient(channel).ExecuteAsync(request, deadline: DateTime.UtcNow + TestCluster.Patience, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(response.Error is null, $"gRPC write through node {follower.NodeId}: {response.Error}");
            Assert.True(response.RaftIndex > 0);
        }

        foreach (var node in cluster.Nodes)
        {
            Assert.True(node.Pid is not null, $"node {node.NodeId} died" + cluster.Failure("").Message);
            await cluster.WaitForRowsAsync(node, "SELECT count(*) FROM t", rows => rows.GetRawText() == "[[1]]");
        }
    }

    private static async Task OversizedSqlExecuteIsRefusedAsync(NodeProcess node)
    {
        using var channel = GrpcChannel.ForAddress($"http://{node.RpcAddr}");
        var client = new SqlService.SqlClient(channel);
        var request = new ExecuteRequest { Statements = { new SqlStatement { Sql = "SELECT '" + new string('x', 2 * MaxGrpcBytes) + "'" } } };
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.ExecuteAsync(request, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("exceeds the maximum", refused.Status.Detail, StringComparison.OrdinalIgnoreCase);

        // The same channel still works for a message within the limit.
        var small = new ExecuteRequest { Statements = { new SqlStatement { Sql = "SELECT 1" } }, Consistency = Consistency.Stale };
        var answer = await client.ExecuteAsync(small, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(answer.Error);
    }

    private static async Task GarbageOnTheRaftPortIsRefusedAsync(NodeProcess node)
    {
        // Bytes that are not HTTP/2 at all, then an HTTP/2 preface followed by a frame of nonsense.
        await SendRawAsync(node.RpcAddr, [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) ^ (i >> 3)))]);
        await SendRawAsync(node.RpcAddr, [.. "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray(), 0, 0, 8, 0xFF, 0xFF, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8]);

        using var channel = GrpcChannel.ForAddress($"http://{node.RpcAddr}");
        var invoker = channel.CreateCallInvoker();

        // reefdb.raft.Raft/Step with bytes that do not decode as a MessageBatch.
        var garbage = await CallRaftStepAsync(invoker, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x12]);
        Assert.NotEqual(StatusCode.OK, garbage.StatusCode);

        // A well-formed batch from another cluster: refused, naming the mismatch.
        var foreign = await CallRaftStepAsync(invoker, EncodeBatch("another-cluster", from: 99, to: node.NodeId));
        Assert.Equal(StatusCode.FailedPrecondition, foreign.StatusCode);
        Assert.Contains("cluster id mismatch", foreign.Status.Detail, StringComparison.Ordinal);

        // A batch above the message limit.
        var huge = await CallRaftStepAsync(invoker, EncodeBatch(new string('c', 2 * MaxGrpcBytes), from: 99, to: node.NodeId));
        Assert.Equal(StatusCode.ResourceExhausted, huge.StatusCode);
    }

    private static async Task MalformedAdminBodiesGetClearErrorsAsync(NodeProcess node)
    {
        var cases = new (HttpMethod Method, string Path, string? Body, int Status, string Code)[]
        {
            (HttpMethod.Post, "/v1/admin/members", """{"node_id": 9, "addr": """, 400, "malformed_json"),
            (HttpMethod.Post, "/v1/admin/members", """[9, "127.0.0.1:1"]""", 400, "invalid_request"),
            (HttpMethod.Post, "/v1/admin/members", """{"node_id": 9, "addr": "127.0.0.1:1", "role": "voter"}""", 400, "unknown_field"),
            (HttpMethod.Post, "/v1/admin/members", """{"node_id": 0, "addr": "127.0.0.1:1"}""", 400, "invalid_request"),
            (HttpMethod.Post, "/v1/admin/members", """{"node_id": 9, "addr": "no port here"}""", 400, "invalid_request"),
            (HttpMethod.Post, "/v1/admin/members", """{"node_id": 9, "addr": "127.0.0.1:1", "http_addr": 5}""", 400, "invalid_request"),
            (HttpMethod.Post, "/v1/admin/transfer-leader", """{"node_id": "two"}""", 400, "invalid_request"),
            (HttpMethod.Post, "/v1/admin/transfer-leader", "", 400, "malformed_json"),
            (HttpMethod.Post, "/v1/admin/transfer-leader", "{\"node_id\": 2, \"pad\": \"" + new string('x', 70_000) + "\"}", 413, "body_too_large"),
            (HttpMethod.Delete, "/v1/admin/members/one", null, 400, "invalid_request"),
            (HttpMethod.Delete, "/v1/admin/members/0", null, 400, "invalid_request"),
        };
        foreach (var (method, path, body, status, code) in cases)
        {
            var (actual, answer) = await node.SendAsync(method, path, body);
            var what = $"{method} {path} {body?[..Math.Min(body.Length, 60)]} on node {node.NodeId}";
            Assert.True(actual == status, $"{what}: expected {status}, got {actual} {answer}");
            Assert.True(ErrorCode(answer) == code, $"{what}: expected error code {code}, got {answer}");
        }

        // Garbage on the HTTP port: the web server answers 400 or closes; the node serves the next request.
        await SendRawAsync(node.HttpAddr, "NOT A REQUEST\r\n\r\n\0\0\0"u8.ToArray());
        Assert.Equal(200, (await node.SendAsync(HttpMethod.Get, "/v1/status")).Status);
    }

    private static async Task<RpcException> CallRaftStepAsync(CallInvoker invoker, byte[] payload)
    {
        var bytes = Marshallers.Create(b => b, b => b);
        var step = new Method<byte[], byte[]>(MethodType.Unary, "reefdb.raft.Raft", "Step", bytes, bytes);
        return await Assert.ThrowsAsync<RpcException>(async () =>
            await invoker.AsyncUnaryCall(step, null, new CallOptions(deadline: DateTime.UtcNow + TestCluster.Patience), payload));
    }

    /// <summary>A <c>reefdb.raft.MessageBatch</c> with no messages, encoded by hand (the generated type is internal to the transport).</summary>
    private static byte[] EncodeBatch(string clusterId, ulong from, ulong to)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteString(clusterId);
        output.WriteTag(2, WireFormat.WireType.Varint);
        output.WriteUInt64(from);
        output.WriteTag(3, WireFormat.WireType.Varint);
        output.WriteUInt64(to);
        output.Flush();
        return buffer.ToArray();
    }

    /// <summary>Writes raw bytes to a listener and reads whatever comes back until it closes (bounded).</summary>
    private static async Task SendRawAsync(string address, byte[] bytes)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(IPEndPoint.Parse(address), timeout.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(bytes, timeout.Token);
            var sink = new byte[4096];
            while (await stream.ReadAsync(sink, timeout.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The server reset the connection, or kept it open: either way it did not act on the bytes.
        }
    }

    private static string? ErrorCode(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null;
}
