using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ReefDB.Node.Gateway;

namespace ReefDB.Node.Http;

/// <summary><c>GET /v1/status</c>, <c>/health/live</c> and <c>/health/ready</c>.</summary>
internal static class StatusEndpoints
{
    public static async Task StatusAsync(HttpContext context, NodeServices node)
    {
        try
        {
            var status = await node.Replica.GetStatusAsync(context.RequestAborted).ConfigureAwait(false);
            await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("node_id", status.NodeId);
                json.WriteString("cluster_id", node.Options.ClusterId);
                json.WriteString("role", status.Role);
                json.WriteNumber("term", status.Term);
                json.WriteNumber("leader_id", status.LeaderId);
                WriteNullable(json, "leader_addr", status.LeaderId == 0 ? null : node.Members.RpcAddress(status.LeaderId));
                WriteNullable(json, "leader_http_addr", status.LeaderId == 0 ? null : node.Members.HttpAddress(status.LeaderId));
                json.WriteNumber("commit_index", status.CommitIndex);
                json.WriteNumber("applied_index", status.AppliedIndex);
                json.WriteNumber("first_index", status.FirstIndex);
                json.WriteNumber("last_index", status.LastIndex);
                json.WriteNumber("log_bytes", status.LogBytes);
                json.WriteNumber("snapshot_index", status.SnapshotIndex);
                json.WriteNumber("pending_proposals", status.PendingProposals);
                json.WriteString("rpc_addr", node.Options.RpcAddr);
                json.WriteString("http_addr", node.Options.HttpAddr);
                json.WriteStartArray("members");
                foreach (var member in status.Members)
                {
                    json.WriteStartObject();
                    json.WriteNumber("node_id", member.NodeId);
                    WriteNullable(json, "addr", node.Members.RpcAddress(member.NodeId));
                    WriteNullable(json, "http_addr", node.Members.HttpAddress(member.NodeId));
                    json.WriteString("role", member.Role);
                    if (member.MatchIndex is { } match)
                    {
                        json.WriteNumber("match_index", match);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }).ConfigureAwait(false);
            node.Metrics.Request("/v1/status", StatusCodes.Status200OK);
        }
        catch (GatewayException e)
        {
            await JsonResponses.ErrorAsync(context, HttpErrors.StatusOf(e.Code), e.Code, e.Message, node.Replica.NodeId).ConfigureAwait(false);
            node.Metrics.Request("/v1/status", HttpErrors.StatusOf(e.Code));
        }
    }

    public static Task LiveAsync(HttpContext context, NodeServices node) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteString("status", "live");
            json.WriteNumber("node_id", node.Replica.NodeId);
            json.WriteEndObject();
        });

    public static async Task ReadyAsync(HttpContext context, NodeServices node)
    {
        bool ready;
        string reason;
        try
        {
            var status = await node.Replica.GetStatusAsync(context.RequestAborted).ConfigureAwait(false);
            (ready, reason) = node.Readiness.Check(status);
        }
        catch (GatewayException e)
        {
            (ready, reason) = (false, e.Message);
        }

        await JsonResponses.WriteAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, json =>
        {
            json.WriteStartObject();
            json.WriteString("status", ready ? "ready" : "not_ready");
            json.WriteString("reason", reason);
            json.WriteNumber("node_id", node.Replica.NodeId);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
