using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReefDB.Raft.Messages;
using ReefDB.Replication;
using ReefDB.Replication.Transport;
using ReefDB.Transport.Client;
using ReefDB.Transport.Metrics;

namespace ReefDB.Transport;

/// <summary>
/// The node-to-node Raft transport over gRPC: one long-lived channel, bounded queue and worker per peer (client
/// side), and the inbound side that the <c>reefdb.raft.Raft</c> service hands to the attached replica.
/// </summary>
/// <remarks>
/// Life cycle: create (usually through <c>AddReefRaftTransport</c>), give it to the replica as its transport, then
/// <see cref="Attach(IRaftEndpoint)"/> the replica and declare peers with <see cref="SetPeer"/>. Thread-safe. <see cref="Send"/>
/// never blocks. Until a replica is attached, inbound calls are refused with Unavailable.
/// </remarks>
public sealed partial class GrpcRaftTransport : IRaftTransport, IAsyncDisposable, IPeerEvents
{
    private readonly Lock gate = new();
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TransportMeter meter;
    private Dictionary<ulong, PeerSender> peers = [];
    private volatile IRaftEndpoint? endpoint;
    private bool disposed;

    /// <summary>Creates a transport; no peer is known yet.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public GrpcRaftTransport(RaftTransportOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        logger = this.loggerFactory.CreateLogger<GrpcRaftTransport>();
        meter = new TransportMeter(this);
    }

    /// <summary>The settings in force.</summary>
    public RaftTransportOptions Options { get; }

    /// <summary>The attached replica, or null before <see cref="Attach(IRaftEndpoint)"/>.</summary>
    public IRaftEndpoint? Endpoint => endpoint;

    internal InboundCounters Inbound { get; } = new();

    /// <summary>Connects the local replica: inbound messages go to it, delivery problems are reported to it.</summary>
    public void Attach(IRaftEndpoint replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        endpoint = replica;
    }

    /// <summary>Connects a <see cref="RaftReplica"/> (through <see cref="RaftReplicaEndpoint"/>).</summary>
    public void Attach(RaftReplica replica) => Attach(new RaftReplicaEndpoint(replica));

    /// <summary>Declares or moves a peer. Same address: nothing happens; new address: the old channel is closed.</summary>
    /// <param name="peerId">The peer's node id (not this node's).</param>
    /// <param name="address"><c>host:port</c> or <c>http://host:port</c>.</param>
    public void SetPeer(ulong peerId, string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (peerId == 0 || peerId == Options.NodeId)
        {
            throw new ArgumentException($"Peer id {peerId} is not another node's id.", nameof(peerId));
        }

        PeerSender? replaced = null;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (peers.TryGetValue(peerId, out var existing))
            {
                if (string.Equals(existing.Address, address, StringComparison.Ordinal))
                {
                    return;
                }

                replaced = existing;
            }

            var sender = new PeerSender(peerId, address, Options, this, loggerFactory.CreateLogger<PeerSender>());
            // Copy-on-write: Send reads the map without taking the lock.
            peers = new Dictionary<ulong, PeerSender>(peers) { [peerId] = sender };
        }

        if (replaced is not null)
        {
            _ = replaced.DisposeAsync().AsTask();
        }
    }

    /// <summary>Forgets a peer (a removed member) and closes its channel; queued messages to it are dropped.</summary>
    public async Task RemovePeerAsync(ulong peerId)
    {
        PeerSender? removed;
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out removed))
            {
                return;
            }

            var copy = new Dictionary<ulong, PeerSender>(peers);
            copy.Remove(peerId);
            peers = copy;
        }

        await removed.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Queues messages for their recipients and returns at once (the replica's <c>IRaftTransport.Send</c>). A full
    /// queue or an unknown recipient drops the message and counts it; snapshot messages start a chunked upload.
    /// </summary>
    public void Send(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var current = peers;
        foreach (var message in messages)
        {
            if (!current.TryGetValue(message.To, out var peer))
            {
                meter.AddUnknownPeerDrop();
                LogUnknownPeer(logger, message.To, message.Type);
                continue;
            }

            if (message.Type == MessageType.Snapshot)
            {
                peer.SendSnapshot(message);
            }
            else
            {
                peer.Enqueue(message);
            }
        }
    }

    /// <summary>This transport's instruments (meter <c>ReefDB.Transport</c>, its scope this transport): messages sent,
    /// dropped and failed and reconnects per peer (tag <c>peer</c>), for an exporter to collect.</summary>
    public System.Diagnostics.Metrics.Meter Meter => meter.Meter;

    /// <summary>What the transport did per peer, by peer id ascending.</summary>
    public IReadOnlyList<PeerTransportStats> GetStats() => [.. peers.Values.OrderBy(p => p.PeerId).Select(p => p.Stats())];

    /// <summary>Closes every peer channel; queued messages are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        Dictionary<ulong, PeerSender> closing;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            closing = peers;
            peers = [];
        }

        foreach (var peer in closing.Values)
        {
            await peer.DisposeAsync().ConfigureAwait(false);
        }

        meter.Dispose();
    }

    internal IEnumerable<PeerSender> Peers => peers.Values;

    void IPeerEvents.ReportUnreachable(ulong peer) => endpoint?.ReportUnreachable(peer);

    void IPeerEvents.ReportSnapshot(ulong peer, bool ok) => endpoint?.ReportSnapshot(peer, ok);

    Stream IPeerEvents.OpenSnapshot(SnapshotMetadata metadata) =>
        (endpoint ?? throw new InvalidOperationException("No replica is attached to the transport.")).OpenSnapshot(metadata);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Raft message {Type} to unknown node {Peer} dropped")]
    private static partial void LogUnknownPeer(ILogger logger, ulong peer, MessageType type);
}
