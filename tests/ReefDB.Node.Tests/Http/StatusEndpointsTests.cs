using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Http;

public sealed class StatusEndpointsTests
{
    [Fact]
    public async Task Status_reports_role_term_indexes_and_members_with_addresses()
    {
        await using var node = await TestNode.StartAsync();
        await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer)"}""");

        var (status, body) = await node.GetAsync("/v1/status");

        Assert.Equal(200, status);
        Assert.Equal(1UL, body.GetProperty("node_id").GetUInt64());
        Assert.Equal("leader", body.GetProperty("role").GetString());
        Assert.Equal(1UL, body.GetProperty("leader_id").GetUInt64());
        Assert.Equal(node.Options.RpcAddr, body.GetProperty("leader_addr").GetString());
        Assert.Equal(1UL, body.GetProperty("applied_index").GetUInt64());
        foreach (var field in new[] { "term", "commit_index", "first_index", "last_index", "log_bytes", "snapshot_index" })
        {
            Assert.True(body.TryGetProperty(field, out _), field);
        }

        var member = Assert.Single(body.GetProperty("members").EnumerateArray());
        Assert.Equal(node.Options.RpcAddr, member.GetProperty("addr").GetString());
        Assert.Equal("voter", member.GetProperty("role").GetString());
        Assert.Equal(1UL, member.GetProperty("match_index").GetUInt64());
    }

    [Fact]
    public async Task Ready_needs_a_leader_and_live_does_not()
    {
        var replica = new FakeReplica { LeaderId = 0 };
        await using var node = await TestNode.StartAsync(replica);

        var (live, _) = await node.GetAsync("/health/live");
        var (notReady, why) = await node.GetAsync("/health/ready");
        replica.LeaderId = 1;
        var (ready, _) = await node.GetAsync("/health/ready");

        Assert.Equal(200, live);
        Assert.Equal(503, notReady);
        Assert.Equal("no leader is known", why.GetProperty("reason").GetString());
        Assert.Equal(200, ready);
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_prefixed_reefdb()
    {
        await using var node = await TestNode.StartAsync();
        await node.PostSqlAsync("""{"sql": "SELECT 1"}""");

        var text = await node.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("reefdb_raft_term 1", text, StringComparison.Ordinal);
        Assert.Contains("reefdb_raft_role{role=\"leader\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("reefdb_http_requests_total{endpoint=\"/v1/sql\",status=\"200\"} 1", text, StringComparison.Ordinal);
    }
}
