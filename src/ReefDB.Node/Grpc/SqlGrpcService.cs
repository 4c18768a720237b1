using Grpc.Core;
using Microsoft.Extensions.Hosting;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// <c>reefdb.sql.Sql</c>: the SQL gateway for services, and the leader's end of forwarding (unary <c>Execute</c> with
/// <c>forwarded</c>, or the <c>Forward</c> stream). Errors travel in the response (<see cref="ExecuteError"/>), not
/// as gRPC statuses, so a client sees the same codes as over HTTP.
/// </summary>
internal sealed class SqlGrpcService(SqlGateway gateway, RequestLimits limits, NodeServices node, IHostApplicationLifetime lifetime) : Wire.Sql.SqlBase
{
    public override Task<ExecuteResponse> Execute(ExecuteRequest request, ServerCallContext context) =>
        ServeAsync(request, request.Forwarded, nameof(Execute), context.CancellationToken);

    /// <summary>Serves one follower's forwarded requests until it closes the stream or this node stops (then the stream
    /// ends cleanly once every request read is answered: see <see cref="ForwardStreamServer"/>).</summary>
    public override async Task Forward(IAsyncStreamReader<ForwardRequests> requestStream, IServerStreamWriter<ForwardAnswers> responseStream, ServerCallContext context)
    {
        await context.WriteResponseHeadersAsync(new Metadata { { ForwardFraming.ServedHeader, "1" } }).ConfigureAwait(false);
        var server = new ForwardStreamServer(
            (request, aborted) => ServeAsync(request, forwarded: true, nameof(Forward), aborted), gateway.Replica.NodeId, node.Options.MaxGrpcMsgBytes);
        await server.RunAsync(requestStream, responseStream, context.CancellationToken, lifetime.ApplicationStopping).ConfigureAwait(false);
    }

    /// <summary>One request, as any gRPC request is served; a forwarded one is served here or fails, never forwarded again.</summary>
    private async Task<ExecuteResponse> ServeAsync(ExecuteRequest request, bool forwarded, string method, CancellationToken aborted)
    {
        try
        {
            var parsed = WireMapping.FromWire(request);
            using var timeout = limits.Timeout(aborted);
            var policy = forwarded ? LeaderPolicy.LocalOnly : LeaderPolicy.Forward;
            var result = await limits.RunAsync(() => gateway.ExecuteAsync(parsed, policy, timeout.Token), timeout).ConfigureAwait(false);
            node.Metrics.GrpcRequest(method, result.Error is null ? "ok" : "sql_error");
            return WireMapping.ToWire(result);
        }
        catch (GatewayException e)
        {
            node.Metrics.GrpcRequest(method, e.Code);
            return WireMapping.ToWire(e, gateway.Replica.NodeId);
        }
    }
}
