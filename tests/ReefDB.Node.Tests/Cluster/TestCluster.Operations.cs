using System.Globalization;
using System.Text.Json;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>Growing the cluster, admin calls on whichever node leads, and bounded waits on status and SQL.</summary>
internal sealed partial class TestCluster
{
    /// <summary>
    /// A new node process (not started) with the next id and fresh ports. It knows every member's address and starts
    /// with <c>--join</c>, so it does not bootstrap a cluster of its own but waits to be added by the leader.
    /// </summary>
    public NodeProcess AddNode(string joinAddr)
    {
        var id = processes.Max(n => n.NodeId) + 1;
        var http = $"127.0.0.1:{Ports.Free()}";
        var rpc = $"127.0.0.1:{Ports.Free()}";
        var peers = string.Join(
            ',',
            processes.Select(n => (n.NodeId, n.RpcAddr, n.HttpAddr)).Append((id, rpc, http))
                .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Item1}={a.Item2}/{a.Item3}")));
        var node = new NodeProcess(id, Path.Combine(root, $"node{id}"), http, rpc, peers, [.. extraArguments, "--join", joinAddr]);
        processes.Add(node);
        return node;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; a timeout fails with every node's logs.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw Failure("timed out waiting: " + what());
    }

    /// <summary>The node's <c>/v1/status</c> once it answers.</summary>
    public async Task<JsonElement> StatusOfAsync(NodeProcess node)
    {
        JsonElement? status = null;
        await WaitUntilAsync(async () => (status = await node.StatusAsync()) is not null, () => $"status of node {node.NodeId}");
        return status!.Value;
    }

    /// <summary>
    /// Sends one SQL request to the running nodes in turn until one answers 200 (a follower forwards writes). A
    /// retryable failure (connection refused, 503, 504: a leader change) moves on; any other status fails the test,
    /// so a request with <c>client_id</c> and <c>seq</c> is safe to retry and applies once.
    /// </summary>
    public async Task<JsonElement> ExecuteAsync(string json, IEnumerable<NodeProcess>? among = null, string query = "")
    {
        var targets = (among ?? Nodes).ToList();
        var deadline = DateTime.UtcNow + Patience;
        var last = "no attempt";
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var node = targets[attempt % targets.Count];
            if (node.Pid is null)
            {
                Assert.True(targets.Any(n => n.Pid is not null), "every node asked is down");
                continue;
            }

            try
            {
                var (status, body) = await node.SqlAsync(json, query);
                if (status == 200)
                {
                    return body;
                }

                last = $"{status} {body}";
                if (status is not (503 or 504))
                {
                    throw Failure($"{json} through node {node.NodeId}: {last}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw Failure($"{json} never succeeded; last answer: {last}");
    }

    /// <summary>An admin call on the node that leads now, retried while leadership is moving (503).</summary>
    public async Task<JsonElement> AdminAsync(HttpMethod method, string path, string? json = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = "no attempt";
        while (DateTime.UtcNow < deadline)
        {
            var leader = await WaitForLeaderAsync(Nodes.Where(n => n.Pid is not null));
            var (status, body) = await leader.SendAsync(method, path, json);
            if (status == 200)
            {
                return body;
            }

            last = $"{status} {body}";
            if (status != 503)
            {
                throw Failure($"{method} {path} {json} on node {leader.NodeId}: {last}");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw Failure($"{method} {path} {json} never succeeded; last answer: {last}");
    }

    /// <summary>Rows of a stale read on <paramref name="node"/> once it equals the same read's rows on <paramref name="reference"/>.</summary>
    public async Task<string> WaitForSameRowsAsync(NodeProcess reference, NodeProcess node, string sql)
    {
        var expected = (await ExecuteAsync(TestNode.Json(new { sql }), [reference], "?consistency=linearizable"))
            .GetProperty("results")[0].GetProperty("rows").GetRawText();
        await WaitForRowsAsync(node, sql, rows => rows.GetRawText() == expected);
        return expected;
    }
}
