using Grpc.Core;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// <c>reefdb.sql.Sql</c>: the SQL gateway for services, and the leader's end of forwarding. Errors travel in the
/// response (<see cref="ExecuteError"/>), not as gRPC statuses, so a client sees the same codes as over HTTP.
/// </summary>
internal sealed class SqlGrpcService(SqlGateway gateway, RequestLimits limits, NodeServices node) : Wire.Sql.SqlBase
{
    public override async Task<ExecuteResponse> Execute(ExecuteRequest request, ServerCallContext context)
    {
        try
        {
            var parsed = WireMapping.FromWire(request);
            using var timeout = limits.Timeout(context.CancellationToken);
            var policy = request.Forwarded ? LeaderPolicy.LocalOnly : LeaderPolicy.Forward;
            var result = await limits.RunAsync(() => gateway.ExecuteAsync(parsed, policy, timeout.Token), timeout).ConfigureAwait(false);
            node.Metrics.GrpcRequest(nameof(Execute), result.Error is null ? "ok" : "sql_error");
            return WireMapping.ToWire(result);
        }
        catch (GatewayException e)
        {
            node.Metrics.GrpcRequest(nameof(Execute), e.Code);
            return WireMapping.ToWire(e, gateway.Replica.NodeId);
        }
    }
}
