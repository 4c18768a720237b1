namespace ReefDB.Raft;

/// <summary>
/// A proposal, conf change, read request or transfer was refused without being appended; nothing happened, so
/// retrying (here later, or on the leader) is safe.
/// </summary>
public sealed class ProposalDroppedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProposalDroppedException(ProposalDropReason reason, ulong leader)
        : base($"Proposal dropped: {reason}{(leader != 0 ? $" (leader is {leader})" : "")}.")
    {
        Reason = reason;
        Leader = leader;
    }

    /// <summary>Creates the exception.</summary>
    public ProposalDroppedException()
        : this(ProposalDropReason.NoLeader, 0)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProposalDroppedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProposalDroppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why it was refused.</summary>
    public ProposalDropReason Reason { get; }

    /// <summary>The leader this node knows of (0: none), so a caller can redirect.</summary>
    public ulong Leader { get; }

    /// <summary>True unless the request itself is invalid: a dropped proposal had no effect.</summary>
    public bool IsRetryable => Reason != ProposalDropReason.InvalidConfChange;
}
