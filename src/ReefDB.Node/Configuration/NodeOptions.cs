namespace ReefDB.Node.Configuration;

/// <summary>
/// A node's validated configuration. Built by <see cref="NodeConfiguration"/> from YAML, then
/// <c>REEFDB_*</c> environment variables, then command-line flags; every default is listed in
/// <see cref="ConfigFields"/> (docs/CONFIG.md)/CONFIG.md.
/// </summary>
public sealed record NodeOptions
{
    /// <summary>This node's Raft id (≥ 1).</summary>
    public ulong NodeId { get; init; } = 1;

    /// <summary>Name of the cluster, stored in the raft directory: a directory of another cluster refuses to open.</summary>
    public string ClusterId { get; init; } = "reefdb";

    /// <summary>Directory for the node's data; the raft directory defaults to <c>raft</c> inside it.</summary>
    public string DataDir { get; init; } = "./data";

    /// <summary>Directory of the Raft log, hard state, identity and snapshots.</summary>
    public string RaftDir { get; init; } = Path.Combine("./data", "raft");

    /// <summary>gRPC listen address (<c>host:port</c>): Raft traffic, forwarded SQL, <c>reefdb.sql.Sql</c>.</summary>
    public string RpcAddr { get; init; } = "127.0.0.1:50051";

    /// <summary>HTTP/JSON listen address (<c>host:port</c>): the SQL gateway, status, health and metrics.</summary>
    public string HttpAddr { get; init; } = "127.0.0.1:8080";

    /// <summary>The initial members (this node included); empty means a single-node cluster of this node.
    /// Read only on the first start: afterwards membership comes from the raft directory.</summary>
    public IReadOnlyList<PeerOptions> Peers { get; init; } = [];

    /// <summary>gRPC address of a member of a running cluster to join as a learner, instead of bootstrapping.</summary>
    public string? Join { get; init; }

    /// <summary>Milliseconds per Raft tick.</summary>
    public int RaftTickMs { get; init; } = 100;

    /// <summary>Ticks without a leader before a follower campaigns (randomised up to twice this).</summary>
    public int ElectionTick { get; init; } = 10;

    /// <summary>Ticks between a leader's heartbeats.</summary>
    public int HeartbeatTick { get; init; } = 1;

    /// <summary>Largest gRPC message sent or accepted, in bytes.</summary>
    public int MaxGrpcMsgBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Applied entries since the last snapshot that trigger a new one (0: never by count).</summary>
    public long SnapshotEntries { get; init; } = 10_000;

    /// <summary>Log bytes on disk that trigger a snapshot and compaction (0: never by size).</summary>
    public long SnapshotLogBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Log entries kept before a snapshot's index when the log is compacted: a follower at most this far
    /// behind catches up from the log, one further behind by a whole snapshot.</summary>
    public long SnapshotTailEntries { get; init; } = 5_000;

    /// <summary>When Raft writes are forced to disk.</summary>
    public FsyncMode Fsync { get; init; } = FsyncMode.Always;

    /// <summary>Consistency of reads that do not ask for one.</summary>
    public ReadConsistency ReadConsistency { get; init; } = ReadConsistency.Linearizable;

    /// <summary>Whether the leader answers <c>lease</c> reads from its lease (Raft's lease-based read option: no
    /// heartbeat round while a quorum's recent acknowledgement holds; assumes clock rates within 10%). Must be the
    /// same on every member. Linearizable reads confirm leadership with a heartbeat round either way (the Raft core's
    /// option is per read), so they never depend on clocks. False (the default): lease reads take a round too.</summary>
    public bool LeaseReads { get; init; }

    /// <summary>A log write and fsync slower than this many milliseconds is logged as a warning.</summary>
    public int SlowFsyncMs { get; init; } = 1000;

    /// <summary>Applying one entry slower than this many milliseconds is logged as a warning.</summary>
    public int SlowApplyMs { get; init; } = 100;

    /// <summary>TLS paths (reserved; see <see cref="TlsOptions"/>).</summary>
    public TlsOptions Tls { get; init; } = new();

    /// <summary>Raft messages in flight to one peer before more are dropped (Raft retransmits them).</summary>
    public int MaxInflightPerPeer { get; init; } = 256;

    /// <summary>Proposals waiting for commit on this node before new writes get a retryable 503.</summary>
    public int MaxPendingProposals { get; init; } = 1024;

    /// <summary>Largest HTTP request body, in bytes.</summary>
    public long MaxRequestBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Largest result one read statement may build, in bytes as estimated from its values: past it the statement
    /// fails with 54000 instead of holding the node's memory (and the answer's) for a result nobody should fetch at once.</summary>
    public long MaxResultBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Milliseconds a request may wait for commit, apply or a read index before the client is told
    /// the outcome is unknown (writes) or to retry (reads).</summary>
    public int RequestTimeoutMs { get; init; } = 10_000;

    /// <summary>Console log format.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Least severe level written to the log.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>The effective members of a first start: <see cref="Peers"/>, or this node alone.</summary>
    public IReadOnlyList<PeerOptions> InitialMembers =>
        Peers.Count > 0 ? Peers : [new PeerOptions(NodeId, RpcAddr, HttpAddr)];
}
