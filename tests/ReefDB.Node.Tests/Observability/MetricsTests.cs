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
        node.Replica.ProposeFailure = new ReefDB.Node.Gateway.GatewayException(ReefDB.Node.Gateway.GatewayErrorCode.Overloaded, "busy", retryable: true);
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
        await using var cluster = await InProcessCluster.StartAsync(2);
        using var http = cluster.Http(0);
        await InProcessCluster.WriteUntilAcceptedAsync(http, """{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""");
        await InProcessCluster.WriteUntilAcceptedAsync(http, """{"sql": "INSERT INTO t VALUES (1)"}""");
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

    private static Task<string> ScrapeAsync(HttpClient http) => PrometheusText.ScrapeAsync(http);

    private static double Value(string text, string name, string labels = "") => PrometheusText.Value(text, name, labels);
}
