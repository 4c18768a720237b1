using ReefDB.Raft.Messages;
using ReefDB.Replication;
using ReefDB.Replication.Transport;
using ReefDB.Transport;

namespace ReefDB.Node.Replicas;

/// <summary>
/// Joins a <see cref="RaftReplica"/> and a <see cref="GrpcRaftTransport"/>, which know nothing of each other: the
/// replica sends through the transport (<see cref="IRaftTransport"/>), the transport delivers inbound traffic to the
/// replica (<see cref="IRaftEndpoint"/>).
/// </summary>
internal sealed class TransportBridge(GrpcRaftTransport transport) : IRaftTransport, IRaftEndpoint
{
    private RaftReplica? replica;

    private RaftReplica Replica => replica ?? throw new InvalidOperationException("no replica attached yet");

    /// <summary>Connects the replica once it is open; inbound calls before that are refused by the transport.</summary>
    public void Attach(RaftReplica opened)
    {
        replica = opened;
        transport.Attach(this);
    }

    public void Send(IReadOnlyList<Message> messages) => transport.Send(messages);

    public void Receive(Message message) => Replica.Receive(message);

    public Task ReceiveSnapshotAsync(Message message, Stream payload, CancellationToken cancellationToken) =>
        Replica.ReceiveSnapshotAsync(message, payload, cancellationToken);

    public void ReportUnreachable(ulong peer) => Replica.ReportUnreachable(peer);

    public void ReportSnapshot(ulong peer, bool succeeded) => Replica.ReportSnapshot(peer, succeeded);

    public Stream OpenSnapshot(SnapshotMetadata metadata) => Replica.OpenSnapshot(metadata);

    public async Task<RaftNodeInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var status = await Replica.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var role = status.Role switch
        {
            ReplicaRole.Leader => RaftNodeRole.Leader,
            ReplicaRole.Candidate => RaftNodeRole.Candidate,
            ReplicaRole.Learner => RaftNodeRole.Learner,
            _ => RaftNodeRole.Follower,
        };
        return new RaftNodeInfo(status.NodeId, status.ClusterId, status.Term, role, status.LeaderId, status.CommitIndex, status.AppliedIndex);
    }
}
