namespace ReefDB.Raft.Messages;

/// <summary>
/// The kinds of <see cref="Message"/>. Kinds marked "local" never cross the network: <see cref="RaftNode.Step"/>
/// refuses them, and the node produces them itself from its other inputs.
/// </summary>
public enum MessageType : byte
{
    /// <summary>Local: start an election (produced by ticks or <see cref="RaftNode.Campaign"/>).</summary>
    Hup,

    /// <summary>Local: the leader's heartbeat timer fired.</summary>
    Beat,

    /// <summary>A proposal. Local on the leader; sent to the leader when a follower forwards it.</summary>
    Propose,

    /// <summary>Leader to follower: entries to append after (<see cref="Message.Index"/>, <see cref="Message.LogTerm"/>).</summary>
    Append,

    /// <summary>Follower to leader: the answer to <see cref="Append"/> or <see cref="Snapshot"/>.</summary>
    AppendResponse,

    /// <summary>Candidate to voter: a vote request for <see cref="Message.Term"/>.</summary>
    Vote,

    /// <summary>Voter to candidate: the answer to <see cref="Vote"/>.</summary>
    VoteResponse,

    /// <summary>Leader to follower: a snapshot to install because the entries it needs were compacted.</summary>
    Snapshot,

    /// <summary>Leader to follower: keeps the follower's election timer reset and carries the commit index.</summary>
    Heartbeat,

    /// <summary>Follower to leader: the answer to <see cref="Heartbeat"/>.</summary>
    HeartbeatResponse,

    /// <summary>Local: the transport could not reach a peer (<see cref="RaftNode.ReportUnreachable"/>).</summary>
    Unreachable,

    /// <summary>Local: the outcome of sending a snapshot (<see cref="RaftNode.ReportSnapshot"/>).</summary>
    SnapshotStatus,

    /// <summary>Local: the leader's check-quorum timer fired.</summary>
    CheckQuorum,

    /// <summary>A leadership transfer request; local on the leader, forwarded by followers.</summary>
    TransferLeader,

    /// <summary>Leader to transfer target: start an election now, bypassing pre-vote and leases.</summary>
    TimeoutNow,

    /// <summary>A read-index request; local on the leader, forwarded by followers.</summary>
    ReadIndex,

    /// <summary>Leader to follower: the commit index that a forwarded read must wait for.</summary>
    ReadIndexResponse,

    /// <summary>Pre-candidate to voter: would you vote for me at <see cref="Message.Term"/>? Changes no state.</summary>
    PreVote,

    /// <summary>Voter to pre-candidate: the answer to <see cref="PreVote"/>.</summary>
    PreVoteResponse,
}
