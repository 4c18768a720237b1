using ReefDB.Node.Membership;

namespace ReefDB.Node.Admin;

/// <summary>
/// Sends an admin operation that only the leader can do to the leader (marked as forwarded, so the leader never
/// forwards it again). Errors: a <see cref="Gateway.GatewayException"/> with the leader's code, or
/// <see cref="Gateway.GatewayErrorCode.Unavailable"/> when the leader cannot be reached.
/// </summary>
internal interface IAdminForwarder
{
    Task<AdminOutcome> AddMemberAsync(ulong leaderId, MemberAddress member, CancellationToken cancellationToken);

    Task<AdminOutcome> RemoveMemberAsync(ulong leaderId, ulong nodeId, CancellationToken cancellationToken);

    Task<AdminOutcome> TransferLeaderAsync(ulong leaderId, ulong nodeId, CancellationToken cancellationToken);
}
