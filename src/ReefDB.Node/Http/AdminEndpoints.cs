using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReefDB.Node.Admin;
using ReefDB.Node.Gateway;

namespace ReefDB.Node.Http;

/// <summary>
/// The HTTP admin API: <c>GET/POST /v1/admin/members</c>, <c>DELETE /v1/admin/members/{id}</c>,
/// <c>POST /v1/admin/transfer-leader</c>, <c>POST /v1/admin/snapshot</c>. It only translates JSON to and from
/// <see cref="AdminOperations"/> (shared with gRPC <c>reefdb.admin.Admin</c>): a follower forwards membership changes
/// and transfers to the leader, or with <c>?redirect=true</c> answers 503 <c>not_leader</c> naming it.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, NodeServices node)
    {
        var admin = new AdminOperations(node);
        var add = Handler(node, "/v1/admin/members", (_, body, policy, cancel) =>
            admin.AddMemberAsync(RequiredId(body), Text(body, "addr"), Text(body, "http_addr"), policy, cancel), "node_id", "addr", "http_addr");
        var remove = Handler(node, "/v1/admin/members/{id}", (context, _, policy, cancel) => admin.RemoveMemberAsync(PathId(context), policy, cancel));
        var transfer = Handler(node, "/v1/admin/transfer-leader", (_, body, policy, cancel) => admin.TransferLeaderAsync(RequiredId(body), policy, cancel), "node_id");
        var snapshot = Handler(node, "/v1/admin/snapshot", (_, _, _, cancel) => admin.SnapshotAsync(cancel));
        endpoints.MapGet("/v1/admin/members", context => StatusEndpoints.StatusAsync(context, node));
        endpoints.MapPost("/v1/admin/members", add);
        endpoints.MapDelete("/v1/admin/members/{id}", remove);
        endpoints.MapPost("/v1/admin/transfer-leader", transfer);
        endpoints.MapPost("/v1/admin/snapshot", snapshot);
    }

    private static RequestDelegate Handler(
        NodeServices node, string endpoint, Func<HttpContext, JsonElement, LeaderPolicy, CancellationToken, Task<AdminOutcome>> action, params string[] fields) =>
        context => RunAsync(context, node, endpoint, action, fields);

    private static ulong PathId(HttpContext context)
    {
        var text = context.Request.RouteValues["id"]?.ToString();
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nodeId) && nodeId != 0
            ? nodeId
            : throw Invalid($"expected a node id ≥ 1 in the path, got '{text}'");
    }

    private static async Task RunAsync(
        HttpContext context, NodeServices node, string endpoint, Func<HttpContext, JsonElement, LeaderPolicy, CancellationToken, Task<AdminOutcome>> action, string[] fields)
    {
        int status;
        try
        {
            var policy = ParseRedirect(context.Request.Query) ? LeaderPolicy.Redirect : LeaderPolicy.Forward;
            var body = await ReadBodyAsync(context, node, fields).ConfigureAwait(false);
            using var timeout = node.Limits.Timeout(context.RequestAborted);
            var outcome = await node.Limits.RunAsync(() => action(context, body, policy, timeout.Token), timeout).ConfigureAwait(false);
            status = StatusCodes.Status200OK;
            await JsonResponses.WriteAsync(context, status, json =>
            {
                json.WriteStartObject();
                json.WriteString("result", outcome.Result);
                json.WriteNumber("node_id", outcome.NodeId);
                if (outcome.SnapshotIndex != 0)
                {
                    json.WriteNumber("snapshot_index", outcome.SnapshotIndex);
                }

                json.WriteEndObject();
            }).ConfigureAwait(false);
        }
        catch (GatewayException e)
        {
            status = HttpErrors.StatusOf(e.Code);
            await JsonResponses.ErrorAsync(context, status, e.Code, e.Message, node.Replica.NodeId, e.LeaderId).ConfigureAwait(false);
        }

        node.Metrics.Request(endpoint, status);
    }

    private static bool ParseRedirect(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (!string.Equals(key, "redirect", StringComparison.Ordinal))
            {
                throw new GatewayException(GatewayErrorCode.InvalidParameter, $"unknown query parameter '{key}'; expected redirect");
            }
        }

        if (!query.TryGetValue("redirect", out var flag))
        {
            return false;
        }

        return flag.ToString() switch
        {
            "true" => true,
            "false" => false,
            var other => throw new GatewayException(GatewayErrorCode.InvalidParameter, $"redirect: expected true or false, got '{other}'"),
        };
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpContext context, NodeServices node, string[] fields)
    {
        if (fields.Length == 0)
        {
            return default;
        }

        var bytes = await RequestBody.ReadAsync(context.Request, node.Options.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new GatewayException(GatewayErrorCode.MalformedJson, $"the body is not valid JSON: {e.Message}");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"expected a JSON object with {string.Join(", ", fields)}");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new GatewayException(GatewayErrorCode.UnknownField, $"unknown field \"{property.Name}\"; expected {string.Join(", ", fields)}");
            }
        }

        return body;
    }

    private static ulong RequiredId(JsonElement body) =>
        body.TryGetProperty("node_id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetUInt64(out var value) && value > 0
            ? value
            : throw Invalid("\"node_id\": expected an integer ≥ 1");

    private static string? Text(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid($"\"{name}\": expected host:port as a string");
    }

    private static GatewayException Invalid(string message) => new(GatewayErrorCode.InvalidRequest, message);
}
