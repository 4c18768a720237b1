using System.Globalization;
using System.Text.Json;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// A cluster of <c>reefdb serve</c> processes on loopback, in a temporary directory. Disposal kills every process
/// by id and deletes the directory. Waits are bounded; a failed wait reports every node's logs.
/// </summary>
internal sealed partial class TestCluster : IDisposable
{
    // Generous: CI runs every test project at once on two cores, and a slow start must not read as a failure.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string root = System.IO.Directory.CreateTempSubdirectory("reefdb-cluster-").FullName;

    private readonly List<NodeProcess> processes;
    private readonly string[] extraArguments;

    /// <param name="size">Voters the cluster is bootstrapped with.</param>
    /// <param name="extraArguments">More <c>reefdb serve</c> flags for every node (snapshot thresholds, limits).</param>
    public TestCluster(int size, params string[] extraArguments)
    {
        this.extraArguments = extraArguments;
        var addresses = Enumerable.Range(1, size)
            .Select(i => (Id: (ulong)i, Http: $"127.0.0.1:{Ports.Free()}", Rpc: $"127.0.0.1:{Ports.Free()}"))
            .ToList();
        var peers = string.Join(',', addresses.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Id}={a.Rpc}/{a.Http}")));
        processes = [.. addresses.Select(a => new NodeProcess(a.Id, Path.Combine(root, $"node{a.Id}"), a.Http, a.Rpc, peers, extraArguments))];
    }

    /// <summary>Every node process of this cluster, including added ones and removed members.</summary>
    public IReadOnlyList<NodeProcess> Nodes => processes;

    public NodeProcess Node(ulong id) => Nodes.Single(n => n.NodeId == id);

    public void StartAll()
    {
        foreach (var node in Nodes)
        {
            node.Start();
        }
    }

    /// <summary>Waits until every running node in <paramref name="among"/> names the same leader, itself running.</summary>
    public async Task<NodeProcess> WaitForLeaderAsync(IEnumerable<NodeProcess>? among = null)
    {
        var nodes = (among ?? Nodes).ToList();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var leaders = new HashSet<ulong>();
            var answered = 0;
            foreach (var node in nodes)
            {
                if (await node.StatusAsync() is { } status)
                {
                    answered++;
                    leaders.Add(status.GetProperty("leader_id").GetUInt64());
                }
            }

            if (answered == nodes.Count && leaders.Count == 1 && leaders.Single() is var leader and not 0 && nodes.Any(n => n.NodeId == leader))
            {
                return Node(leader);
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw Failure("no single leader agreed by every node");
    }

    /// <summary>Polls a stale read on <paramref name="node"/> until <paramref name="done"/> holds for its rows.</summary>
    public async Task<JsonElement> WaitForRowsAsync(NodeProcess node, string sql, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement rows = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var (status, body) = await node.SqlAsync(TestNode.Json(new { sql }), "?consistency=stale");
                if (status == 200)
                {
                    rows = body.GetProperty("results")[0].GetProperty("rows");
                    if (done(rows))
                    {
                        return rows;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw Failure($"node {node.NodeId} never showed the expected rows for {sql}; last: {rows}");
    }

    public Exception Failure(string what) =>
        new Xunit.Sdk.XunitException(what + Environment.NewLine + string.Join(Environment.NewLine, Nodes.Select(n => n.Logs())));

    public void Dispose()
    {
        foreach (var node in Nodes)
        {
            node.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temporary directory is left behind.
        }
    }
}
