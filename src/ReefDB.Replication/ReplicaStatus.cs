using ReefDB.Raft.Storage;

namespace ReefDB.Replication;

/// <summary>The role of a replica, as reported (a learner is a follower that does not vote).</summary>
public enum ReplicaRole
{
    /// <summary>Follows a leader, or waits for one.</summary>
    Follower,

    /// <summary>Runs a pre-vote or an election.</summary>
    Candidate,

    /// <summary>Leads the current term.</summary>
    Leader,

    /// <summary>A non-voting member receiving the log.</summary>
    Learner,
}

/// <summary>One member as a replica sees it.</summary>
/// <param name="NodeId">The member's id.</param>
/// <param name="IsLearner">True for a non-voting member.</param>
/// <param name="MatchIndex">On the leader: the highest index known replicated on that member; null elsewhere.</param>
public sealed record MemberStatus(ulong NodeId, bool IsLearner, ulong? MatchIndex);

/// <summary>A consistent picture of one replica (taken on its loop thread).</summary>
/// <param name="NodeId">This node.</param>
/// <param name="ClusterId">Its cluster.</param>
/// <param name="Role">Leader, follower, candidate or learner.</param>
/// <param name="Term">The current term.</param>
/// <param name="LeaderId">The known leader (0: none).</param>
/// <param name="CommitIndex">The highest index known committed.</param>
/// <param name="AppliedIndex">The index of the published state.</param>
/// <param name="FirstIndex">The first index in the log.</param>
/// <param name="LastIndex">The last index in the log.</param>
/// <param name="LogBytes">Bytes of log segments on disk.</param>
/// <param name="SnapshotIndex">The newest snapshot's index (0: none).</param>
/// <param name="Members">Voters then learners, each by id.</param>
/// <param name="PendingProposals">Proposals accepted and not yet answered.</param>
/// <param name="Fsync">The fsync policy.</param>
public sealed record ReplicaStatus(
    ulong NodeId,
    string ClusterId,
    ReplicaRole Role,
    ulong Term,
    ulong LeaderId,
    ulong CommitIndex,
    ulong AppliedIndex,
    ulong FirstIndex,
    ulong LastIndex,
    long LogBytes,
    ulong SnapshotIndex,
    IReadOnlyList<MemberStatus> Members,
    int PendingProposals,
    FsyncPolicy Fsync);

/// <summary>Raised when the known leader or this node's role changes, and when a candidate's pre-vote turns into an
/// election.</summary>
/// <param name="LeaderId">The new leader (0: none known).</param>
/// <param name="Term">The term.</param>
/// <param name="Role">This node's role now.</param>
/// <param name="PreVote">With <see cref="ReplicaRole.Candidate"/>: the node only asks whether it could win (a pre-vote,
/// in its current term); false once it runs an election in a new term.</param>
public sealed record LeaderChange(ulong LeaderId, ulong Term, ReplicaRole Role, bool PreVote = false);

/// <summary>Raised when a membership change entry is applied.</summary>
/// <param name="Index">Its log index.</param>
/// <param name="Change">The change (its context carries, e.g., the new member's address).</param>
/// <param name="Membership">The membership it produced.</param>
public sealed record MembershipChange(ulong Index, Raft.Configuration.ConfChange Change, Raft.Configuration.Membership Membership);
