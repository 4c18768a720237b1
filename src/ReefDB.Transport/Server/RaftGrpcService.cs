using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReefDB.Raft.Messages;
using ReefDB.Transport.Wire;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Server;

/// <summary>
/// The <c>reefdb.raft.Raft</c> service: checks that inbound traffic is meant for this cluster and node, decodes it
/// and hands it to the attached replica.
/// </summary>
/// <remarks>
/// Refusals carry a status a person can act on: FailedPrecondition for another cluster or node (a configuration
/// error), InvalidArgument for malformed messages, Unavailable before a replica is attached; gRPC itself answers
/// ResourceExhausted above <see cref="RaftTransportOptions.MaxMessageBytes"/>. A refused stream is closed; the
/// peer's worker backs off and retries.
/// </remarks>
internal sealed partial class RaftGrpcService(
    GrpcRaftTransport transport, IHostApplicationLifetime lifetime, ILogger<RaftGrpcService> logger) : W.Raft.RaftBase
{
    private RaftTransportOptions Options => transport.Options;

    public override Task<W.StepReply> Step(W.MessageBatch request, ServerCallContext context)
    {
        Deliver(request);
        return Task.FromResult(new W.StepReply());
    }

    public override async Task StepStream(
        IAsyncStreamReader<W.MessageBatch> requestStream, IServerStreamWriter<W.BatchAck> responseStream, ServerCallContext context)
    {
        // Streams live as long as the peer does: a stopping host ends them, or its graceful shutdown would wait for them.
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var token = call.Token;
        try
        {
            while (await requestStream.MoveNext(token).ConfigureAwait(false))
            {
                var batch = requestStream.Current;
                Deliver(batch);
                if (!batch.AckDeferred)
                {
                    // Cumulative: it covers the deferred batches before this one, all handled by now.
                    await responseStream.WriteAsync(new W.BatchAck { Sequence = batch.Sequence }, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"node {Options.NodeId} is shutting down"));
        }
    }

    public override async Task<W.InstallSnapshotReply> InstallSnapshot(
        IAsyncStreamReader<W.SnapshotChunk> requestStream, ServerCallContext context)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var token = call.Token;
        if (!await requestStream.MoveNext(token).ConfigureAwait(false))
        {
            throw Refuse(StatusCode.InvalidArgument, "empty snapshot stream: the first chunk must be the header");
        }

        if (requestStream.Current.PayloadCase != W.SnapshotChunk.PayloadOneofCase.Header)
        {
            throw Refuse(StatusCode.InvalidArgument, "the first snapshot chunk must be the header");
        }

        var header = requestStream.Current.Header;
        var replica = RequireEndpoint();
        CheckAddressing(header.ClusterId, header.From, header.To);
        var message = DecodeOne(header.Message ?? throw Refuse(StatusCode.InvalidArgument, "snapshot header without message"), header.From);
        if (message.Type != MessageType.Snapshot)
        {
            throw Refuse(StatusCode.InvalidArgument, $"InstallSnapshot carries a {message.Type} message, not a snapshot");
        }

        var payload = new SnapshotChunkStream(requestStream, (long)header.TotalBytes, token);
        try
        {
            await replica.ReceiveSnapshotAsync(message, payload, token).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Refuse(StatusCode.InvalidArgument, e.Message);
        }

        transport.Inbound.AddSnapshotReceived();
        LogSnapshotReceived(logger, message.Snapshot!.Metadata.Index, message.Snapshot.Metadata.Term, header.From, payload.Received);
        return new W.InstallSnapshotReply { BytesReceived = (ulong)payload.Received };
    }

    public override async Task<W.NodeInfo> GetInfo(W.GetInfoRequest request, ServerCallContext context)
    {
        var info = await RequireEndpoint().GetInfoAsync(context.CancellationToken).ConfigureAwait(false);
        return NodeInfoCodec.Encode(info);
    }

    private void Deliver(W.MessageBatch batch)
    {
        var replica = RequireEndpoint();
        CheckAddressing(batch.ClusterId, batch.From, batch.To);
        // Decode the whole batch before delivering any of it: a malformed batch is refused as a unit.
        var messages = new Message[batch.Messages.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = DecodeOne(batch.Messages[i], batch.From);
            if (messages[i].Type == MessageType.Snapshot)
            {
                throw Refuse(StatusCode.InvalidArgument, "snapshot messages travel through InstallSnapshot only");
            }
        }

        if (messages.Length == 0)
        {
            // A probe: the sender only asks for an acknowledgement.
            return;
        }

        transport.Inbound.AddReceived(messages.Length);
        // On this stream's reader thread: a follower persists and acknowledges, a leader commits and applies, without
        // waking the replica's loop thread (the next batch of this stream waits meanwhile, as it would for the loop).
        replica.ReceiveBatch(messages);
    }

    private Message DecodeOne(W.RaftMessage wire, ulong from)
    {
        Message message;
        try
        {
            message = MessageCodec.Decode(wire);
        }
        catch (FormatException e)
        {
            throw Refuse(StatusCode.InvalidArgument, "malformed Raft message: " + e.Message);
        }

        if (message.From != from || message.To != Options.NodeId)
        {
            throw Refuse(StatusCode.InvalidArgument,
                $"a message from {message.From} to {message.To} inside a batch from {from} to {Options.NodeId}");
        }

        return message;
    }

    private void CheckAddressing(string clusterId, ulong from, ulong to)
    {
        if (!string.Equals(clusterId, Options.ClusterId, StringComparison.Ordinal))
        {
            throw Refuse(StatusCode.FailedPrecondition,
                $"cluster id mismatch: node {Options.NodeId} belongs to cluster '{Options.ClusterId}', but node {from} sent "
                + $"traffic for cluster '{clusterId}' (check its peers list)");
        }

        if (to != Options.NodeId)
        {
            throw Refuse(StatusCode.FailedPrecondition,
                $"wrong node: this is node {Options.NodeId}, but node {from} addressed node {to} here (check its peer addresses)");
        }
    }

    private IRaftEndpoint RequireEndpoint() =>
        transport.Endpoint ?? throw Refuse(StatusCode.Unavailable, $"node {Options.NodeId} is starting: no Raft replica yet");

    private RpcException Refuse(StatusCode code, string detail)
    {
        transport.Inbound.AddRejected();
        LogRefused(logger, code, detail);
        return new RpcException(new Status(code, detail));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raft call refused ({Code}): {Detail}")]
    private static partial void LogRefused(ILogger logger, StatusCode code, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {Index}/{Term} received from node {Peer} ({Bytes} bytes)")]
    private static partial void LogSnapshotReceived(ILogger logger, ulong index, ulong term, ulong peer, long bytes);
}
