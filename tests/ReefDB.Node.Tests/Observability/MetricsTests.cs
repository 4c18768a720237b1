using System.Globalization;
using System.Text.RegularExpressions;
using ReefDB.Node.Configuration;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Observability;

/// <summary><c>GET /metrics</c> after real work: the counters and histograms a dashboard would read have moved.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Writes_reads_and_refusals_move_the_proposal_request_and_read_index_metrics()
    {
        await using var node = await TestNode.StartAsync();
        Assert.Equal(200, (await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""")).Status);
        Assert.Equal(200, (await node.PostSqlAsync("""{"sql": "INSERT INTO t VALUES (1)"}""")).Status);
        Assert.Equal(200, (await node.PostSqlAsync("""{"sql": "SELECT id FROM t"}""", "?consistency=linearizable")).Status);
        node.Replica.ProposeFailure = new Gateway.GatewayException(Gateway.GatewayErrorCode.Overloaded, "busy", retryable: true);
        Assert.Equal(503, (await node.PostSqlAsync("""{"sql": "INSERT INTO t VALUES (2)"}""")).Status);

        var text = await ScrapeAsync(node.Http);

        Assert.Equal(2, Value(text, "reefdb_proposals_total", """result="accepted" """.Trim()));
        Assert.Equal(1, Value(text, "reefdb_proposals_total", """result="refused" """.Trim()));
        Assert.Equal(2, Value(text, "reefdb_proposal_seconds_count"));
        Assert.Equal(1, Value(text, "reefdb_read_index_seconds_count"));
        Assert.Equal(3, Value(text, "reefdb_http_requests_total", """endpoint="/v1/sql",status="200" """.Trim()));
        Assert.Equal(1, Value(text, "reefdb_http_requests_total", """endpoint="/v1/sql",status="503" """.Trim()));
    }

    [Fact]
    public async Task A_real_two_node_cluster_exports_transport_fsync_apply_and_snapshot_metrics()
    {
        var root = Directory.CreateTempSubdirectory("reefdb-metrics-");
        try
        {
            var addresses = Enumerable.Range(1, 2).Select(i => (Id: (ulong)i, Rpc: $"127.0.0.1:{Ports.Free()}", Http: $"127.0.0.1:{Ports.Free()}")).ToList();
            var peers = addresses.Select(a => new PeerOptions(a.Id, a.Rpc, a.Http)).ToList();
            var nodes = new List<ReefNode>();
            foreach (var (id, rpc, http) in addresses)
            {
                nodes.Add(await ReefNode.StartAsync(new NodeOptions
                {
                    NodeId = id,
                    DataDir = Path.Combine(root.FullName, $"node{id}"),
                    RaftDir = Path.Combine(root.FullName, $"node{id}", "raft"),
                    RpcAddr = rpc,
                    HttpAddr = http,
                    Peers = peers,
                    Fsync = FsyncMode.None,
                    RaftTickMs = 20,
                    ElectionTick = 20,
                    LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
                }, cancellationToken: TestContext.Current.CancellationToken));
            }

            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://{addresses[0].Http}"), Timeout = TimeSpan.FromSeconds(30) };
                await WriteUntilAcceptedAsync(http, """{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""");
                await WriteUntilAcceptedAsync(http, """{"sql": "INSERT INTO t VALUES (1)"}""");
                using (var snapshot = await http.PostAsync("/v1/admin/snapshot", null, TestContext.Current.CancellationToken))
                {
                    Assert.True(snapshot.IsSuccessStatusCode, await snapshot.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                }

                var text = await ScrapeAsync(http);

                Assert.True(Value(text, "reefdb_raft_fsync_seconds_count") >= 1, text);
                Assert.True(Value(text, "reefdb_raft_apply_seconds_count") >= 2, text);
                Assert.Equal(1, Value(text, "reefdb_snapshot_take_seconds_count"));
                Assert.True(Value(text, "reefdb_snapshot_taken_bytes_sum") > 0, text);
                Assert.True(Value(text, "reefdb_transport_messages_sent_total", """peer="2" """.Trim()) >= 1, text);
                Assert.Contains("reefdb_transport_reconnects_total{peer=\"2\"}", text, StringComparison.Ordinal);
                Assert.True(Value(text, "reefdb_leader_changes_total") >= 1, text);
            }
            finally
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>Until a leader is elected the first writes answer 503 no_leader; any node forwards after that.</summary>
    private static async Task WriteUntilAcceptedAsync(HttpClient http, string json)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/v1/sql", content, TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(attempt < 600, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The value of the sample <paramref name="name"/>{<paramref name="labels"/>} in Prometheus text format.</summary>
    private static double Value(string text, string name, string labels = "")
    {
        var pattern = labels.Length == 0 ? $@"^{Regex.Escape(name)} (\S+)$" : $@"^{Regex.Escape(name)}\{{{Regex.Escape(labels)}\}} (\S+)$";
        var match = Regex.Match(text, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"no sample {name}{{{labels}}} in\n{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
