using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Replicas;

/// <summary>
/// What the gateway needs of the local Raft member. The node owns this interface; <c>RaftReplicaAdapter</c>
/// implements it over ReefDB.Replication, and tests use an in-process fake.
/// </summary>
/// <remarks>Errors: <see cref="Gateway.NotLeaderException"/> when only the leader can do it; otherwise a
/// <see cref="Gateway.GatewayException"/> with a stable code (no leader, overloaded, outcome unknown, stopped).</remarks>
internal interface IReplica
{
    ulong NodeId { get; }

    /// <summary>The applied state, for reads.</summary>
    ReefStateMachine StateMachine { get; }

    /// <summary>The leader this node knows of (0: none).</summary>
    ulong LeaderId { get; }

    /// <summary>Proposes and returns the outcome once committed and applied here.</summary>
    Task<CommandOutcome> ProposeAsync(CommandBatch batch, CancellationToken cancellationToken);

    /// <summary>A linearizable read index (asks the leader when this node follows).</summary>
    Task<ulong> ReadIndexAsync(CancellationToken cancellationToken);

    /// <summary>The applied index, if this node leads under a valid lease; else <see cref="Gateway.NotLeaderException"/>.</summary>
    Task<ulong> LeaseReadAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the applied index reaches <paramref name="index"/>.</summary>
    Task WaitForAppliedAsync(ulong index, CancellationToken cancellationToken);

    /// <summary>A consistent picture of this member.</summary>
    Task<ReplicaSnapshot> GetStatusAsync(CancellationToken cancellationToken);
}
