using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using ReefDB.Raft.Messages;
using ReefDB.Transport.Client;
using ReefDB.Transport.Tests.Support;
using ReefDB.Transport.Wire;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Tests.Server;

public sealed class RaftGrpcServiceTests
{
    [Fact]
    public async Task Step_delivers_a_batch()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = RawChannel(b);
        await Client(channel).StepAsync(Batch("test-cluster", 1, 2, TestNode.Heartbeat(1, 2, 4)), cancellationToken: Ct);
        Assert.Equal(4UL, (await b.Endpoint.NextAsync()).Commit);
    }

    /// <summary>The replica gets a batch whole (it may step it on the reader's thread), in the order it was sent.</summary>
    [Fact]
    public async Task A_batch_reaches_the_replica_whole_and_in_order()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = RawChannel(b);
        await Client(channel).StepAsync(
            Batch("test-cluster", 1, 2, TestNode.Heartbeat(1, 2, 4), TestNode.Heartbeat(1, 2, 5), TestNode.Heartbeat(1, 2, 6)),
            cancellationToken: Ct);

        var received = await b.Endpoint.NextAsync(3);

        Assert.Equal([4UL, 5UL, 6UL], received.Select(m => m.Commit));
        Assert.Equal([3], b.Endpoint.Batches);
    }

    /// <summary>A batch that defers its acknowledgement gets none; the next acknowledged one covers both.</summary>
    [Fact]
    public async Task A_stream_acknowledges_only_the_batches_that_ask_cumulatively()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = RawChannel(b);
        using var call = Client(channel).StepStream(cancellationToken: Ct);
        var deferred = Batch("test-cluster", 1, 2, TestNode.Heartbeat(1, 2, 4));
        deferred.AckDeferred = true;
        await call.RequestStream.WriteAsync(deferred, Ct);
        var asking = Batch("test-cluster", 1, 2, TestNode.Heartbeat(1, 2, 5));
        asking.Sequence = 2;
        await call.RequestStream.WriteAsync(asking, Ct);
        await call.RequestStream.CompleteAsync();

        var acks = new List<ulong>();
        while (await call.ResponseStream.MoveNext(Ct))
        {
            acks.Add(call.ResponseStream.Current.Sequence);
        }

        Assert.Equal([2UL], acks);
        Assert.Equal([4UL, 5UL], (await b.Endpoint.NextAsync(2)).Select(m => m.Commit));
    }

    [Fact]
    public async Task A_batch_above_the_servers_limit_is_refused_with_resource_exhausted()
    {
        await using var b = await TestNode.StartAsync(2, configure: o => o.MaxMessageBytes = 128 * 1024);
        using var channel = RawChannel(b);
        var huge = new Message
        {
            Type = MessageType.Append, From = 1, To = 2, Term = 1,
            Entries = [new Entry(1, 1, EntryType.Normal, new byte[200 * 1024])],
        };
        var error = await Assert.ThrowsAsync<RpcException>(() => Client(channel).StepAsync(Batch("test-cluster", 1, 2, huge), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("maximum", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.False(b.Endpoint.TryTake(out _));

        // The server keeps serving.
        await Client(channel).StepAsync(Batch("test-cluster", 1, 2, TestNode.Heartbeat(1, 2, 1)), cancellationToken: Ct);
        await b.Endpoint.NextAsync();
    }

    [Fact]
    public async Task The_clients_limit_refuses_an_oversized_call_before_it_leaves()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = PeerChannel.Create(b.Address, new RaftTransportOptions { MaxMessageBytes = 64 * 1024 });
        var big = new Message
        {
            Type = MessageType.Append, From = 1, To = 2, Term = 1,
            Entries = [new Entry(1, 1, EntryType.Normal, new byte[100 * 1024])],
        };
        var error = await Assert.ThrowsAsync<RpcException>(() => Client(channel).StepAsync(Batch("test-cluster", 1, 2, big), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Another_clusters_traffic_is_refused_with_failed_precondition()
    {
        await using var b = await TestNode.StartAsync(2, clusterId: "blue");
        using var channel = RawChannel(b);
        var error = await Assert.ThrowsAsync<RpcException>(
            () => Client(channel).StepAsync(Batch("green", 1, 2, TestNode.Heartbeat(1, 2, 1)), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("cluster id mismatch", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("'blue'", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("'green'", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traffic_for_another_node_id_is_refused_with_failed_precondition()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = RawChannel(b);
        var error = await Assert.ThrowsAsync<RpcException>(
            () => Client(channel).StepAsync(Batch("test-cluster", 1, 3, TestNode.Heartbeat(1, 3, 1)), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("wrong node: this is node 2", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_or_misaddressed_messages_are_refused_with_invalid_argument()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = RawChannel(b);
        var unknown = new W.MessageBatch { ClusterId = "test-cluster", From = 1, To = 2 };
        unknown.Messages.Add(new W.RaftMessage { Type = (W.MessageType)42, From = 1, To = 2 });
        var error = await Assert.ThrowsAsync<RpcException>(() => Client(channel).StepAsync(unknown, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);

        var spoofed = Batch("test-cluster", 1, 2, TestNode.Heartbeat(3, 2, 1));
        error = await Assert.ThrowsAsync<RpcException>(() => Client(channel).StepAsync(spoofed, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);

        var snapshotInStep = Batch("test-cluster", 1, 2, new Message
        {
            Type = MessageType.Snapshot, From = 1, To = 2,
            Snapshot = new Snapshot(new SnapshotMetadata(1, 1, new Raft.Configuration.Membership([1, 2])), default),
        });
        error = await Assert.ThrowsAsync<RpcException>(() => Client(channel).StepAsync(snapshotInStep, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.False(b.Endpoint.TryTake(out _));
    }

    [Fact]
    public async Task Before_a_replica_is_attached_calls_are_refused_with_unavailable()
    {
        await using var b = await TestNode.StartAsync(2, attach: false);
        using var channel = RawChannel(b);
        var error = await Assert.ThrowsAsync<RpcException>(
            () => Client(channel).StepAsync(Batch("test-cluster", 1, 2, TestNode.Heartbeat(1, 2, 1)), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("starting", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_on_the_port_does_not_hurt_the_server()
    {
        await using var b = await TestNode.StartAsync(2);
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(System.Net.IPAddress.Loopback, b.Port, Ct);
            var garbage = new byte[random.Next(1, 4096)];
            random.NextBytes(garbage);
            if (i % 4 == 0)
            {
                // A valid HTTP/2 preface followed by nonsense frames.
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray().CopyTo(garbage.AsSpan());
            }
            else if (i % 4 == 1)
            {
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray().CopyTo(garbage.AsSpan());
            }

            var stream = tcp.GetStream();
            try
            {
                await stream.WriteAsync(garbage, Ct);
                using var read = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                _ = await stream.ReadAsync(new byte[1024], read.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The server may close on us: that is the point.
            }
        }

        using var channel = RawChannel(b);
        await Client(channel).StepAsync(Batch("test-cluster", 1, 2, TestNode.Heartbeat(1, 2, 3)), cancellationToken: Ct);
        Assert.Equal(3UL, (await b.Endpoint.NextAsync()).Commit);
    }

    [Fact]
    public async Task GetInfo_tells_who_the_node_is()
    {
        await using var b = await TestNode.StartAsync(2);
        var info = await RaftPeerInfo.GetInfoAsync(b.Address, TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(new RaftNodeInfo(2, "test-cluster", 7, RaftNodeRole.Follower, 2, 40, 39), info);
    }

    [Fact]
    public async Task GetInfo_on_a_dead_address_fails_with_unavailable()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            () => RaftPeerInfo.GetInfoAsync($"127.0.0.1:{TestNode.FreePort()}", TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static GrpcChannel RawChannel(TestNode node) =>
        PeerChannel.Create(node.Address, new RaftTransportOptions { MaxMessageBytes = 64 * 1024 * 1024 });

    internal static W.Raft.RaftClient Client(GrpcChannel channel) => new(channel);

    internal static W.MessageBatch Batch(string cluster, ulong from, ulong to, params Message[] messages)
    {
        var batch = new W.MessageBatch { ClusterId = cluster, From = from, To = to, Sequence = 1 };
        batch.Messages.AddRange(messages.Select(MessageCodec.Encode));
        return batch;
    }

    internal static ByteString Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return ByteString.CopyFrom(data);
    }
}
