using System.Globalization;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// A client that keeps writing in the background: <c>INSERT INTO t VALUES (id, via)</c> with ids 1, 2, 3, …, each
/// through the next of its target nodes (followers forward). Every write carries the writer's client id and the id
/// as its sequence number, and a failed attempt (node down, leader change, outcome unknown) is retried with the
/// same sequence until acknowledged, so ids 1..<see cref="Acknowledged"/> are exactly the rows it wrote: a lost or
/// doubled write shows as a wrong count or a duplicate-key error.
/// </summary>
/// <remarks>The table needs <c>id integer PRIMARY KEY, via integer</c>.</remarks>
internal sealed class ClusterWriter : IAsyncDisposable
{
    private readonly TestCluster cluster;
    private readonly string clientId;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private volatile NodeProcess[] targets;
    private int acknowledged;
    private int retries;

    public ClusterWriter(TestCluster cluster, string clientId, IEnumerable<NodeProcess> targets)
    {
        this.cluster = cluster;
        this.clientId = clientId;
        this.targets = [.. targets];
        loop = Task.Run(RunAsync);
    }

    /// <summary>Writes 1..this are acknowledged.</summary>
    public int Acknowledged => Volatile.Read(ref acknowledged);

    /// <summary>Attempts that failed and were retried.</summary>
    public int Retries => Volatile.Read(ref retries);

    /// <summary>The nodes writes rotate over (replace it when a member leaves or joins).</summary>
    public IReadOnlyList<NodeProcess> Targets
    {
        get => targets;
        set => targets = [.. value];
    }

    /// <summary>Waits until at least <paramref name="count"/> writes are acknowledged.</summary>
    public Task WaitForAcknowledgedAsync(int count) =>
        cluster.WaitUntilAsync(
            () =>
            {
                if (loop.IsFaulted)
                {
                    loop.GetAwaiter().GetResult();
                }

                return Task.FromResult(Acknowledged >= count);
            },
            () => $"{count} acknowledged writes from {clientId}; got {Acknowledged} with {Retries} retries");

    /// <summary>
    /// Waits until each of <paramref name="nodes"/> holds exactly the rows 1..<paramref name="count"/> (a stale read
    /// polled: followers apply a little later). The primary key makes count, min and max enough.
    /// </summary>
    public async Task WaitForAllOnAsync(IEnumerable<NodeProcess> nodes, int count)
    {
        var expected = string.Create(CultureInfo.InvariantCulture, $"[[{count},1,{count}]]");
        foreach (var node in nodes)
        {
            await cluster.WaitForRowsAsync(node, "SELECT count(*), min(id), max(id) FROM t", rows => rows.GetRawText() == expected);
        }
    }

    /// <summary>Stops after the write in progress is acknowledged; returns how many were.</summary>
    public async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        await loop;
        return Acknowledged;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (Exception)
        {
            // Disposal after a failed test: the test already reports why.
        }

        stop.Dispose();
    }

    private async Task RunAsync()
    {
        var deadline = DateTime.UtcNow + TestCluster.Patience;
        var turn = 0;
        for (var id = 1; ; id++)
        {
            // Once stop is asked, the id whose attempt failed is still retried: it may have been applied.
            var pending = false;
            while (true)
            {
                if (stop.IsCancellationRequested && !pending)
                {
                    return;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw cluster.Failure($"{clientId}: write {id} not acknowledged within {TestCluster.Patience}");
                }

                var nodes = targets;
                var node = nodes[turn++ % nodes.Length];
                if (node.Pid is not null && await TryWriteAsync(node, id))
                {
                    Volatile.Write(ref acknowledged, id);
                    deadline = DateTime.UtcNow + TestCluster.Patience;
                    break;
                }

                pending = true;
                Interlocked.Increment(ref retries);
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private async Task<bool> TryWriteAsync(NodeProcess node, int id)
    {
        var json = TestNode.Json(new
        {
            sql = "INSERT INTO t VALUES ($1, $2)",
            @params = new object[] { id, node.NodeId },
            client_id = clientId,
            seq = id,
        });
        try
        {
            var (status, body) = await node.SqlAsync(json);
            if (status is 200)
            {
                return true;
            }

            if (status is not (503 or 504))
            {
                throw cluster.Failure(string.Create(CultureInfo.InvariantCulture, $"{clientId}: write {id} through node {node.NodeId}: {status} {body}"));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The node is down or slow: the next one gets the same write.
        }

        return false;
    }
}
