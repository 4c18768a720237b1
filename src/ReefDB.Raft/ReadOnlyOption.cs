namespace ReefDB.Raft;

/// <summary>
/// How the leader confirms it is still the leader before answering a read index. As
/// <see cref="RaftConfig.ReadOnlyOption"/> it says whether the group keeps leases at all (and is the option of reads
/// that name none); each read may name its own (<see cref="RaftNode.ReadIndex(ReadOnlyMemory{byte}, ReadOnlyOption)"/>),
/// so one node serves lease reads and clock-free reads side by side.
/// </summary>
public enum ReadOnlyOption
{
    /// <summary>
    /// A heartbeat round acknowledged by a quorum (dissertation §6.4). Safe under any clock behaviour. A read that
    /// names it takes a round even in a group that keeps leases.
    /// </summary>
    Safe,

    /// <summary>
    /// The leader's lease (dissertation §6.4.1): no heartbeat round while the lease holds. Requires
    /// <see cref="RaftConfig.CheckQuorum"/> and the same option on every member. A follower that accepted a heartbeat
    /// helps elect nobody else (no non-transfer vote, even after a term change or a restart) for an election timeout
    /// of its ticks; so the leader answers a read at once only within <see cref="RaftConfig.LeaseTicks"/> of its own
    /// ticks after it SENT the newest heartbeat round that a quorum acknowledged, and otherwise confirms it with a
    /// heartbeat round as <see cref="Safe"/> does. A leader that sent TimeoutNow has no lease for the rest of its term.
    /// The clock assumption: all members tick at the configured interval, their rates within 10% of each other (see
    /// <see cref="RaftConfig.LeaseTicks"/>). If a node's ticks stall or run slower (a paused VM, a stalled process),
    /// two leaders may briefly coexist and a lease read may return stale data.
    /// </summary>
    LeaseBased,
}
