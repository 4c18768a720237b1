namespace ReefDB.Transport.Metrics;

/// <summary>What the transport did for one peer since it started (counters only grow).</summary>
/// <param name="PeerId">The peer's node id.</param>
/// <param name="Address">The peer's gRPC address.</param>
/// <param name="Connected">True while a stream to the peer is open and has been acknowledged.</param>
/// <param name="QueueLength">Messages waiting to be sent now.</param>
/// <param name="MessagesSent">Messages written to the peer's stream.</param>
/// <param name="MessagesDropped">Messages discarded: queue full, too large, or queued when the stream failed.</param>
/// <param name="SendFailures">Streams that failed (connect refused, reset, timed out, refused by the peer).</param>
/// <param name="Reconnects">Streams opened again after a failure.</param>
/// <param name="SnapshotsSent">Snapshots the peer accepted.</param>
/// <param name="SnapshotsFailed">Snapshots that could not be delivered.</param>
public sealed record PeerTransportStats(
    ulong PeerId,
    string Address,
    bool Connected,
    int QueueLength,
    long MessagesSent,
    long MessagesDropped,
    long SendFailures,
    long Reconnects,
    long SnapshotsSent,
    long SnapshotsFailed);
