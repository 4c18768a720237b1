using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// Followers forward writes to the leader over one <c>Sql.Forward</c> stream each (issue 5): under many concurrent
/// clients every write gets its own outcome, and when the leader is killed with writes in flight each one ends
/// with a clear answer (outcome unknown or retryable), none hangs, and the new leader's stream takes over.
/// </summary>
[Collection(nameof(ProcessCollection))]
public sealed class ForwardStreamClusterTests
{
    [Fact]
    public async Task Concurrent_writes_through_followers_get_their_own_outcomes_and_survive_a_leader_kill()
    {
        using var cluster = new TestCluster(3);
        cluster.StartAll();
        var leader = await cluster.WaitForLeaderAsync();
        await cluster.ExecuteAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, v text)", "client_id": "ddl", "seq": 1}""");
        var followers = cluster.Nodes.Where(n => n != leader).ToList();

        // 200 writes over 32 tasks through the followers; every tenth is a transaction that repeats its own key.
        var answers = new ConcurrentDictionary<int, (int Status, JsonElement Body)>();
        await Parallel.ForAsync(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = TestContext.Current.CancellationToken }, async (task, _) =>
        {
            for (var id = task; id < 200; id += 32)
            {
                var json = id % 10 == 7
                    ? Invariant($$"""{"statements": [{"sql": "INSERT INTO t VALUES ({{id}}, 'a')"}, {"sql": "INSERT INTO t VALUES ({{id}}, 'b')"}], "transaction": true}""")
                    : Invariant($$"""{"sql": "INSERT INTO t VALUES ({{id}}, 'v')"}""");
                answers[id] = await followers[task % 2].SqlAsync(json);
            }
        });

        foreach (var (id, (status, body)) in answers)
        {
            if (id % 10 == 7)
            {
                Assert.Equal((400, "23505", 1), (status, body.GetProperty("error").GetProperty("code").GetString(), body.GetProperty("error").GetProperty("statement").GetInt32()));
            }
            else
            {
                Assert.True(status == 200, $"write {id}: {status} {body}");
                Assert.Equal(1, body.GetProperty("results")[0].GetProperty("rows_affected").GetInt32());
            }
        }

        var indexes = answers.Where(a => a.Key % 10 != 7).Select(a => a.Value.Body.GetProperty("raft_index").GetUInt64()).ToList();
        Assert.Equal(indexes.Count, indexes.Distinct().Count());

        // Writers keep going through both followers while the leader is killed.
        var outcomes = new ConcurrentBag<string>();
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var id = 1000 + w; !stop.IsCancellationRequested; id += 16)
            {
                var outcome = await OutcomeAsync(followers[w % 2], Invariant($$"""{"sql": "INSERT INTO t VALUES ({{id}}, 'k')", "client_id": "w{{w}}", "seq": {{id}}}"""));
                outcomes.Add(outcome);
                if (outcome == "200")
                {
                    Interlocked.Increment(ref acknowledged);
                }
            }
        })).ToList();
        await cluster.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref acknowledged) >= 50), () => "50 writes before the kill");
        leader.Kill();
        var newLeader = await cluster.WaitForLeaderAsync(followers);
        var before = Volatile.Read(ref acknowledged);
        await cluster.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref acknowledged) >= before + 50), () => "50 writes after the election");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // Each attempt answered: acknowledged, retryable (503) or outcome unknown (504); no other error, no hang.
        Assert.All(outcomes, o => Assert.True(o is "200" or "503" or "504", o));
        var otherFollower = followers.Single(n => n != newLeader);
        var (after, afterBody) = await otherFollower.SqlAsync("""{"sql": "INSERT INTO t VALUES (-1, 'after')"}""");
        Assert.True(after == 200, $"{after} {afterBody}");
    }

    private static async Task<string> OutcomeAsync(NodeProcess node, string json)
    {
        try
        {
            var (status, _) = await node.SqlAsync(json);
            return status.ToString(CultureInfo.InvariantCulture);
        }
        catch (TaskCanceledException)
        {
            return "no answer within the client's timeout";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
