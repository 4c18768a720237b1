using System.Text.Json;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>A follower that was down while the log was compacted past it comes back by installing a snapshot.</summary>
[Collection(nameof(ProcessCollection))]
public sealed class SnapshotCatchUpTests
{
    [Fact]
    public async Task A_follower_restarted_after_the_log_was_compacted_past_it_catches_up_by_snapshot()
    {
        // A snapshot every 20 applied entries keeping 5 entries of log before it: a few dozen writes leave a stopped
        // follower behind the first index on the leader.
        using var cluster = new TestCluster(3, "--snapshot-entries", "20", "--snapshot-tail-entries", "5");
        cluster.StartAll();
        var leader = await cluster.WaitForLeaderAsync();
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, v text)", "client_id": "ddl", "seq": 1}""");
        var next = await WriteAsync(cluster, 1, 10);

        var follower = cluster.Nodes.First(n => n != leader);
        var survivors = cluster.Nodes.Where(n => n != follower).ToList();
        follower.Kill();
        // The follower holds at most what the survivors had when it died.
        var behind = (await Task.WhenAll(survivors.Select(cluster.StatusOfAsync))).Max(s => Index(s, "last_index"));

        var compacted = 0UL;
        await cluster.WaitUntilAsync(
            async () =>
            {
                next = await WriteAsync(cluster, next, 5, survivors);
                compacted = (await Task.WhenAll(survivors.Select(cluster.StatusOfAsync))).Min(s => Index(s, "first_index"));
                return compacted > behind + 1;
            },
            () => $"the survivors compact their logs past index {behind}; first index {compacted}");

        follower.Start();
        var rows = await cluster.WaitForSameRowsAsync(leader, follower, "SELECT id, v FROM t ORDER BY id");
        Assert.StartsWith("""[[1,"value 1"],""", rows, StringComparison.Ordinal);
        var status = await cluster.StatusOfAsync(follower);
        Assert.True(
            Index(status, "snapshot_index") > behind,
            $"the follower's snapshot index {Index(status, "snapshot_index")} shows it installed one past its log end {behind}");

        var metrics = await PrometheusText.ScrapeAsync(follower.Http);
        Assert.True(PrometheusText.Value(metrics, "reefdb_snapshot_install_seconds_count") >= 1, metrics);
        Assert.True(PrometheusText.Value(metrics, "reefdb_snapshot_installed_bytes_sum") > 0, metrics);
        Assert.True(PrometheusText.Value(metrics, "reefdb_snapshot_install_seconds_sum") > 0, metrics);
        Assert.Contains(
            Directory.GetFiles(follower.Directory, "err-*.log").SelectMany(File.ReadLines),
            line => line.Contains("installed snapshot", StringComparison.Ordinal));

        // After the snapshot, the log carries it on: later writes reach it as entries.
        next = await WriteAsync(cluster, next, 3);
        await cluster.WaitForRowsAsync(follower, "SELECT max(id) FROM t", r => r.GetRawText() == $"[[{next - 1}]]");
    }

    /// <summary>Writes ids <paramref name="from"/>, … (count of them) one at a time; returns the next id.</summary>
    private static async Task<int> WriteAsync(TestCluster cluster, int from, int count, IEnumerable<NodeProcess>? among = null)
    {
        for (var id = from; id < from + count; id++)
        {
            var json = TestNode.Json(new { sql = "INSERT INTO t VALUES ($1, $2)", @params = new object[] { id, $"value {id}" }, client_id = "snapshot-test", seq = id });
            await cluster.ExecuteAsync(json, among);
        }

        return from + count;
    }

    private static ulong Index(JsonElement status, string name) => status.GetProperty(name).GetUInt64();
}
