namespace ReefDB.Raft;

/// <summary>How the leader confirms it is still the leader before answering a read index.</summary>
public enum ReadOnlyOption
{
    /// <summary>
    /// A heartbeat round acknowledged by a quorum (dissertation §6.4). Safe under any clock behaviour.
    /// </summary>
    Safe,

    /// <summary>
    /// The leader's lease (dissertation §6.4.1): no heartbeat round. Requires <see cref="RaftConfig.CheckQuorum"/>.
    /// It assumes clocks on different nodes advance at (nearly) the same rate: a follower only votes for a new leader
    /// after an election timeout without hearing from the old one, and the old leader steps down after an election
    /// timeout without hearing from a quorum. If one node's ticks run slower than another's by more than the margin
    /// between those timeouts (a paused VM, a stalled process), two leaders may briefly coexist and a lease read may
    /// return stale data.
    /// </summary>
    LeaseBased,
}
