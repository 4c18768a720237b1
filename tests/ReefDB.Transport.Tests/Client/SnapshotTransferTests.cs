using System.Security.Cryptography;
using Grpc.Core;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Transport.Tests.Server;
using ReefDB.Transport.Tests.Support;
using ReefDB.Transport.Wire;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Tests.Client;

public sealed class SnapshotTransferTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_snapshot_of_several_megabytes_is_streamed_in_chunks_and_installed()
    {
        // The limit is far below the snapshot's size: it only gets through in chunks.
        await using var b = await TestNode.StartAsync(2, configure: o => o.MaxMessageBytes = 256 * 1024);
        await using var a = await TestNode.StartAsync(1, configure: o =>
        {
            o.MaxMessageBytes = 256 * 1024;
            o.SnapshotChunkBytes = 64 * 1024;
        });
        a.Transport.SetPeer(2, b.Address);
        var payload = new byte[6 * 1024 * 1024 + 123];
        new Random(11).NextBytes(payload);
        a.Endpoint.Outgoing[40] = payload;

        a.Transport.Send([SnapshotMessage(1, 2, 40)]);

        Assert.Equal((2UL, true), await a.Endpoint.NextSnapshotReportAsync());
        Assert.True(b.Endpoint.Snapshots.TryDequeue(out var received));
        Assert.Equal(payload.Length, received!.Length);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(payload)), received.Sha256);
        Assert.Equal(new SnapshotMetadata(40, 3, new Membership([1, 2, 3])), received.Message.Snapshot!.Metadata);
        Assert.Equal((MessageType.Snapshot, 1UL, 2UL, 3UL), (received.Message.Type, received.Message.From, received.Message.To, received.Message.Term));
        Assert.Equal(1, a.Transport.GetStats().Single().SnapshotsSent);
    }

    [Fact]
    public async Task A_snapshot_to_a_dead_peer_is_reported_failed()
    {
        await using var a = await TestNode.StartAsync(1);
        a.Transport.SetPeer(2, $"127.0.0.1:{TestNode.FreePort()}");
        a.Endpoint.Outgoing[40] = new byte[1000];
        a.Transport.Send([SnapshotMessage(1, 2, 40)]);
        Assert.Equal((2UL, false), await a.Endpoint.NextSnapshotReportAsync());
        Assert.Equal(1, a.Transport.GetStats().Single().SnapshotsFailed);
    }

    [Fact]
    public async Task A_snapshot_the_replica_no_longer_keeps_is_reported_failed()
    {
        await using var b = await TestNode.StartAsync(2);
        await using var a = await TestNode.StartAsync(1);
        a.Transport.SetPeer(2, b.Address);
        a.Transport.Send([SnapshotMessage(1, 2, 99)]);
        Assert.Equal((2UL, false), await a.Endpoint.NextSnapshotReportAsync());
        Assert.Empty(b.Endpoint.Snapshots);
    }

    [Fact]
    public async Task A_second_snapshot_while_one_is_in_flight_is_dropped_and_later_ones_go_through()
    {
        await using var b = await TestNode.StartAsync(2);
        await using var a = await TestNode.StartAsync(1);
        a.Transport.SetPeer(2, b.Address);
        a.Endpoint.Outgoing[40] = new byte[3 * 1024 * 1024];
        a.Endpoint.Outgoing[41] = new byte[10];
        a.Transport.Send([SnapshotMessage(1, 2, 40), SnapshotMessage(1, 2, 40)]);
        Assert.Equal((2UL, true), await a.Endpoint.NextSnapshotReportAsync());
        a.Transport.Send([SnapshotMessage(1, 2, 41)]);
        Assert.Equal((2UL, true), await a.Endpoint.NextSnapshotReportAsync());
        Assert.Equal([40UL, 41UL], b.Endpoint.Snapshots.Select(s => s.Message.Snapshot!.Metadata.Index));
        Assert.Equal(1, a.Transport.GetStats().Single().MessagesDropped);
    }

    [Fact]
    public async Task A_stream_cut_short_or_running_long_is_refused_and_installs_nothing()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = RaftGrpcServiceTests.RawChannel(b);
        var client = RaftGrpcServiceTests.Client(channel);

        var error = await SendRawAsync(client, announced: 1000, chunks: [400, 400]);
        Assert.Equal(StatusCode.InvalidArgument, error!.StatusCode);
        Assert.Contains("ended after 800 of 1000 bytes", error.Status.Detail, StringComparison.Ordinal);

        error = await SendRawAsync(client, announced: 1000, chunks: [600, 600]);
        Assert.Equal(StatusCode.InvalidArgument, error!.StatusCode);
        Assert.Contains("runs past", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(b.Endpoint.Snapshots);
        Assert.Equal(2, b.Endpoint.SnapshotFailures.Count);

        Assert.Null(await SendRawAsync(client, announced: 1000, chunks: [500, 500]));
        Assert.Single(b.Endpoint.Snapshots);
    }

    [Fact]
    public async Task A_snapshot_stream_must_open_with_a_header_for_this_cluster_and_node()
    {
        await using var b = await TestNode.StartAsync(2);
        using var channel = RaftGrpcServiceTests.RawChannel(b);
        var client = RaftGrpcServiceTests.Client(channel);

        using (var call = client.InstallSnapshot(cancellationToken: Ct))
        {
            await call.RequestStream.WriteAsync(new W.SnapshotChunk { Data = RaftGrpcServiceTests.Bytes(10, 1) }, Ct);
            await call.RequestStream.CompleteAsync();
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        }

        using (var call = client.InstallSnapshot(cancellationToken: Ct))
        {
            var header = Header(1000);
            header.ClusterId = "elsewhere";
            await call.RequestStream.WriteAsync(new W.SnapshotChunk { Header = header }, Ct);
            await call.RequestStream.CompleteAsync();
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        }
    }

    private static async Task<RpcException?> SendRawAsync(W.Raft.RaftClient client, ulong announced, int[] chunks)
    {
        using var call = client.InstallSnapshot(cancellationToken: Ct);
        try
        {
            await call.RequestStream.WriteAsync(new W.SnapshotChunk { Header = Header(announced) }, Ct);
            foreach (var size in chunks)
            {
                await call.RequestStream.WriteAsync(new W.SnapshotChunk { Data = RaftGrpcServiceTests.Bytes(size, size) }, Ct);
            }

            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
        catch (InvalidOperationException)
        {
            // The server ended the call before the client finished writing; its status says why.
            try
            {
                await call.ResponseAsync;
            }
            catch (RpcException e)
            {
                return e;
            }

            throw;
        }
    }

    private static W.SnapshotHeader Header(ulong totalBytes) => new()
    {
        ClusterId = "test-cluster",
        From = 1,
        To = 2,
        Message = MessageCodec.Encode(SnapshotMessage(1, 2, 40)),
        TotalBytes = totalBytes,
    };

    private static Message SnapshotMessage(ulong from, ulong to, ulong index) => new()
    {
        Type = MessageType.Snapshot,
        From = from,
        To = to,
        Term = 3,
        Snapshot = new Snapshot(new SnapshotMetadata(index, 3, new Membership([1, 2, 3])), ReadOnlyMemory<byte>.Empty),
    };
}
