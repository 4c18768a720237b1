using System.Globalization;
using System.Text.Json;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// <c>log_format: json</c> on real processes: every line a node writes is one JSON object, and the events issue 5 asks
/// for are there with their fields as JSON values (not only inside the message): elections, leader changes,
/// membership changes, snapshots, slow applies and transport failures with their backoff state.
/// </summary>
[Collection(nameof(ProcessCollection))]
public sealed class StructuredLogTests
{
    [Fact]
    public async Task Json_logs_carry_elections_leader_changes_membership_snapshots_slow_applies_and_transport_backoff()
    {
        using var cluster = new TestCluster(3, "--log-format", "json", "--slow-apply-ms", "1");
        cluster.StartAll();
        var leader = await cluster.WaitForLeaderAsync();
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY)", "client_id": "json-logs", "seq": 1}""");
        // Tens of thousands of rows in one entry: far above a 1 ms apply on any machine.
        await cluster.ExecuteAsync("""{"sql": "INSERT INTO t SELECT g FROM generate_series(1, 50000) AS s(g)", "client_id": "json-logs", "seq": 2}""");
        await cluster.AdminAsync(HttpMethod.Post, "/v1/admin/snapshot");

        var follower = cluster.Nodes.First(n => n != leader);
        follower.Kill();
        await cluster.WaitUntilAsync(
            () => Task.FromResult(Events(leader).Any(e => IsStreamFailure(e, follower.NodeId))),
            () => $"node {leader.NodeId} logs the failed stream to node {follower.NodeId}");
        await cluster.AdminAsync(HttpMethod.Delete, $"/v1/admin/members/{follower.NodeId.ToString(CultureInfo.InvariantCulture)}");
        var survivors = cluster.Nodes.Where(n => n != follower).ToList();
        await cluster.WaitUntilAsync(
            () => Task.FromResult(survivors.All(n => Events(n).Any(e => Id(e) == 5006 && State(e, "Change").Contains("RemoveNode", StringComparison.Ordinal)))),
            () => "every survivor logs the removal");

        var events = cluster.Nodes.SelectMany(Events).ToList();
        Assert.Contains(events, e => Id(e) == 5014 && State(e, "Term").Length > 0);
        Assert.Contains(events, e => Id(e) == 5003 && State(e, "LeaderId") == leader.NodeId.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(Events(leader), e => Id(e) == 4006 && ulong.Parse(State(e, "Index"), CultureInfo.InvariantCulture) > 0);
        Assert.Contains(events, e => Id(e) == 5013 && State(e, "ThresholdMs") == "1" && double.Parse(State(e, "ElapsedMs"), CultureInfo.InvariantCulture) >= 1);
        var failure = Events(leader).First(e => IsStreamFailure(e, follower.NodeId));
        Assert.Equal("Warning", failure.GetProperty("LogLevel").GetString());
        Assert.True(double.Parse(State(failure, "DelayMs"), CultureInfo.InvariantCulture) > 0, failure.GetRawText());
        Assert.True(int.Parse(State(failure, "Failures"), CultureInfo.InvariantCulture) >= 1, failure.GetRawText());
    }

    private static bool IsStreamFailure(JsonElement e, ulong peer) =>
        e.TryGetProperty("State", out var state) && state.TryGetProperty("DelayMs", out _) && state.TryGetProperty("Failures", out _)
        && State(e, "Peer") == peer.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every line of the node's standard error, each of which must be one JSON log object.</summary>
    private static List<JsonElement> Events(NodeProcess node)
    {
        var events = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(node.Directory, "err-*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                JsonElement entry;
                try
                {
                    entry = JsonDocument.Parse(line).RootElement.Clone();
                }
                catch (JsonException e)
                {
                    // The line may be the one being written right now: only a complete line must parse.
                    if (reader.Peek() < 0)
                    {
                        break;
                    }

                    throw new Xunit.Sdk.XunitException($"node {node.NodeId} wrote a line that is not JSON ({e.Message}): {line}");
                }

                Assert.True(
                    entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("Timestamp", out _) && entry.TryGetProperty("LogLevel", out _)
                    && entry.TryGetProperty("Category", out _) && entry.TryGetProperty("Message", out _),
                    $"node {node.NodeId}: not a log object: {line}");
                events.Add(entry);
            }
        }

        return events;
    }

    private static int Id(JsonElement e) => e.TryGetProperty("EventId", out var id) ? id.GetInt32() : 0;

    /// <summary>A field of the event's state as text ("" when absent).</summary>
    private static string State(JsonElement e, string name) =>
        e.TryGetProperty("State", out var state) && state.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : "";
}
