using System.Globalization;
using System.Text.Json;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Cluster;

/// <summary><c>reefdb serve --join ADDR</c> with real processes: a new node joins a running cluster as a learner,
/// catches up, is promoted, serves; restarted, it recovers without joining again.</summary>
[Collection(nameof(ProcessCollection))]
public sealed class JoinTests
{
    [Fact]
    public async Task A_node_started_with_join_catches_up_is_promoted_and_does_not_join_again_after_a_restart()
    {
        using var cluster = new TestCluster(1);
        cluster.StartAll();
        var leader = await cluster.WaitForLeaderAsync();
        Assert.Equal(200, (await leader.SqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""")).Status);
        for (var id = 1; id <= 5; id++)
        {
            Assert.Equal(200, (await leader.SqlAsync(TestNode.Json(new { sql = "INSERT INTO t VALUES ($1)", @params = new object[] { id } }))).Status);
        }

        var directory = Directory.CreateTempSubdirectory("reefdb-join-");
        var (http, rpc) = ($"127.0.0.1:{Ports.Free()}", $"127.0.0.1:{Ports.Free()}");
        using var joiner = new NodeProcess(2, directory.FullName, http, rpc, $"2={rpc}/{http}", ["--join", leader.RpcAddr]);
        try
        {
            joiner.Start();
            await cluster.WaitForRowsAsync(joiner, "SELECT count(*) FROM t", rows => rows.GetRawText() == "[[5]]");
            await WaitAsync(cluster, joiner, "node 2 promoted to voter", async () =>
                await leader.StatusAsync() is { } status && Role(status, 2) == "voter");

            // A write through the new member is forwarded to the leader and reaches both.
            // Retried exactly-once: the promotion may briefly leave node 2 without a known leader (503 no_leader).
            await WaitAsync(cluster, joiner, "a write through node 2", async () =>
                (await joiner.SqlAsync("""{"sql": "INSERT INTO t VALUES (6)", "client_id": "join-test", "seq": 1}""")).Status == 200);
            await cluster.WaitForRowsAsync(leader, "SELECT count(*) FROM t", rows => rows.GetRawText() == "[[6]]");

            // Two voters now: with node 2 down the cluster has no quorum, so the next write waits for its restart
            // (retried exactly-once: a timed-out attempt may have been applied).
            joiner.Kill();
            joiner.Start();
            await WaitAsync(cluster, joiner, "a write after node 2 restarted", async () =>
            {
                try
                {
                    return (await joiner.SqlAsync("""{"sql": "INSERT INTO t VALUES (7)", "client_id": "join-test", "seq": 2}""")).Status == 200;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            });
            await cluster.WaitForRowsAsync(leader, "SELECT count(*) FROM t", rows => rows.GetRawText() == "[[7]]");
            var joinRequests = Directory.GetFiles(directory.FullName, "*.log")
                .Sum(file => File.ReadLines(file).Count(line => line.Contains("to join the cluster", StringComparison.Ordinal)));
            Assert.True(joinRequests == 1, $"node 2 asked to join {joinRequests.ToString(CultureInfo.InvariantCulture)} times\n{joiner.Logs()}");
            Assert.Equal("voter", Role((await joiner.StatusAsync())!.Value, 2));
        }
        finally
        {
            joiner.Kill();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process: the temporary directory is left behind.
            }
        }
    }

    [Fact]
    public async Task A_node_joining_after_the_log_was_compacted_catches_up_by_snapshot_before_it_is_promoted()
    {
        // A snapshot every 20 applied entries keeping 5 entries of log: the leader soon holds no entry 1, so a new
        // member cannot be sent the log from the start and must be sent a snapshot.
        using var cluster = new TestCluster(1, "--snapshot-entries", "20", "--snapshot-tail-entries", "5");
        cluster.StartAll();
        var leader = await cluster.WaitForLeaderAsync();
        Assert.Equal(200, (await leader.SqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""")).Status);
        var written = 0;
        await cluster.WaitUntilAsync(
            async () =>
            {
                written++;
                Assert.Equal(200, (await leader.SqlAsync(TestNode.Json(new { sql = "INSERT INTO t VALUES ($1)", @params = new object[] { written } }))).Status);
                return Index(await cluster.StatusOfAsync(leader), "first_index") > 2;
            },
            () => $"the leader compacts its log ({written} writes)");

        var joiner = cluster.AddNode(leader.RpcAddr);
        joiner.Start();
        await cluster.WaitForRowsAsync(joiner, "SELECT count(*), min(id) FROM t", rows => rows.GetRawText() == $"[[{written},1]]");
        // The leader promotes a learner only once its match index reaches the commit index, and its log starts past
        // index 2: a voter here got its first entries from a snapshot.
        await WaitAsync(cluster, joiner, "node 2 promoted to voter", async () =>
            await leader.StatusAsync() is { } status && Role(status, 2) == "voter");

        var joined = await cluster.StatusOfAsync(joiner);
        Assert.True(Index(joined, "snapshot_index") >= 20, $"node 2's snapshot index: {joined}");
        var metrics = await PrometheusText.ScrapeAsync(joiner.Http);
        Assert.True(PrometheusText.Value(metrics, "reefdb_snapshot_install_seconds_count") >= 1, metrics);
        Assert.True(PrometheusText.Value(metrics, "reefdb_snapshot_installed_bytes_sum") > 0, metrics);
        var sent = await PrometheusText.ScrapeAsync(leader.Http);
        Assert.True(PrometheusText.Value(sent, "reefdb_transport_snapshots_sent_total", "peer=\"2\"") >= 1, sent);

        // A voter now: a write through it is forwarded, and it applies the following entries from the log.
        await WaitAsync(cluster, joiner, "a write through node 2", async () =>
            (await joiner.SqlAsync("""{"sql": "INSERT INTO t VALUES (0)", "client_id": "join-snapshot", "seq": 1}""")).Status == 200);
        await cluster.WaitForRowsAsync(joiner, "SELECT count(*) FROM t", rows => rows.GetRawText() == $"[[{written + 1}]]");
    }

    private static ulong Index(JsonElement status, string name) => status.GetProperty(name).GetUInt64();

    private static string? Role(JsonElement status, ulong nodeId) =>
        status.GetProperty("members").EnumerateArray()
            .Where(m => m.GetProperty("node_id").GetUInt64() == nodeId)
            .Select(m => m.GetProperty("role").GetString())
            .FirstOrDefault();

    private static async Task WaitAsync(TestCluster cluster, NodeProcess extra, string what, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TestCluster.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw cluster.Failure($"{what} did not happen\n{extra.Logs()}");
    }
}
