using ReefDB.Node.Admin;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;
using ReefDB.Node.Membership;

namespace ReefDB.Node.Grpc;

internal sealed partial class GrpcLeaderForwarder : IAdminForwarder
{
    public Task<AdminOutcome> AddMemberAsync(ulong leaderId, MemberAddress member, CancellationToken cancellationToken) =>
        CallLeaderAsync(leaderId, async leader => FromWire(await leader.Admin.AddMemberAsync(
            new AddMemberRequest { NodeId = member.NodeId, Addr = member.RpcAddr, HttpAddr = member.HttpAddr ?? string.Empty, Forwarded = true },
            cancellationToken: cancellationToken).ConfigureAwait(false)), cancellationToken);

    public Task<AdminOutcome> RemoveMemberAsync(ulong leaderId, ulong nodeId, CancellationToken cancellationToken) =>
        CallLeaderAsync(leaderId, async leader => FromWire(await leader.Admin.RemoveMemberAsync(
            new RemoveMemberRequest { NodeId = nodeId, Forwarded = true }, cancellationToken: cancellationToken).ConfigureAwait(false)), cancellationToken);

    public Task<AdminOutcome> TransferLeaderAsync(ulong leaderId, ulong nodeId, CancellationToken cancellationToken) =>
        CallLeaderAsync(leaderId, async leader => FromWire(await leader.Admin.TransferLeaderAsync(
            new TransferLeaderRequest { NodeId = nodeId, Forwarded = true }, cancellationToken: cancellationToken).ConfigureAwait(false)), cancellationToken);

    /// <exception cref="GatewayException">The leader answered with an error: relayed with its code.</exception>
    private static AdminOutcome FromWire(AdminResponse response) =>
        response.Error is { } error
            ? throw new GatewayException(error.Code, error.Message, error.Retryable, error.LeaderId)
            : new AdminOutcome(response.Result, response.NodeId, response.SnapshotIndex);
}
