namespace ReefDB.Replication;

/// <summary>Why a request was refused without effect (<see cref="ProposalRefusedException"/>).</summary>
public enum RefusalReason
{
    /// <summary>No leader is known (an election is under way); retry shortly.</summary>
    NoLeader,

    /// <summary>A leadership transfer is in progress; retry on the new leader.</summary>
    LeaderTransferInProgress,

    /// <summary>Too many proposals pending or too many bytes uncommitted: back off and retry.</summary>
    Overloaded,

    /// <summary>Another membership change is not yet committed; retry shortly.</summary>
    ConfChangePending,

    /// <summary>The entry was appended but a new leader replaced it: it was certainly not applied; retry.</summary>
    Superseded,

    /// <summary>A read (or transfer) did not complete in time; retry.</summary>
    Timeout,

    /// <summary>The node or the transfer target is not a voting member. Not retryable as is.</summary>
    NotMember,

    /// <summary>The membership change does not fit the membership (adding a present node, removing an absent one or
    /// the last voter). Not retryable as is.</summary>
    InvalidConfChange,
}
