using ReefDB.Node.Observability;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Observability;

/// <summary>
/// Every metric issue 5 lists is on <c>GET /metrics</c> of a live node from the start, with its type, including the
/// ones whose event has not happened yet (a follower that never installed a snapshot shows an empty histogram):
/// a dashboard or an alert must find the series before the first incident, not after it.
/// </summary>
public sealed class MetricFamiliesTests
{
    /// <summary>Issue 5's list ("Metrics"), plus the JIT counters (a slow start explained), as family name → Prometheus type.</summary>
    private static readonly (string Name, string Type)[] Required =
    [
        ("reefdb_raft_role", "gauge"),
        ("reefdb_raft_term", "gauge"),
        ("reefdb_leader_changes_total", "counter"),
        ("reefdb_elections_total", "counter"),
        ("reefdb_raft_commit_index", "gauge"),
        ("reefdb_raft_applied_index", "gauge"),
        ("reefdb_raft_log_entries", "gauge"),
        ("reefdb_raft_log_bytes", "gauge"),
        ("reefdb_snapshot_take_seconds", "histogram"),
        ("reefdb_snapshot_taken_bytes", "histogram"),
        ("reefdb_snapshot_install_seconds", "histogram"),
        ("reefdb_snapshot_installed_bytes", "histogram"),
        ("reefdb_proposals_total", "counter"),
        ("reefdb_proposal_seconds", "histogram"),
        (SlowOperationLog.FsyncInstrument, "histogram"),
        (SlowOperationLog.ApplyInstrument, "histogram"),
        ("reefdb_read_index_seconds", "histogram"),
        ("reefdb_transport_messages_sent_total", "counter"),
        ("reefdb_transport_messages_dropped_total", "counter"),
        ("reefdb_transport_send_failures_total", "counter"),
        ("reefdb_transport_reconnects_total", "counter"),
        ("reefdb_http_requests_total", "counter"),
        (RuntimeMetrics.CompiledMethods, "counter"),
        ("reefdb_jit_compilation_seconds_total", "counter"),
    ];

    [Fact]
    public async Task A_live_leader_and_follower_export_every_required_family_with_its_type_and_series()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        using var first = cluster.Http(0);
        using var second = cluster.Http(1);
        await InProcessCluster.WriteUntilAcceptedAsync(first, """{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""");
        await InProcessCluster.WriteUntilAcceptedAsync(second, """{"sql": "INSERT INTO t VALUES (1)"}""");

        foreach (var (http, peer) in new[] { (first, "2"), (second, "1") })
        {
            var text = await PrometheusText.ScrapeAsync(http);
            var missing = Required
                .Where(family => PrometheusText.FamilyType(text, family.Name) != family.Type)
                .Select(family => $"{family.Name} ({family.Type}, exported as {PrometheusText.FamilyType(text, family.Name) ?? "nothing"})")
                .ToList();
            Assert.True(missing.Count == 0, $"{http.BaseAddress} lacks {string.Join(", ", missing)}\n{text}");

            // Series a dashboard reads by label, present at their initial value.
            foreach (var result in new[] { "accepted", "refused", "failed" })
            {
                Assert.NotNull(PrometheusText.TryValue(text, "reefdb_proposals_total", $"result=\"{result}\""));
            }

            foreach (var name in new[] { "sent", "dropped" })
            {
                Assert.NotNull(PrometheusText.TryValue(text, $"reefdb_transport_messages_{name}_total", $"peer=\"{peer}\""));
            }

            Assert.NotNull(PrometheusText.TryValue(text, "reefdb_transport_send_failures_total", $"peer=\"{peer}\""));
            Assert.NotNull(PrometheusText.TryValue(text, "reefdb_transport_reconnects_total", $"peer=\"{peer}\""));
            Assert.Equal(1, PrometheusText.Value(text, "reefdb_raft_role", "role=\"leader\"") + PrometheusText.Value(text, "reefdb_raft_role", "role=\"follower\""));
            Assert.True(PrometheusText.Value(text, "reefdb_raft_applied_index") >= 2, text);
            Assert.Equal(0, PrometheusText.Value(text, "reefdb_snapshot_install_seconds_count"));
            Assert.True(PrometheusText.Value(text, "reefdb_http_requests_total", "endpoint=\"/v1/sql\",status=\"200\"") >= 1, text);
            // The test process has compiled its own code and the node's by now.
            Assert.True(PrometheusText.Value(text, RuntimeMetrics.CompiledMethods) > 0, text);
        }
    }
}
