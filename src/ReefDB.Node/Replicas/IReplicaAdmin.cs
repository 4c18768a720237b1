namespace ReefDB.Node.Replicas;

/// <summary>
/// Membership and maintenance operations of the local Raft member (leader only, except snapshots). Errors as for
/// <see cref="IReplica"/>: <see cref="Gateway.NotLeaderException"/>, or a <see cref="Gateway.GatewayException"/>.
/// </summary>
internal interface IReplicaAdmin
{
    /// <summary>Adds a learner; <paramref name="context"/> (its addresses) travels in the membership entry.</summary>
    Task AddLearnerAsync(ulong nodeId, byte[] context, CancellationToken cancellationToken);

    /// <summary>Turns a caught-up learner into a voter.</summary>
    Task PromoteAsync(ulong nodeId, CancellationToken cancellationToken);

    Task RemoveAsync(ulong nodeId, CancellationToken cancellationToken);

    /// <summary>Completes once <paramref name="nodeId"/> leads.</summary>
    Task TransferLeadershipAsync(ulong nodeId, CancellationToken cancellationToken);

    /// <summary>Snapshots the applied state and compacts the log; returns the snapshot's index.</summary>
    Task<ulong> SnapshotAsync(CancellationToken cancellationToken);
}
