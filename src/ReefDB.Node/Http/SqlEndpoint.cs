using Microsoft.AspNetCore.Http;
using ReefDB.Node.Gateway;

namespace ReefDB.Node.Http;

/// <summary><c>POST /v1/sql</c>: parses the request, runs it through the gateway, answers JSON.</summary>
internal static class SqlEndpoint
{
    private static readonly string[] QueryParameters = ["consistency", "redirect"];

    public static async Task HandleAsync(HttpContext context, NodeServices node)
    {
        var status = await ServeAsync(context, node).ConfigureAwait(false);
        node.Metrics.Request("/v1/sql", status);
    }

    private static async Task<int> ServeAsync(HttpContext context, NodeServices node)
    {
        var nodeId = node.Replica.NodeId;
        try
        {
            var (consistency, redirect) = ParseQuery(context.Request.Query);
            var body = await RequestBody.ReadAsync(context.Request, node.Options.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
            var request = SqlRequestJson.Parse(body, consistency);
            using var timeout = node.Limits.Timeout(context.RequestAborted);
            var result = await node.Limits.RunAsync(
                () => node.Gateway.ExecuteAsync(request, redirect ? LeaderPolicy.Redirect : LeaderPolicy.Forward, timeout.Token),
                timeout).ConfigureAwait(false);
            var code = result.Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            await JsonResponses.WriteAsync(context, code, json => SqlResponseJson.WriteResult(json, result)).ConfigureAwait(false);
            return code;
        }
        catch (GatewayException e)
        {
            var code = HttpErrors.StatusOf(e.Code);
            await JsonResponses.ErrorAsync(context, code, e.Code, e.Message, nodeId, e.LeaderId).ConfigureAwait(false);
            return code;
        }
        catch (RedirectToLeaderException e)
        {
            if (node.Members.HttpAddress(e.LeaderId) is not { } address)
            {
                await JsonResponses.ErrorAsync(
                    context, StatusCodes.Status503ServiceUnavailable, GatewayErrorCode.LeaderAddressUnknown,
                    $"node {e.LeaderId} leads, but its HTTP address is not known here (give peers an http_addr); retry without redirect=true",
                    nodeId, e.LeaderId).ConfigureAwait(false);
                return StatusCodes.Status503ServiceUnavailable;
            }

            // 307 keeps the method and body: the client re-sends the same POST to the leader.
            context.Response.Headers.Location = $"http://{address}{context.Request.Path}{context.Request.QueryString}";
            await JsonResponses.ErrorAsync(context, StatusCodes.Status307TemporaryRedirect, "redirect", $"node {e.LeaderId} leads; send the request to {address}", nodeId, e.LeaderId).ConfigureAwait(false);
            return StatusCodes.Status307TemporaryRedirect;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return 499;
        }
    }

    private static (ReadConsistency? Consistency, bool Redirect) ParseQuery(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (!QueryParameters.Contains(key, StringComparer.Ordinal))
            {
                throw new GatewayException(GatewayErrorCode.InvalidParameter, $"unknown query parameter '{key}'; expected consistency or redirect");
            }
        }

        ReadConsistency? consistency = null;
        if (query.TryGetValue("consistency", out var text))
        {
            consistency = text.ToString() switch
            {
                "linearizable" => ReadConsistency.Linearizable,
                "lease" => ReadConsistency.Lease,
                "stale" => ReadConsistency.Stale,
                var other => throw new GatewayException(GatewayErrorCode.InvalidParameter, $"consistency: expected linearizable, lease or stale, got '{other}'"),
            };
        }

        var redirect = false;
        if (query.TryGetValue("redirect", out var flag))
        {
            redirect = flag.ToString() switch
            {
                "true" => true,
                "false" => false,
                var other => throw new GatewayException(GatewayErrorCode.InvalidParameter, $"redirect: expected true or false, got '{other}'"),
            };
        }

        return (consistency, redirect);
    }
}
