using ReefDB.Raft.Messages;
using ReefDB.Replication;

namespace ReefDB.Transport;

/// <summary>Connects a <see cref="RaftReplica"/> to the transport: inbound traffic, reports and snapshot files.</summary>
/// <param name="replica">The local replica (owned by the caller).</param>
public sealed class RaftReplicaEndpoint(RaftReplica replica) : IRaftEndpoint
{
    /// <inheritdoc />
    public void Receive(Message message) => replica.Receive(message);

    /// <inheritdoc />
    public void ReceiveBatch(IReadOnlyList<Message> messages) => replica.ReceiveAndDrive(messages);

    /// <inheritdoc />
    public Task ReceiveSnapshotAsync(Message message, Stream payload, CancellationToken cancellationToken) =>
        replica.ReceiveSnapshotAsync(message, payload, cancellationToken);

    /// <inheritdoc />
    public void ReportUnreachable(ulong peer) => replica.ReportUnreachable(peer);

    /// <inheritdoc />
    public void ReportSnapshot(ulong peer, bool succeeded) => replica.ReportSnapshot(peer, succeeded);

    /// <inheritdoc />
    public Stream OpenSnapshot(SnapshotMetadata metadata) => replica.OpenSnapshot(metadata);

    /// <inheritdoc />
    public async Task<RaftNodeInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var status = await replica.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var role = status.Role switch
        {
            ReplicaRole.Follower => RaftNodeRole.Follower,
            ReplicaRole.Candidate => RaftNodeRole.Candidate,
            ReplicaRole.Leader => RaftNodeRole.Leader,
            ReplicaRole.Learner => RaftNodeRole.Learner,
            _ => RaftNodeRole.Unknown,
        };
        return new RaftNodeInfo(
            status.NodeId, status.ClusterId, status.Term, role, status.LeaderId, status.CommitIndex, status.AppliedIndex);
    }
}
