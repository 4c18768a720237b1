using System.Text.Json;
using ReefDB.Node.Configuration;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests;

/// <summary>
/// Bootstrap (issue 5): the first start forms the cluster of the configured peers; identity (cluster id, node id) and
/// membership persist in the raft directory, so a restart ignores <c>peers</c> and a directory of another node or
/// cluster is refused.
/// </summary>
public sealed class BootstrapTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("reefdb-bootstrap-");

    [Fact]
    public async Task A_restart_keeps_its_membership_and_data_and_ignores_the_configured_peers()
    {
        var options = Options(1);
        await using (var first = await ReefNode.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken))
        {
            using var http = Client(first);
            await InProcessCluster.WriteUntilAcceptedAsync(http, """{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""");
            await InProcessCluster.WriteUntilAcceptedAsync(http, """{"sql": "INSERT INTO t VALUES (42)"}""");
        }

        // Peers that do not exist: were they taken, the node could never win an election among three voters.
        var restarted = options with
        {
            Peers =
            [
                new PeerOptions(1, options.RpcAddr, options.HttpAddr),
                new PeerOptions(2, $"127.0.0.1:{Ports.Free()}"),
                new PeerOptions(3, $"127.0.0.1:{Ports.Free()}"),
            ],
        };
        await using var second = await ReefNode.StartAsync(restarted, cancellationToken: TestContext.Current.CancellationToken);
        using var client = Client(second);
        await InProcessCluster.WriteUntilAcceptedAsync(client, """{"sql": "INSERT INTO t VALUES (43)"}""");
        var status = JsonDocument.Parse(await client.GetStringAsync("/v1/status", TestContext.Current.CancellationToken)).RootElement;
        using var content = new StringContent("""{"sql": "SELECT id FROM t ORDER BY id"}""", System.Text.Encoding.UTF8, "application/json");
        using var read = await client.PostAsync("/v1/sql", content, TestContext.Current.CancellationToken);
        var rows = JsonDocument.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal("leader", status.GetProperty("role").GetString());
        Assert.Equal([1UL], status.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("node_id").GetUInt64()));
        Assert.Equal("[[42],[43]]", rows.GetProperty("results")[0].GetProperty("rows").GetRawText());
    }

    [Fact]
    public async Task A_raft_directory_of_another_node_or_cluster_is_refused()
    {
        var options = Options(1);
        await using (var first = await ReefNode.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken))
        {
            using var http = Client(first);
            await InProcessCluster.WriteUntilAcceptedAsync(http, """{"sql": "SELECT 1"}""");
        }

        var otherNode = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ReefNode.StartAsync(options with { NodeId = 2, Peers = [new PeerOptions(2, options.RpcAddr, options.HttpAddr)] }, cancellationToken: TestContext.Current.CancellationToken));
        var otherCluster = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ReefNode.StartAsync(options with { ClusterId = "elsewhere" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("node", otherNode.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cluster", otherCluster.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temporary directory is left behind.
        }
    }

    private NodeOptions Options(ulong id) => new()
    {
        NodeId = id,
        DataDir = Path.Combine(root.FullName, "data"),
        RaftDir = Path.Combine(root.FullName, "data", "raft"),
        RpcAddr = $"127.0.0.1:{Ports.Free()}",
        HttpAddr = $"127.0.0.1:{Ports.Free()}",
        Fsync = FsyncMode.None,
        RaftTickMs = 20,
        ElectionTick = 20,
        LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    private static HttpClient Client(ReefNode node) =>
        new() { BaseAddress = new Uri($"http://{node.Options.HttpAddr}"), Timeout = TimeSpan.FromSeconds(30) };
}
