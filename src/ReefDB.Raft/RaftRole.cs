namespace ReefDB.Raft;

/// <summary>The role a node plays in its current term.</summary>
public enum RaftRole
{
    /// <summary>Follows a leader (or waits for one).</summary>
    Follower,

    /// <summary>Asks for votes in a new term.</summary>
    Candidate,

    /// <summary>Leads the current term: the only node that appends new entries.</summary>
    Leader,

    /// <summary>Runs a pre-vote: asks whether it could win before disturbing anyone's term.</summary>
    PreCandidate,
}
