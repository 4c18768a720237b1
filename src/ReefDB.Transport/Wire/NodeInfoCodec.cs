using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Wire;

/// <summary>Maps <see cref="RaftNodeInfo"/> to its wire form and back (roles mapped explicitly, never cast).</summary>
internal static class NodeInfoCodec
{
    public static W.NodeInfo Encode(RaftNodeInfo info) => new()
    {
        NodeId = info.NodeId,
        ClusterId = info.ClusterId,
        Term = info.Term,
        Role = info.Role switch
        {
            RaftNodeRole.Follower => W.Role.Follower,
            RaftNodeRole.Candidate => W.Role.Candidate,
            RaftNodeRole.Leader => W.Role.Leader,
            RaftNodeRole.PreCandidate => W.Role.PreCandidate,
            RaftNodeRole.Learner => W.Role.Learner,
            _ => W.Role.Unspecified,
        },
        LeaderId = info.LeaderId,
        CommitIndex = info.CommitIndex,
        AppliedIndex = info.AppliedIndex,
    };

    public static RaftNodeInfo Decode(W.NodeInfo wire) => new(
        wire.NodeId,
        wire.ClusterId,
        wire.Term,
        wire.Role switch
        {
            W.Role.Follower => RaftNodeRole.Follower,
            W.Role.Candidate => RaftNodeRole.Candidate,
            W.Role.Leader => RaftNodeRole.Leader,
            W.Role.PreCandidate => RaftNodeRole.PreCandidate,
            W.Role.Learner => RaftNodeRole.Learner,
            _ => RaftNodeRole.Unknown,
        },
        wire.LeaderId,
        wire.CommitIndex,
        wire.AppliedIndex);
}
