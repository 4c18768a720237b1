using ReefDB.Node.Gateway;
using ReefDB.Node.Replicas;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Tests.Support;

/// <summary>
/// A one-member replica in process: writes are applied at once at the next index, like a lone leader with an
/// instant disk. <see cref="LeaderId"/> can be changed to act as a follower or as a node without a leader.
/// </summary>
internal sealed class FakeReplica : IReplica, IReplicaAdmin
{
    private readonly Lock writeLock = new();
    private readonly ulong nodeId;

    public FakeReplica(ulong nodeId = 1)
    {
        this.nodeId = nodeId;
        LeaderId = nodeId;
    }

    public ulong NodeId => nodeId;

    public ReefStateMachine StateMachine { get; } = new();

    public ulong LeaderId { get; set; }

    /// <summary>When set, proposals fail with it (overload, outcome unknown…).</summary>
    public Exception? ProposeFailure { get; set; }

    /// <summary>When set, proposals wait for it before applying.</summary>
    public Task? ProposeGate { get; set; }

    public int Proposals { get; private set; }

    public int ReadIndexCalls { get; private set; }

    public async Task<CommandOutcome> ProposeAsync(CommandBatch batch, CancellationToken cancellationToken)
    {
        RequireLeader();
        if (ProposeFailure is { } failure)
        {
            throw failure;
        }

        if (ProposeGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        lock (writeLock)
        {
            Proposals++;
            return StateMachine.Apply(StateMachine.Current.AppliedIndex + 1, batch).Outcome;
        }
    }

    public Task<ulong> ReadIndexAsync(CancellationToken cancellationToken)
    {
        RequireLeader();
        ReadIndexCalls++;
        return Task.FromResult(StateMachine.Current.AppliedIndex);
    }

    public Task<ulong> LeaseReadAsync(CancellationToken cancellationToken)
    {
        RequireLeader();
        return Task.FromResult(StateMachine.Current.AppliedIndex);
    }

    public Task WaitForAppliedAsync(ulong index, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ReplicaSnapshot> GetStatusAsync(CancellationToken cancellationToken)
    {
        var applied = StateMachine.Current.AppliedIndex;
        return Task.FromResult(new ReplicaSnapshot(
            nodeId, LeaderId == nodeId ? "leader" : "follower", 1, LeaderId, applied, applied, 1, applied, 0, 0,
            [new ReplicaMember(nodeId, "voter", LeaderId == nodeId ? applied : null)], 0));
    }

    /// <summary>Admin calls, in order, as "verb id".</summary>
    public List<string> AdminCalls { get; } = [];

    public Task AddLearnerAsync(ulong nodeId, byte[] context, CancellationToken cancellationToken) => Admin($"add {nodeId}");

    public Task PromoteAsync(ulong nodeId, CancellationToken cancellationToken) => Admin($"promote {nodeId}");

    public Task RemoveAsync(ulong nodeId, CancellationToken cancellationToken) => Admin($"remove {nodeId}");

    public Task TransferLeadershipAsync(ulong nodeId, CancellationToken cancellationToken) => Admin($"transfer {nodeId}");

    public async Task<ulong> SnapshotAsync(CancellationToken cancellationToken)
    {
        await Admin("snapshot");
        return StateMachine.Current.AppliedIndex;
    }

    private Task Admin(string call)
    {
        RequireLeader();
        AdminCalls.Add(call);
        return Task.CompletedTask;
    }

    private void RequireLeader()
    {
        if (LeaderId != nodeId)
        {
            throw new NotLeaderException(LeaderId);
        }
    }
}
