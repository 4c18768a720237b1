using ReefDB.Node.Gateway;
using ReefDB.Replication;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;
using NotLeader = ReefDB.Node.Gateway.NotLeaderException;

namespace ReefDB.Node.Replicas;

/// <summary>
/// The gateway's <see cref="IReplica"/> over a <see cref="RaftReplica"/>: the replica's errors become the gateway's
/// stable codes (no leader and overload are retryable, an unknown outcome says so, a stopped replica is final).
/// </summary>
internal sealed class RaftReplicaAdapter(RaftReplica replica) : IReplica, IReplicaAdmin
{
    public ulong NodeId => replica.NodeId;

    public ReefStateMachine StateMachine => replica.StateMachine;

    public ulong LeaderId => replica.Leadership.LeaderId;

    public Task<CommandOutcome> ProposeAsync(CommandBatch batch, CancellationToken cancellationToken) =>
        Map(async () => (await replica.ProposeAsync(batch, cancellationToken).ConfigureAwait(false)).Outcome);

    public Task<ulong> ReadIndexAsync(CancellationToken cancellationToken) =>
        Map(() => replica.ReadIndexAsync(cancellationToken));

    public Task<ulong> LeaseReadAsync(CancellationToken cancellationToken) =>
        Map(() => replica.LeaseReadAsync(cancellationToken));

    public Task WaitForAppliedAsync(ulong index, CancellationToken cancellationToken) =>
        Map(async () =>
        {
            await replica.WaitForAppliedAsync(index, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<ReplicaSnapshot> GetStatusAsync(CancellationToken cancellationToken) =>
        Map(async () =>
        {
            var s = await replica.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return new ReplicaSnapshot(
                s.NodeId, RoleName(s.Role), s.Term, s.LeaderId, s.CommitIndex, s.AppliedIndex, s.FirstIndex, s.LastIndex,
                s.LogBytes, s.SnapshotIndex,
                [.. s.Members.Select(m => new ReplicaMember(m.NodeId, m.IsLearner ? "learner" : "voter", m.MatchIndex))],
                s.PendingProposals);
        });

    public Task AddLearnerAsync(ulong nodeId, byte[] context, CancellationToken cancellationToken) =>
        Map(async () => await replica.AddLearnerAsync(nodeId, context, cancellationToken).ConfigureAwait(false));

    public Task PromoteAsync(ulong nodeId, CancellationToken cancellationToken) =>
        Map(async () => await replica.PromoteLearnerAsync(nodeId, cancellationToken).ConfigureAwait(false));

    public Task RemoveAsync(ulong nodeId, CancellationToken cancellationToken) =>
        Map(async () => await replica.RemoveMemberAsync(nodeId, cancellationToken).ConfigureAwait(false));

    public Task TransferLeadershipAsync(ulong nodeId, CancellationToken cancellationToken) =>
        Map(async () =>
        {
            await replica.TransferLeadershipAsync(nodeId, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<ulong> SnapshotAsync(CancellationToken cancellationToken) =>
        Map(async () => (await replica.SnapshotNowAsync(cancellationToken).ConfigureAwait(false)).Index);

    public static string RoleName(ReplicaRole role) => role switch
    {
        ReplicaRole.Leader => "leader",
        ReplicaRole.Candidate => "candidate",
        ReplicaRole.Learner => "learner",
        _ => "follower",
    };

    /// <summary>Runs a replica call and translates its errors for the gateway.</summary>
    internal static async Task<T> Map<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Replication.NotLeaderException e)
        {
            throw new NotLeader(e.LeaderId);
        }
        catch (ProposalRefusedException e)
        {
            throw e.Reason switch
            {
                RefusalReason.NoLeader => new GatewayException(GatewayErrorCode.NoLeader, "no leader is known right now (an election is under way); retry shortly", true, e.LeaderId, e),
                RefusalReason.Overloaded => new GatewayException(GatewayErrorCode.Overloaded, $"the node is overloaded ({e.Message}); retry shortly", true, e.LeaderId, e),
                RefusalReason.InvalidConfChange or RefusalReason.NotMember => new GatewayException(GatewayErrorCode.InvalidOperation, e.Message, false, e.LeaderId, e),
                _ => new GatewayException(GatewayErrorCode.Unavailable, $"{e.Message} Nothing was applied; retry.", true, e.LeaderId, e),
            };
        }
        catch (OutcomeUnknownException e)
        {
            throw new GatewayException(
                GatewayErrorCode.OutcomeUnknown,
                $"{e.Message} It may or may not be applied; retrying with the same client_id and seq is safe.",
                false, e.LeaderId, e);
        }
        catch (ReplicaStoppedException e)
        {
            throw new GatewayException(GatewayErrorCode.NodeStopped, e.Message, false, 0, e);
        }
    }
}
