using Grpc.Core;
using ReefDB.Node.Admin;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// <c>reefdb.admin.Admin</c>: the admin API for services, <c>reefdb admin</c> and joining nodes, and the leader's end
/// of admin forwarding. It only translates messages to and from <see cref="AdminOperations"/> (shared with HTTP).
/// Errors travel in the response (<see cref="AdminError"/>) with the HTTP API's codes, not as gRPC statuses.
/// </summary>
internal sealed class AdminGrpcService(NodeServices node) : Wire.Admin.AdminBase
{
    private readonly AdminOperations admin = new(node);

    public override Task<AdminResponse> AddMember(AddMemberRequest request, ServerCallContext context) =>
        RunAsync(nameof(AddMember), context, cancel => admin.AddMemberAsync(
            request.NodeId, request.Addr, request.HttpAddr.Length == 0 ? null : request.HttpAddr, Policy(request.Forwarded), cancel));

    public override Task<AdminResponse> RemoveMember(RemoveMemberRequest request, ServerCallContext context) =>
        RunAsync(nameof(RemoveMember), context, cancel => admin.RemoveMemberAsync(request.NodeId, Policy(request.Forwarded), cancel));

    public override Task<AdminResponse> TransferLeader(TransferLeaderRequest request, ServerCallContext context) =>
        RunAsync(nameof(TransferLeader), context, cancel => admin.TransferLeaderAsync(request.NodeId, Policy(request.Forwarded), cancel));

    public override Task<AdminResponse> Snapshot(SnapshotRequest request, ServerCallContext context) =>
        RunAsync(nameof(Snapshot), context, admin.SnapshotAsync);

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        try
        {
            var status = await admin.ListMembersAsync(context.CancellationToken).ConfigureAwait(false);
            var response = new ListMembersResponse
            {
                NodeId = status.NodeId, LeaderId = status.LeaderId, Term = status.Term, CommitIndex = status.CommitIndex,
            };
            foreach (var member in status.Members)
            {
                var address = node.Members.Get(member.NodeId);
                response.Members.Add(new Member
                {
                    NodeId = member.NodeId,
                    Addr = address?.RpcAddr ?? string.Empty,
                    HttpAddr = address?.HttpAddr ?? string.Empty,
                    Role = member.Role,
                    HasMatchIndex = member.MatchIndex.HasValue,
                    MatchIndex = member.MatchIndex ?? 0,
                });
            }

            node.Metrics.GrpcRequest("ListMembers", "ok");
            return response;
        }
        catch (GatewayException e)
        {
            node.Metrics.GrpcRequest("ListMembers", e.Code);
            return new ListMembersResponse { NodeId = node.Replica.NodeId, Error = ToWire(e) };
        }
    }

    private async Task<AdminResponse> RunAsync(string method, ServerCallContext context, Func<CancellationToken, Task<AdminOutcome>> action)
    {
        try
        {
            using var timeout = node.Limits.Timeout(context.CancellationToken);
            var outcome = await node.Limits.RunAsync(() => action(timeout.Token), timeout).ConfigureAwait(false);
            node.Metrics.GrpcRequest(method, "ok");
            return new AdminResponse { Result = outcome.Result, NodeId = outcome.NodeId, SnapshotIndex = outcome.SnapshotIndex };
        }
        catch (GatewayException e)
        {
            node.Metrics.GrpcRequest(method, e.Code);
            return new AdminResponse { NodeId = node.Replica.NodeId, Error = ToWire(e) };
        }
    }

    private AdminError ToWire(GatewayException error)
    {
        var leader = error.LeaderId == 0 ? null : node.Members.Get(error.LeaderId);
        return new AdminError
        {
            Code = error.Code,
            Message = error.Message,
            Retryable = error.Retryable,
            LeaderId = error.LeaderId,
            LeaderAddr = leader?.RpcAddr ?? string.Empty,
            LeaderHttpAddr = leader?.HttpAddr ?? string.Empty,
        };
    }

    private static LeaderPolicy Policy(bool forwarded) => forwarded ? LeaderPolicy.LocalOnly : LeaderPolicy.Forward;
}
