using ReefDB.Raft;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Simulation.Kv;

namespace ReefDB.Simulation.Cluster;

/// <summary>
/// One simulated server: a durable disk (the <see cref="MemoryRaftStorage"/>, written only by the driver
/// when it persists a Ready, so it survives crashes) and a volatile incarnation (the Raft node, the state
/// machine and the read requests it holds), which a crash throws away.
/// </summary>
internal sealed class SimNode(ulong id, MemoryRaftStorage disk)
{
    public ulong Id { get; } = id;

    /// <summary>Durable: what was persisted before the last crash survives it.</summary>
    public MemoryRaftStorage Disk { get; } = disk;

    /// <summary>Null while the node is down.</summary>
    public RaftNode? Raft { get; set; }

    public KvStateMachine Machine { get; } = new();

    /// <summary>Invariant: never decreases within one incarnation; entries are applied contiguously.</summary>
    public ulong Applied { get; set; }

    public HardState HardState { get; set; }

    public SoftState SoftState { get; set; } = new(0, RaftRole.Follower);

    /// <summary>Set when this node became leader; checked once its log is persisted (leader completeness).</summary>
    public ulong? CommittedWhenElected { get; set; }

    /// <summary>Read requests answered with a read index, waiting for <see cref="Applied"/> to reach it.</summary>
    public List<(long RequestId, ulong Index)> WaitingReads { get; } = [];

    /// <summary>Messages of the Ready being handled that hit a cut link; reported to the node after Advance.</summary>
    public List<Message> TransportFailures { get; } = [];

    /// <summary>Set once the node saw the commit of its own removal; it is then shut down for good.</summary>
    public bool Removed { get; set; }

    public bool IsUp => Raft is not null;

    public bool IsLeader => Raft is not null && SoftState.Role == RaftRole.Leader;
}
