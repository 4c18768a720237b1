using ReefDB.Raft.Messages;

namespace ReefDB.Transport;

/// <summary>
/// What the transport needs from the local Raft member: somewhere to deliver inbound traffic, somewhere to report
/// delivery problems, and its snapshots as streams. <see cref="RaftReplicaEndpoint"/> adapts a
/// <c>RaftReplica</c>; tests use fakes.
/// </summary>
/// <remarks>Every member may be called from any thread, concurrently, and must not block for long (the server
/// handles one stream per peer on the thread pool), except <see cref="ReceiveBatch"/>, which may take as long as a
/// Ready (an fsync, an apply).</remarks>
public interface IRaftEndpoint
{
    /// <summary>Delivers an inbound message (never a snapshot message: those come through
    /// <see cref="ReceiveSnapshotAsync"/>).</summary>
    void Receive(Message message);

    /// <summary>
    /// Delivers the inbound messages of one batch, in order. Unlike <see cref="Receive"/> it may do the local member's
    /// work on the calling thread (stepping them, persisting with fsync, applying), so the caller is a stream's reader
    /// that can wait: it saves a thread hand-off per received batch. By default, <see cref="Receive"/> each.
    /// </summary>
    void ReceiveBatch(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Receive(message);
        }
    }

    /// <summary>
    /// Delivers an inbound snapshot: <paramref name="message"/> carries the metadata and an empty payload;
    /// <paramref name="payload"/> yields the bytes as they arrive. Completes once the payload is durable and the
    /// message handed to the core. A failing <paramref name="payload"/> (cut short, too long) must leave no trace.
    /// </summary>
    Task ReceiveSnapshotAsync(Message message, Stream payload, CancellationToken cancellationToken);

    /// <summary>The transport could not reach <paramref name="peer"/>.</summary>
    void ReportUnreachable(ulong peer);

    /// <summary>The snapshot sent to <paramref name="peer"/> was installed (true) or not (false).</summary>
    void ReportSnapshot(ulong peer, bool succeeded);

    /// <summary>Opens the payload of the snapshot a <see cref="MessageType.Snapshot"/> message describes (seekable,
    /// read on the transport's thread, disposed by the transport).</summary>
    Stream OpenSnapshot(SnapshotMetadata metadata);

    /// <summary>What this node believes now, for <c>GetInfo</c>.</summary>
    Task<RaftNodeInfo> GetInfoAsync(CancellationToken cancellationToken);
}
