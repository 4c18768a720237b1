using System.Globalization;
using ReefDB.Node.Configuration;
using ReefDB.Node.Gateway;
using ReefDB.Node.Membership;
using ReefDB.Node.Replicas;

namespace ReefDB.Node.Admin;

/// <summary>
/// The admin API's one implementation, behind both <c>/v1/admin/…</c> (HTTP) and <c>reefdb.admin.Admin</c> (gRPC):
/// validation, semantics and error codes live here, the front doors only translate. Membership changes and
/// transfers run on the leader: a follower forwards them (<see cref="LeaderPolicy.Forward"/>) or answers
/// <see cref="GatewayErrorCode.NotLeader"/> naming the leader; snapshots and listings are local to the answering node.
/// </summary>
/// <remarks>Errors are <see cref="GatewayException"/>s with stable codes (see <see cref="GatewayErrorCode"/>).</remarks>
internal sealed class AdminOperations(NodeServices node)
{
    /// <summary>
    /// Adds <paramref name="nodeId"/> as a learner with its addresses (they travel in the membership entry, so every
    /// member learns them); the leader promotes it once it has caught up. Adding a node that is already a member
    /// changes nothing and succeeds, so a joining node may safely retry.
    /// </summary>
    public Task<AdminOutcome> AddMemberAsync(ulong nodeId, string? addr, string? httpAddr, LeaderPolicy policy, CancellationToken cancellationToken)
    {
        RequireId(nodeId, "node_id");
        var address = new MemberAddress(
            nodeId,
            Address(addr, "addr") ?? throw Invalid("\"addr\": expected the new member's rpc_addr, host:port"),
            Address(httpAddr, "http_addr"));
        return OnLeaderAsync(
            policy,
            async admin =>
            {
                var status = await node.Replica.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                if (status.Members.FirstOrDefault(m => m.NodeId == nodeId) is { } existing)
                {
                    return Done($"node {nodeId} is already a member ({existing.Role}); nothing changed");
                }

                node.Members.Set(address);
                await admin.AddLearnerAsync(nodeId, MemberContext.Encode(address), cancellationToken).ConfigureAwait(false);
                return Done($"node {nodeId} added as a learner; it becomes a voter once it has caught up");
            },
            (forwarder, leader) => forwarder.AddMemberAsync(leader, address, cancellationToken));
    }

    public Task<AdminOutcome> RemoveMemberAsync(ulong nodeId, LeaderPolicy policy, CancellationToken cancellationToken)
    {
        RequireId(nodeId, "node_id");
        return OnLeaderAsync(
            policy,
            async admin =>
            {
                await admin.RemoveAsync(nodeId, cancellationToken).ConfigureAwait(false);
                return Done($"node {nodeId} removed");
            },
            (forwarder, leader) => forwarder.RemoveMemberAsync(leader, nodeId, cancellationToken));
    }

    public Task<AdminOutcome> TransferLeaderAsync(ulong nodeId, LeaderPolicy policy, CancellationToken cancellationToken)
    {
        RequireId(nodeId, "node_id");
        return OnLeaderAsync(
            policy,
            async admin =>
            {
                await admin.TransferLeadershipAsync(nodeId, cancellationToken).ConfigureAwait(false);
                return Done($"node {nodeId} leads");
            },
            (forwarder, leader) => forwarder.TransferLeaderAsync(leader, nodeId, cancellationToken));
    }

    /// <summary>Snapshots this node's applied state and compacts its log (any member may).</summary>
    public async Task<AdminOutcome> SnapshotAsync(CancellationToken cancellationToken)
    {
        var index = await Admin().SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return Done(string.Create(CultureInfo.InvariantCulture, $"snapshot at index {index}; the log before it is compacted"), index);
    }

    /// <summary>The members as this node knows them (match indexes on the leader only).</summary>
    public Task<ReplicaSnapshot> ListMembersAsync(CancellationToken cancellationToken) => node.Replica.GetStatusAsync(cancellationToken);

    /// <summary>The error a follower answers when it cannot or may not forward: who leads, and where.</summary>
    public GatewayException NotLeader(ulong leaderId)
    {
        if (leaderId == 0)
        {
            return new GatewayException(GatewayErrorCode.NoLeader, "no leader is known right now (an election is under way); retry shortly", retryable: true);
        }

        var where = node.Members.Get(leaderId) is { } leader
            ? $" at {leader.RpcAddr}" + (leader.HttpAddr is { } http ? $" (http://{http})" : string.Empty)
            : string.Empty;
        return new GatewayException(GatewayErrorCode.NotLeader, $"only the leader can do this: node {leaderId}{where}", retryable: true, leaderId: leaderId);
    }

    private async Task<AdminOutcome> OnLeaderAsync(
        LeaderPolicy policy, Func<IReplicaAdmin, Task<AdminOutcome>> local, Func<IAdminForwarder, ulong, Task<AdminOutcome>> forward)
    {
        try
        {
            return await local(Admin()).ConfigureAwait(false);
        }
        catch (NotLeaderException e)
        {
            if (e.LeaderId != 0 && e.LeaderId != node.Replica.NodeId && policy == LeaderPolicy.Forward && node.AdminForwarder is { } forwarder)
            {
                return await forward(forwarder, e.LeaderId).ConfigureAwait(false);
            }

            throw NotLeader(e.LeaderId);
        }
    }

    private IReplicaAdmin Admin() =>
        node.Admin ?? throw new GatewayException(GatewayErrorCode.InvalidOperation, "this node has no admin interface");

    private AdminOutcome Done(string result, ulong snapshotIndex = 0) => new(result, node.Replica.NodeId, snapshotIndex);

    private static void RequireId(ulong nodeId, string name)
    {
        if (nodeId == 0)
        {
            throw Invalid($"\"{name}\": expected an integer ≥ 1");
        }
    }

    private static string? Address(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return ConfigFields.ParseAddress(text);
        }
        catch (FormatException)
        {
            throw Invalid($"\"{name}\": expected host:port, got '{text}'");
        }
    }

    private static GatewayException Invalid(string message) => new(GatewayErrorCode.InvalidRequest, message);
}
