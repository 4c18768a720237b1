namespace ReefDB.Replication;

/// <summary>The base of every error a <see cref="RaftReplica"/> reports to a caller.</summary>
public abstract class ReplicationException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected ReplicationException(string message, ulong leaderId, Exception? innerException = null)
        : base(message, innerException) => LeaderId = leaderId;

    /// <summary>The leader this node knows of (0: none), so that a caller can redirect.</summary>
    public ulong LeaderId { get; }

    /// <summary>True when retrying the same request (here later, or on the leader) is safe and may succeed.</summary>
    public abstract bool IsRetryable { get; }
}

/// <summary>This node is not the leader, and the request needs one (writes, admin, lease reads). Nothing happened.</summary>
public sealed class NotLeaderException : ReplicationException
{
    /// <summary>Creates the exception.</summary>
    public NotLeaderException(ulong leaderId)
        : base(leaderId == 0 ? "This node is not the leader and no leader is known (an election is under way)."
            : $"This node is not the leader; the leader is node {leaderId}.", leaderId)
    {
    }

    /// <inheritdoc />
    public override bool IsRetryable => true;
}

/// <summary>The request was refused, or certainly not applied: nothing happened (see <see cref="Reason"/>).</summary>
public sealed class ProposalRefusedException : ReplicationException
{
    /// <summary>Creates the exception.</summary>
    public ProposalRefusedException(RefusalReason reason, ulong leaderId, string? detail = null)
        : base($"Request refused: {reason}{(detail is null ? "" : ": " + detail)}.", leaderId) => Reason = reason;

    /// <summary>Why.</summary>
    public RefusalReason Reason { get; }

    /// <inheritdoc />
    public override bool IsRetryable => Reason is not (RefusalReason.InvalidConfChange or RefusalReason.NotMember);
}

/// <summary>
/// The proposal was handed to Raft but its outcome is not known (timeout, snapshot install, node stopping): it may
/// or may not be applied. Retry only with a client id and sequence (exactly-once, DESIGN.md §6), or check first.
/// </summary>
public sealed class OutcomeUnknownException : ReplicationException
{
    /// <summary>Creates the exception.</summary>
    public OutcomeUnknownException(string detail, ulong leaderId, Exception? innerException = null)
        : base($"The outcome of the proposal is unknown: {detail}.", leaderId, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsRetryable => false;
}

/// <summary>The replica is stopped (disposed) or failed (a disk error; see the inner exception).</summary>
public sealed class ReplicaStoppedException : ReplicationException
{
    /// <summary>Creates the exception.</summary>
    public ReplicaStoppedException(Exception? cause = null)
        : base(cause is null ? "The replica is stopped." : $"The replica failed and stopped: {cause.Message}", 0, cause)
    {
    }

    /// <inheritdoc />
    public override bool IsRetryable => false;
}
