using System.Diagnostics.Metrics;

namespace ReefDB.Transport.Metrics;

/// <summary>
/// The transport's System.Diagnostics.Metrics instruments (meter <c>ReefDB.Transport</c>), read from the live
/// counters when a listener collects, so the counters stay the single source of truth. Per-peer instruments carry
/// a <c>peer</c> tag.
/// </summary>
internal sealed class TransportMeter : IDisposable
{
    public const string MeterName = "ReefDB.Transport";

    private readonly Meter meter;
    private long unknownPeerDrops;

    public TransportMeter(GrpcRaftTransport transport)
    {
        // Scoped to the transport, so that an exporter can tell the nodes of one process apart.
        meter = new Meter(new MeterOptions(MeterName) { Scope = transport });
        PerPeer(transport, "reefdb_transport_messages_sent", "Raft messages written to a peer's stream.", p => p.Counters.Sent);
        PerPeer(transport, "reefdb_transport_messages_dropped",
            "Raft messages discarded (queue full, too large, or queued when the stream failed).", p => p.Counters.Dropped);
        PerPeer(transport, "reefdb_transport_send_failures", "Streams to a peer that failed.", p => p.Counters.Failures);
        PerPeer(transport, "reefdb_transport_reconnects", "Streams reopened after a failure.", p => p.Counters.Reconnects);
        PerPeer(transport, "reefdb_transport_snapshots_sent", "Snapshots a peer accepted.", p => p.Counters.SnapshotsSent);
        PerPeer(transport, "reefdb_transport_snapshots_failed", "Snapshots not delivered.", p => p.Counters.SnapshotsFailed);
        meter.CreateObservableGauge(
            "reefdb_transport_queue_length",
            () => transport.Peers.Select(p => new Measurement<int>(p.QueueLength, Tag(p))),
            description: "Raft messages waiting to be sent to a peer.");
        meter.CreateObservableCounter(
            "reefdb_transport_unknown_peer_drops", () => Interlocked.Read(ref unknownPeerDrops),
            description: "Raft messages for a node with no known address.");
        meter.CreateObservableCounter(
            "reefdb_transport_messages_received", () => transport.Inbound.Received, description: "Raft messages received.");
        meter.CreateObservableCounter(
            "reefdb_transport_requests_rejected", () => transport.Inbound.Rejected,
            description: "Inbound calls refused by the service (wrong cluster or node, malformed, not ready).");
        meter.CreateObservableCounter(
            "reefdb_transport_snapshots_received", () => transport.Inbound.SnapshotsReceived,
            description: "Snapshots received and handed to the replica.");
    }

    public Meter Meter => meter;

    public void AddUnknownPeerDrop() => Interlocked.Increment(ref unknownPeerDrops);

    public void Dispose() => meter.Dispose();

    private void PerPeer(GrpcRaftTransport transport, string name, string description, Func<Client.PeerSender, long> read) =>
        meter.CreateObservableCounter(
            name, () => transport.Peers.Select(p => new Measurement<long>(read(p), Tag(p))), description: description);

    private static KeyValuePair<string, object?> Tag(Client.PeerSender peer) =>
        new("peer", peer.PeerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
