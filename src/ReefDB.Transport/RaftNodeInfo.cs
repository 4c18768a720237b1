namespace ReefDB.Transport;

/// <summary>A node's answer to <c>GetInfo</c>: who it is and what it believes.</summary>
/// <param name="NodeId">Its Raft id.</param>
/// <param name="ClusterId">Its cluster.</param>
/// <param name="Term">Its current term.</param>
/// <param name="Role">Its role.</param>
/// <param name="LeaderId">The leader it knows (0: none).</param>
/// <param name="CommitIndex">The highest index it knows committed.</param>
/// <param name="AppliedIndex">The highest index it applied.</param>
public sealed record RaftNodeInfo(
    ulong NodeId, string ClusterId, ulong Term, RaftNodeRole Role, ulong LeaderId, ulong CommitIndex, ulong AppliedIndex);

/// <summary>A node's role as reported by <c>GetInfo</c>.</summary>
public enum RaftNodeRole
{
    /// <summary>Not known (an older node, or a node still starting).</summary>
    Unknown,

    /// <summary>Follows a leader, or waits for one.</summary>
    Follower,

    /// <summary>Runs an election.</summary>
    Candidate,

    /// <summary>Leads the current term.</summary>
    Leader,

    /// <summary>Runs a pre-vote.</summary>
    PreCandidate,

    /// <summary>A non-voting member.</summary>
    Learner,
}
