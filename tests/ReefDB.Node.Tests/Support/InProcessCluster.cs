using ReefDB.Node.Configuration;

namespace ReefDB.Node.Tests.Support;

/// <summary>
/// Real <see cref="ReefNode"/>s (durable replica, gRPC transport, Kestrel) in this process, on loopback ports chosen
/// at run time, in a temporary directory that disposal deletes. Faster than processes; for what needs no kill -9.
/// </summary>
internal sealed class InProcessCluster : IAsyncDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("reefdb-inproc-");
    private readonly List<ReefNode> nodes = [];

    private InProcessCluster()
    {
    }

    public IReadOnlyList<ReefNode> Nodes => nodes;

    /// <summary>Starts <paramref name="size"/> voters that bootstrap one cluster (fsync off, 20 ms ticks).</summary>
    public static async Task<InProcessCluster> StartAsync(int size, Func<NodeOptions, NodeOptions>? configure = null)
    {
        var cluster = new InProcessCluster();
        var addresses = Enumerable.Range(1, size).Select(i => (Id: (ulong)i, Rpc: $"127.0.0.1:{Ports.Free()}", Http: $"127.0.0.1:{Ports.Free()}")).ToList();
        var peers = addresses.Select(a => new PeerOptions(a.Id, a.Rpc, a.Http)).ToList();
        try
        {
            foreach (var (id, rpc, http) in addresses)
            {
                var options = new NodeOptions
                {
                    NodeId = id,
                    DataDir = Path.Combine(cluster.root.FullName, $"node{id}"),
                    RaftDir = Path.Combine(cluster.root.FullName, $"node{id}", "raft"),
                    RpcAddr = rpc,
                    HttpAddr = http,
                    Peers = peers,
                    Fsync = FsyncMode.None,
                    RaftTickMs = 20,
                    ElectionTick = 20,
                    LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
                };
                cluster.nodes.Add(await ReefNode.StartAsync(configure?.Invoke(options) ?? options, cancellationToken: TestContext.Current.CancellationToken));
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public HttpClient Http(int index) =>
        new() { BaseAddress = new Uri($"http://{nodes[index].Options.HttpAddr}"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Until a leader is elected the first writes answer 503 no_leader; any node forwards after that.</summary>
    public static async Task WriteUntilAcceptedAsync(HttpClient http, string json)
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

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temporary directory is left behind.
        }
    }
}
