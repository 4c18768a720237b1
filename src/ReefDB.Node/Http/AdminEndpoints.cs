using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReefDB.Node.Configuration;
using ReefDB.Node.Gateway;
using ReefDB.Node.Membership;
using ReefDB.Node.Replicas;

namespace ReefDB.Node.Http;

/// <summary>
/// The HTTP admin API: <c>GET/POST /v1/admin/members</c>, <c>DELETE /v1/admin/members/{id}</c>,
/// <c>POST /v1/admin/transfer-leader</c>, <c>POST /v1/admin/snapshot</c>. Membership changes and transfers run on
/// the leader; a follower answers 503 <c>not_leader</c> naming it (Retry-After, and the leader's id).
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, NodeServices node)
    {
        endpoints.MapGet("/v1/admin/members", context => StatusEndpoints.StatusAsync(context, node));
        endpoints.MapPost("/v1/admin/members", context => RunAsync(context, node, "/v1/admin/members", async (admin, body, cancel) =>
        {
            var nodeId = RequiredId(body);
            var addr = Address(body, "addr") ?? throw Invalid("\"addr\": expected the new member's rpc_addr, host:port");
            var address = new MemberAddress(nodeId, addr, Address(body, "http_addr"));
            node.Members.Set(address);
            await admin.AddLearnerAsync(nodeId, MemberContext.Encode(address), cancel).ConfigureAwait(false);
            return $"node {nodeId} added as a learner; it becomes a voter once it has caught up";
        }, "node_id", "addr", "http_addr"));
        endpoints.MapDelete("/v1/admin/members/{id}", context => RunAsync(context, node, "/v1/admin/members/{id}", async (admin, _, cancel) =>
        {
            var text = context.Request.RouteValues["id"]?.ToString();
            if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nodeId) || nodeId == 0)
            {
                throw Invalid($"expected a node id ≥ 1 in the path, got '{text}'");
            }

            await admin.RemoveAsync(nodeId, cancel).ConfigureAwait(false);
            return $"node {nodeId} removed";
        }));
        endpoints.MapPost("/v1/admin/transfer-leader", context => RunAsync(context, node, "/v1/admin/transfer-leader", async (admin, body, cancel) =>
        {
            var nodeId = RequiredId(body);
            await admin.TransferLeadershipAsync(nodeId, cancel).ConfigureAwait(false);
            return $"node {nodeId} leads";
        }, "node_id"));
        endpoints.MapPost("/v1/admin/snapshot", context => RunAsync(context, node, "/v1/admin/snapshot", async (admin, _, cancel) =>
        {
            var index = await admin.SnapshotAsync(cancel).ConfigureAwait(false);
            return string.Create(CultureInfo.InvariantCulture, $"snapshot at index {index}; the log before it is compacted");
        }));
    }

    private static async Task RunAsync(
        HttpContext context, NodeServices node, string endpoint, Func<IReplicaAdmin, JsonElement, CancellationToken, Task<string>> action, params string[] fields)
    {
        int status;
        try
        {
            var admin = node.Admin ?? throw new GatewayException(GatewayErrorCode.InvalidOperation, "this node has no admin interface");
            var body = await ReadBodyAsync(context, node, fields).ConfigureAwait(false);
            using var timeout = node.Limits.Timeout(context.RequestAborted);
            var message = await node.Limits.RunAsync(() => action(admin, body, timeout.Token), timeout).ConfigureAwait(false);
            status = StatusCodes.Status200OK;
            await JsonResponses.WriteAsync(context, status, json =>
            {
                json.WriteStartObject();
                json.WriteString("result", message);
                json.WriteNumber("node_id", node.Replica.NodeId);
                json.WriteEndObject();
            }).ConfigureAwait(false);
        }
        catch (NotLeaderException e)
        {
            status = StatusCodes.Status503ServiceUnavailable;
            var where = node.Members.HttpAddress(e.LeaderId) is { } http ? $" at http://{http}" : string.Empty;
            await JsonResponses.ErrorAsync(
                context, status, e.LeaderId == 0 ? GatewayErrorCode.NoLeader : "not_leader",
                e.LeaderId == 0 ? "no leader is known right now; retry shortly" : $"only the leader can do this: node {e.LeaderId}{where}",
                node.Replica.NodeId, e.LeaderId).ConfigureAwait(false);
        }
        catch (GatewayException e)
        {
            status = HttpErrors.StatusOf(e.Code);
            await JsonResponses.ErrorAsync(context, status, e.Code, e.Message, node.Replica.NodeId, e.LeaderId).ConfigureAwait(false);
        }

        node.Metrics.Request(endpoint, status);
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

    private static string? Address(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return value.ValueKind == JsonValueKind.String ? ConfigFields.ParseAddress(value.GetString()!) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw Invalid($"\"{name}\": expected host:port");
        }
    }

    private static GatewayException Invalid(string message) => new(GatewayErrorCode.InvalidRequest, message);
}
