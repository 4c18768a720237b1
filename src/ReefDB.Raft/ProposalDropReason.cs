namespace ReefDB.Raft;

/// <summary>Why a proposal (or read request, or conf change) was refused. Every reason but <see cref="InvalidConfChange"/> is retryable.</summary>
public enum ProposalDropReason
{
    /// <summary>No leader is known (an election is under way); retry after one is elected.</summary>
    NoLeader,

    /// <summary>This node is not the leader and forwarding is disabled (or not possible for this request).</summary>
    NotLeader,

    /// <summary>A leadership transfer is in progress; retry on the new leader.</summary>
    LeaderTransferInProgress,

    /// <summary>Too many bytes are appended but not committed (<see cref="RaftConfig.MaxUncommittedEntriesSize"/>):
    /// the system is overloaded; back off and retry.</summary>
    UncommittedSizeLimit,

    /// <summary>Another conf change is not yet committed, or the leader has not yet committed an entry of its
    /// term; retry shortly.</summary>
    ConfChangePending,

    /// <summary>This node (or the transfer target) is not a voting member.</summary>
    NotMember,

    /// <summary>The conf change does not fit the leader's membership (adding a present node, removing an absent
    /// one or the last voter). Not retryable as is.</summary>
    InvalidConfChange,
}
