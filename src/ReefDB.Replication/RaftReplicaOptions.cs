using Microsoft.Extensions.Logging;
using ReefDB.Raft;
using ReefDB.Raft.Storage;
using ReefDB.StateMachine.Sessions;

namespace ReefDB.Replication;

/// <summary>
/// Settings of one <see cref="RaftReplica"/>. Times in the Raft core are counted in ticks of
/// <see cref="TickInterval"/>; <see cref="Validate"/> checks them all and names the first that is wrong.
/// </summary>
public sealed record RaftReplicaOptions
{
    /// <summary>This member's Raft id. Required: not 0.</summary>
    public ulong NodeId { get; init; }

    /// <summary>The cluster's id, stored in the raft directory at creation; a directory of another cluster is
    /// refused. Required: non-empty, one line.</summary>
    public string ClusterId { get; init; } = "";

    /// <summary>The raft directory (log segments, hard state, snapshots, identity). Required.</summary>
    public string RaftDirectory { get; init; } = "";

    /// <summary>
    /// The voters of a new cluster, this node included (bootstrap). Used only when the raft directory is new; a
    /// restart ignores it. Empty: the node joins an existing cluster and waits to be added by its leader.
    /// </summary>
    public IReadOnlyList<ulong> InitialVoters { get; init; } = [];

    /// <summary>The interval of Raft ticks. Must be positive. Default 100 ms.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Ticks without a leader before an election (randomised up to twice this). Must exceed
    /// <see cref="HeartbeatTick"/>; 10× is recommended. Default 10.</summary>
    public int ElectionTick { get; init; } = 10;

    /// <summary>Ticks between leader heartbeats. Must be positive. Default 1.</summary>
    public int HeartbeatTick { get; init; } = 1;

    /// <summary>Whether the group keeps leader leases: <see cref="Raft.ReadOnlyOption.LeaseBased"/> lets
    /// <see cref="RaftReplica.LeaseReadAsync"/> answer from the lease (the same option on every member);
    /// <see cref="RaftReplica.ReadIndexAsync"/> confirms leadership with a heartbeat round either way. Default
    /// <see cref="Raft.ReadOnlyOption.Safe"/>.</summary>
    public ReadOnlyOption ReadOnlyOption { get; init; } = ReadOnlyOption.Safe;

    /// <summary>Pre-vote before elections (dissertation §9.6). Default true.</summary>
    public bool PreVote { get; init; } = true;

    /// <summary>Leader steps down without a quorum; followers ignore disruptive votes. Default true.</summary>
    public bool CheckQuorum { get; init; } = true;

    /// <summary>Maximum payload bytes of entries per append message. Default 1 MiB.</summary>
    public ulong MaxSizePerMessage { get; init; } = 1024 * 1024;

    /// <summary>Maximum unacknowledged append messages per follower. Must be positive. Default 256.</summary>
    public int MaxInflightMessages { get; init; } = 256;

    /// <summary>Bytes the leader may hold appended but uncommitted before it refuses proposals (retryable); 0: no
    /// limit. Default 64 MiB.</summary>
    public ulong MaxUncommittedEntriesSize { get; init; } = 64UL * 1024 * 1024;

    /// <summary>
    /// Proposals accepted by <see cref="RaftReplica.ProposeAsync"/> and not yet answered; beyond it proposals are
    /// refused at once with <see cref="RefusalReason.Overloaded"/> (backpressure). Must be positive. Default 10,000.
    /// </summary>
    public int MaxPendingProposals { get; init; } = 10_000;

    /// <summary>How long a proposal may wait to be applied before the caller hears
    /// <see cref="OutcomeUnknownException"/>. Must be positive or <see cref="Timeout.InfiniteTimeSpan"/>. Default 10 s.</summary>
    public TimeSpan ProposalTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// See <see cref="RaftConfig.CommitOnlyAppends"/>. Off by default here: a follower learns a commit with the next
    /// append or, once writes stop, with the next heartbeat (<see cref="HeartbeatTick"/> ticks of
    /// <see cref="TickInterval"/>, 100 ms by default), so its applied index, which stale reads see, trails by that much
    /// after the last write. A lone writer saves an append and its answer per follower per write (docs/PERFORMANCE.md,
    /// "Ninth session").
    /// </summary>
    public bool CommitOnlyAppends { get; init; }

    /// <summary>
    /// Lets the continuation of a <see cref="RaftReplica.ProposeAsync"/> task run on a replica thread: a thread that
    /// drove the replica (a proposer, or a transport's stream reader) answers the last proposal its pass applied after
    /// it has left the replica's drive gate, saving the thread-pool hand-off between apply and the caller. Continuations
    /// must then be short and must never block (no synchronous wait on another proposal), since the stream they run on
    /// reads nothing meanwhile. Off by default: every continuation runs on the thread pool. The node turns it on for its
    /// gateway, whose continuations only encode an answer and hand it to Kestrel.
    /// </summary>
    public bool InlineAnswers { get; init; }

    /// <summary>How long a read may wait for its read index before <see cref="RefusalReason.Timeout"/>. Must be
    /// positive. Default 10 s.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Take a snapshot after this many entries applied since the last one. Must be positive. Default
    /// 10,000.</summary>
    public ulong SnapshotEntries { get; init; } = 10_000;

    /// <summary>
    /// Take a snapshot when the log on disk has grown by this many bytes since the last snapshot's compaction
    /// (whichever of this and <see cref="SnapshotEntries"/> comes first). Must be positive. Default 256 MiB.
    /// </summary>
    public long SnapshotLogBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// An automatic snapshot (<see cref="SnapshotEntries"/> or <see cref="SnapshotLogBytes"/>) waits until the log has
    /// grown since the last one by at least this share of that snapshot's size. A snapshot writes the whole state, so
    /// without this a large database would rewrite all of itself every <see cref="SnapshotEntries"/> writes (a 30 MB
    /// table: 3 KB per 256-byte insert); with it, snapshots write at most 1 / ratio times what the log does, and the log
    /// of a large database may grow past <see cref="SnapshotLogBytes"/>. Forced snapshots ignore it. 0 turns it off;
    /// must not be negative. Default 0.5.
    /// </summary>
    public double SnapshotMinLogRatio { get; init; } = 0.5;

    /// <summary>
    /// Entries kept before a snapshot's index when compacting, so that a follower slightly behind catches up from
    /// the log instead of a whole snapshot. Default 5,000.
    /// </summary>
    public ulong CompactionTail { get; init; } = 5_000;

    /// <summary>Whether writes are fsynced. <see cref="FsyncPolicy.None"/> is for tests and benchmarks and logs a
    /// warning at open. Default <see cref="FsyncPolicy.Always"/>.</summary>
    public FsyncPolicy Fsync { get; init; } = FsyncPolicy.Always;

    /// <summary>Size at which a log segment is closed and the next started. Default 64 MiB.</summary>
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Client-session expiry policy of the state machine (exactly-once writes).</summary>
    public SessionPolicy? SessionPolicy { get; init; }

    /// <summary>Seed of the election-timeout randomness; null: derived from <see cref="NodeId"/> and the clock.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Where the replica logs (elections, snapshots, recovery warnings). Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Adjusts the storage options derived from these (tests substitute a file system that simulates power
    /// cuts); null in production.</summary>
    internal Func<DurableRaftStorageOptions, DurableRaftStorageOptions>? ConfigureStorage { get; init; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it and the rule.</exception>
    public void Validate()
    {
        Require(NodeId != 0, "NodeId must not be 0 (0 means 'no node').");
        Require(!string.IsNullOrWhiteSpace(ClusterId) && !ClusterId.Contains('\n', StringComparison.Ordinal),
            "ClusterId must be a non-empty single line.");
        Require(!string.IsNullOrWhiteSpace(RaftDirectory), "RaftDirectory is required.");
        Require(TickInterval > TimeSpan.Zero, $"TickInterval must be positive, got {TickInterval}.");
        Require(HeartbeatTick > 0, $"HeartbeatTick must be positive, got {HeartbeatTick}.");
        Require(ElectionTick > HeartbeatTick, $"ElectionTick ({ElectionTick}) must exceed HeartbeatTick ({HeartbeatTick}).");
        Require(MaxInflightMessages > 0, $"MaxInflightMessages must be positive, got {MaxInflightMessages}.");
        Require(MaxPendingProposals > 0, $"MaxPendingProposals must be positive, got {MaxPendingProposals}.");
        Require(ProposalTimeout > TimeSpan.Zero || ProposalTimeout == Timeout.InfiniteTimeSpan,
            $"ProposalTimeout must be positive (or infinite), got {ProposalTimeout}.");
        Require(ReadTimeout > TimeSpan.Zero, $"ReadTimeout must be positive, got {ReadTimeout}.");
        Require(SnapshotEntries > 0, "SnapshotEntries must be positive.");
        Require(SnapshotMinLogRatio >= 0 && double.IsFinite(SnapshotMinLogRatio), "SnapshotMinLogRatio must be a finite number, 0 or more.");
        Require(SnapshotLogBytes > 0, $"SnapshotLogBytes must be positive, got {SnapshotLogBytes}.");
        Require(SegmentBytes > 0, $"SegmentBytes must be positive, got {SegmentBytes}.");
        Require(!InitialVoters.Contains(0UL), "InitialVoters must not contain 0.");
        Require(InitialVoters.Count == 0 || InitialVoters.Contains(NodeId),
            $"InitialVoters must include this node ({NodeId}) when bootstrapping a cluster.");
        Require(ReadOnlyOption != ReadOnlyOption.LeaseBased || CheckQuorum, "ReadOnlyOption.LeaseBased requires CheckQuorum.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException("RaftReplicaOptions." + message);
        }
    }
}
