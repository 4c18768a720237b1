using Google.Protobuf;
using Microsoft.Extensions.Logging;
using ReefDB.Raft.Messages;
using ReefDB.Transport.Wire;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Client;

/// <summary>Snapshot uploads: one at a time per peer, streamed in chunks from the replica's file.</summary>
internal sealed partial class PeerSender
{
    private int snapshotInProgress;
    private Task upload = Task.CompletedTask;

    /// <summary>
    /// Starts uploading the snapshot that <paramref name="message"/> describes, beside the message stream. While one
    /// upload runs, another snapshot message to the same peer is dropped: the leader waits for
    /// <see cref="IPeerEvents.ReportSnapshot"/> before it sends another.
    /// </summary>
    public void SendSnapshot(Message message)
    {
        if (Interlocked.CompareExchange(ref snapshotInProgress, 1, 0) != 0)
        {
            Counters.AddDropped(1);
            return;
        }

        upload = Task.Run(() => UploadSnapshotAsync(message));
    }

    private async Task UploadSnapshotAsync(Message message)
    {
        var ok = false;
        long sent = 0;
        var metadata = message.Snapshot!.Metadata;
        try
        {
            var token = stop.Token;
            var payload = events.OpenSnapshot(metadata);
            await using (payload.ConfigureAwait(false))
            {
                if (!payload.CanSeek)
                {
                    throw new InvalidOperationException("The snapshot payload stream must know its length (seekable).");
                }

                // A channel of its own: megabytes of snapshot must not queue ahead of heartbeats on one connection.
                using var snapshotChannel = PeerChannel.Create(Address, options);
                using var call = new W.Raft.RaftClient(snapshotChannel).InstallSnapshot(cancellationToken: token);
                var header = new W.SnapshotHeader
                {
                    ClusterId = options.ClusterId,
                    From = options.NodeId,
                    To = PeerId,
                    Message = MessageCodec.Encode(message),
                    TotalBytes = (ulong)(payload.Length - payload.Position),
                };
                await call.RequestStream.WriteAsync(new W.SnapshotChunk { Header = header }, token).ConfigureAwait(false);
                var buffer = new byte[options.EffectiveChunkBytes];
                int read;
                while ((read = await payload.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
                {
                    // Copied: the buffer is reused for the next chunk while this one may still be queued for sending.
                    var chunk = new W.SnapshotChunk { Data = ByteString.CopyFrom(buffer, 0, read) };
                    await call.RequestStream.WriteAsync(chunk, token).ConfigureAwait(false);
                    sent += read;
                }

                await call.RequestStream.CompleteAsync().ConfigureAwait(false);
                await call.ResponseAsync.ConfigureAwait(false);
                ok = true;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The transport is shutting down; the report below tells the replica the send did not happen.
        }
        catch (Exception e)
        {
            LogSnapshotFailed(logger, metadata.Index, metadata.Term, PeerId, sent, Describe(e), e);
        }
        finally
        {
            if (ok)
            {
                Counters.AddSnapshotSent();
                LogSnapshotSent(logger, metadata.Index, metadata.Term, PeerId, sent);
            }
            else
            {
                Counters.AddSnapshotFailed();
            }

            Volatile.Write(ref snapshotInProgress, 0);
            events.ReportSnapshot(PeerId, ok);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {Index}/{Term} sent to node {Peer} ({Bytes} bytes)")]
    private static partial void LogSnapshotSent(ILogger logger, ulong index, ulong term, ulong peer, long bytes);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Snapshot {Index}/{Term} to node {Peer} failed after {Bytes} bytes: {Reason}")]
    private static partial void LogSnapshotFailed(
        ILogger logger, ulong index, ulong term, ulong peer, long bytes, string reason, Exception exception);
}
