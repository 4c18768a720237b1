namespace ReefDB.Transport;

/// <summary>Settings of the node-to-node Raft transport, client and server side.</summary>
/// <remarks>Defaults suit a LAN cluster; the node maps its configuration (<c>max_grpc_msg_bytes</c>, max in-flight
/// per peer, the raft directory) onto these.</remarks>
public sealed class RaftTransportOptions
{
    /// <summary>The cluster this node belongs to; traffic for another cluster is refused.</summary>
    public string ClusterId { get; set; } = "";

    /// <summary>This node's Raft id (not 0); traffic addressed to another id is refused.</summary>
    public ulong NodeId { get; set; }

    /// <summary>
    /// The largest gRPC message sent or accepted (<c>max_grpc_msg_bytes</c>): a batch, a snapshot chunk. A single Raft
    /// message larger than this is dropped by the sender and counted; the receiver refuses larger messages with
    /// ResourceExhausted.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Messages waiting for one peer; beyond it new messages to that peer are dropped and counted.</summary>
    public int PeerQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// Messages sent to one peer and not yet acknowledged (<c>max_inflight_per_peer</c>); while at the limit the queue
    /// absorbs, then drops. A single batch larger than the limit still goes when nothing else is in flight.
    /// </summary>
    public int MaxInflightMessages { get; set; } = 256;

    /// <summary>The most messages put in one batch.</summary>
    public int MaxBatchMessages { get; set; } = 1024;

    /// <summary>The payload bytes per InstallSnapshot data chunk (capped below <see cref="MaxMessageBytes"/>).</summary>
    public int SnapshotChunkBytes { get; set; } = 1024 * 1024;

    /// <summary>The first reconnection delay after a failure; doubles per failure up to <see cref="ReconnectBackoffMax"/>.</summary>
    public TimeSpan ReconnectBackoffMin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest reconnection delay.</summary>
    public TimeSpan ReconnectBackoffMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a TCP connect may take before the peer counts as unreachable.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a write or an acknowledgement may take before the stream is dropped and reopened.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>HTTP/2 keep-alive ping interval, so a silently dead peer is noticed.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a keep-alive ping may go unanswered.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks the settings; the message names the first wrong one.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(ClusterId), nameof(ClusterId), "must not be empty");
        Require(NodeId != 0, nameof(NodeId), "must not be 0");
        Require(MaxMessageBytes >= 64 * 1024, nameof(MaxMessageBytes), "must be at least 65536");
        Require(PeerQueueCapacity > 0, nameof(PeerQueueCapacity), "must be positive");
        Require(MaxInflightMessages > 0, nameof(MaxInflightMessages), "must be positive");
        Require(MaxBatchMessages > 0, nameof(MaxBatchMessages), "must be positive");
        Require(SnapshotChunkBytes > 0, nameof(SnapshotChunkBytes), "must be positive");
        Require(ReconnectBackoffMin > TimeSpan.Zero && ReconnectBackoffMax >= ReconnectBackoffMin,
            nameof(ReconnectBackoffMax), "must be at least ReconnectBackoffMin, itself positive");
        Require(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Require(AckTimeout > TimeSpan.Zero, nameof(AckTimeout), "must be positive");
    }

    /// <summary>The chunk size actually used: leaves room for the chunk's framing under <see cref="MaxMessageBytes"/>.</summary>
    internal int EffectiveChunkBytes => Math.Min(SnapshotChunkBytes, MaxMessageBytes - 1024);

    private static void Require(bool ok, string name, string expected)
    {
        if (!ok)
        {
            throw new ArgumentException($"Raft transport option {name} {expected}.", name);
        }
    }
}
