using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;


namespace ReefDB.Node.Http;

/// <summary>
/// Maps the node's HTTP/JSON API. Kestrel serves it on <c>http_addr</c> (HTTP/1.1); the same routes answer on
/// <c>rpc_addr</c> to an HTTP/2 client, which is harmless, so routes are not tied to a port.
/// </summary>
internal static class HttpApi
{
    public static void Map(IEndpointRouteBuilder endpoints, NodeServices node)
    {
        endpoints.MapPost("/v1/sql", context => SqlEndpoint.HandleAsync(context, node));
        endpoints.MapGet("/v1/status", context => StatusEndpoints.StatusAsync(context, node));
        endpoints.MapGet("/health/live", context => StatusEndpoints.LiveAsync(context, node));
        endpoints.MapGet("/health/ready", context => StatusEndpoints.ReadyAsync(context, node));
        endpoints.MapMetrics("/metrics", node.Metrics.Registry);
        AdminEndpoints.Map(endpoints, node);
        endpoints.MapFallback(context => JsonResponses.ErrorAsync(
            context, StatusCodes.Status404NotFound, "not_found",
            $"no endpoint {context.Request.Method} {context.Request.Path}; see POST /v1/sql, GET /v1/status, /health/live, /health/ready, /metrics, /v1/admin/…",
            node.Replica.NodeId));
    }
}
