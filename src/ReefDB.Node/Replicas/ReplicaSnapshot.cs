namespace ReefDB.Node.Replicas;

/// <summary>The replica's status in the node's terms (see <c>GET /v1/status</c>).</summary>
internal sealed record ReplicaSnapshot(
    ulong NodeId,
    string Role,
    ulong Term,
    ulong LeaderId,
    ulong CommitIndex,
    ulong AppliedIndex,
    ulong FirstIndex,
    ulong LastIndex,
    long LogBytes,
    ulong SnapshotIndex,
    IReadOnlyList<ReplicaMember> Members,
    int PendingProposals);

/// <summary>One member: <paramref name="Role"/> is <c>voter</c> or <c>learner</c>; the match index is known on the leader only.</summary>
internal sealed record ReplicaMember(ulong NodeId, string Role, ulong? MatchIndex);
