namespace ReefDB.Raft;

/// <summary>
/// Settings of one <see cref="RaftNode"/>. Times are counted in ticks: the application calls
/// <see cref="RaftNode.Tick"/> at a fixed interval (for example every 100 ms) and these settings are multiples of it.
/// </summary>
public sealed class RaftConfig
{
    /// <summary>This node's id. Required: not 0.</summary>
    public ulong Id { get; init; }

    /// <summary>
    /// Ticks without hearing from a leader before a follower starts an election; the actual timeout is drawn in
    /// [ElectionTick, 2 × ElectionTick) from <see cref="Random"/>. Must exceed <see cref="HeartbeatTick"/>;
    /// recommended 10 × HeartbeatTick. Default 10.
    /// </summary>
    public int ElectionTick { get; init; } = 10;

    /// <summary>Ticks between leader heartbeats. Must be positive. Default 1.</summary>
    public int HeartbeatTick { get; init; } = 1;

    /// <summary>
    /// The source of election-timeout randomness. Required: pass a seeded instance so that runs replay exactly
    /// (the core never uses a global random source).
    /// </summary>
    public Random? Random { get; init; }

    /// <summary>
    /// The last index the application has applied, when restarting; committed entries after it are handed out
    /// again. 0 for a fresh node. Must not exceed the persisted commit index.
    /// </summary>
    public ulong Applied { get; init; }

    /// <summary>
    /// Maximum payload bytes of entries in one append message (at least one entry is always sent). Trades
    /// throughput against the cost of a lost message during recovery. Default 1 MiB.
    /// </summary>
    public ulong MaxSizePerMessage { get; init; } = 1024 * 1024;

    /// <summary>Maximum payload bytes of committed entries in one <see cref="Ready"/>. Default 64 MiB.</summary>
    public ulong MaxCommittedSizePerReady { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Maximum payload bytes of entries the leader holds appended but not yet committed; proposals beyond it are
    /// refused with a retryable <see cref="ProposalDroppedException"/>. 0: no limit. Default 0.
    /// </summary>
    public ulong MaxUncommittedEntriesSize { get; init; }

    /// <summary>
    /// Maximum append messages in flight (sent, not yet acknowledged) to one follower in replicate state. Must be
    /// positive. Recommended: enough to cover the network's bandwidth-delay product. Default 256.
    /// </summary>
    public int MaxInflightMessages { get; init; } = 256;

    /// <summary>Maximum payload bytes in flight to one follower; 0: no limit. Default 0.</summary>
    public ulong MaxInflightBytes { get; init; }

    /// <summary>
    /// A leader steps down when it has not heard from a quorum within an election timeout; followers that heard
    /// from a leader recently ignore vote requests (so a partitioned node cannot disrupt). Default true.
    /// </summary>
    public bool CheckQuorum { get; init; } = true;

    /// <summary>
    /// Run a pre-vote before an election, so a node that cannot win (partitioned, lagging) does not bump terms and
    /// depose a healthy leader (dissertation §9.6). Default true.
    /// </summary>
    public bool PreVote { get; init; } = true;

    /// <summary>
    /// When the leader's commit index catches up with its log, send every follower that has not heard it an empty
    /// append carrying it (etcd's raft sends one at every commit), answered by each. Off: followers hear a commit with
    /// the next append or, once writes stop, with the next heartbeat (at most <see cref="HeartbeatTick"/> ticks later),
    /// which saves a message and an answer per follower for every write of a lone writer. Nothing in the protocol
    /// waits on a follower's commit index; what lags is what a follower has applied. A leader that commits its own
    /// removal tells the others either way. Default true.
    /// </summary>
    public bool CommitOnlyAppends { get; init; } = true;

    /// <summary>How a leader confirms its leadership for reads. <see cref="ReadOnlyOption.LeaseBased"/> requires
    /// <see cref="CheckQuorum"/>, the same option on every member, and clocks that tick at the same rate within 10%
    /// (see <see cref="LeaseTicks"/>). Default <see cref="ReadOnlyOption.Safe"/>.</summary>
    public ReadOnlyOption ReadOnlyOption { get; init; } = ReadOnlyOption.Safe;

    /// <summary>
    /// With <see cref="ReadOnlyOption.LeaseBased"/>: for how many of its own ticks after SENDING a heartbeat round
    /// that a quorum acknowledged the leader answers reads without a new round. It is
    /// <see cref="ElectionTick"/> − 2 − ⌈ElectionTick / 10⌉ (7 for the default 10): a follower that accepted the
    /// round helps elect nobody else for <see cref="ElectionTick"/> of its ticks after receiving it; one tick is
    /// lost to the phase between two nodes' tick timers, one to the tick in which the read arrives, and
    /// ⌈ElectionTick / 10⌉ to clocks running up to 10% apart.
    /// </summary>
    /// <remarks>
    /// The clock assumption: every member's driver calls <see cref="RaftNode.Tick"/> at the configured interval, and
    /// over an election timeout no two members' tick rates differ by more than 10%. A driver that stalls (a paused
    /// VM, a long GC pause) must not serve lease reads until it has made up the ticks it missed; if the assumption
    /// breaks, a lease read can return stale data. <see cref="ReadOnlyOption.Safe"/> assumes nothing about clocks.
    /// </remarks>
    public int LeaseTicks => ElectionTick - 2 - ((ElectionTick + 9) / 10);

    /// <summary>When true a follower refuses proposals instead of forwarding them to the leader. Default false.</summary>
    public bool DisableProposalForwarding { get; init; }

    /// <summary>Checks every setting and explains the first that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it and the rule.</exception>
    public void Validate()
    {
        if (Id == 0)
        {
            throw new ArgumentException("RaftConfig.Id must not be 0 (0 means 'no node').");
        }

        if (HeartbeatTick <= 0)
        {
            throw new ArgumentException($"RaftConfig.HeartbeatTick must be positive, got {HeartbeatTick}.");
        }

        if (ElectionTick <= HeartbeatTick)
        {
            throw new ArgumentException(
                $"RaftConfig.ElectionTick ({ElectionTick}) must be greater than HeartbeatTick ({HeartbeatTick}); 10× is recommended.");
        }

        if (Random is null)
        {
            throw new ArgumentException("RaftConfig.Random is required: pass a seeded System.Random so runs are reproducible.");
        }

        if (MaxInflightMessages <= 0)
        {
            throw new ArgumentException($"RaftConfig.MaxInflightMessages must be positive, got {MaxInflightMessages}.");
        }

        if (MaxInflightBytes != 0 && MaxInflightBytes < MaxSizePerMessage)
        {
            throw new ArgumentException(
                $"RaftConfig.MaxInflightBytes ({MaxInflightBytes}) must be 0 (no limit) or at least MaxSizePerMessage ({MaxSizePerMessage}).");
        }

        if (MaxCommittedSizePerReady == 0)
        {
            throw new ArgumentException("RaftConfig.MaxCommittedSizePerReady must be positive.");
        }

        if (ReadOnlyOption == ReadOnlyOption.LeaseBased && !CheckQuorum)
        {
            throw new ArgumentException("RaftConfig.ReadOnlyOption.LeaseBased requires CheckQuorum = true: a lease is only valid while the leader knows it still has a quorum.");
        }

        if (ReadOnlyOption == ReadOnlyOption.LeaseBased && LeaseTicks <= HeartbeatTick)
        {
            throw new ArgumentException(
                $"RaftConfig.ReadOnlyOption.LeaseBased needs a lease longer than a heartbeat interval: ElectionTick ({ElectionTick}) gives a lease of {LeaseTicks} ticks (ElectionTick - 2 - ceil(ElectionTick / 10)), which must exceed HeartbeatTick ({HeartbeatTick}).");
        }
    }
}
