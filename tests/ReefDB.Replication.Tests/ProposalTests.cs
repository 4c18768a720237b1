using ReefDB.Replication.Tests.Transport;
using ReefDB.StateMachine;

namespace ReefDB.Replication.Tests;

/// <summary>How a leader with followers batches and answers writes (RaftReplica.Proposals.cs, RaftReplica.Drive.cs).</summary>
public sealed class ProposalTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_that_arrive_while_a_group_awaits_its_quorum_go_out_together_once_it_commits()
    {
        // Without check-quorum the leader keeps leading while it hears no answers (the followers still hear it).
        await using var cluster = new InProcessCluster(3, o => o with { CheckQuorum = false });
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        var followers = cluster.Members.Values.Where(m => m != leader).ToList();

        // The followers still receive appends, but their answers are lost: the first write stays uncommitted.
        foreach (var follower in followers)
        {
            cluster.Network.CutLink(follower.NodeId, leader.NodeId);
        }

        var lastBefore = (await leader.GetStatusAsync(Ct)).LastIndex;
        var first = leader.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (1)"), Ct);
        await WaitUntilAsync(async () => (await leader.GetStatusAsync(Ct)).LastIndex == lastBefore + 1);
        var appendsAfterFirst = leader.AppendCalls;

        Task<AppliedBatch>[] held = [.. Enumerable.Range(2, 3).Select(i => leader.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i})"), Ct))];
        await Task.Delay(200, Ct);
        Assert.Equal(lastBefore + 1, (await leader.GetStatusAsync(Ct)).LastIndex);
        Assert.Equal(appendsAfterFirst, leader.AppendCalls);
        Assert.False(first.IsCompleted);
        Assert.All(held, w => Assert.False(w.IsCompleted));

        cluster.Network.RestoreLinks();
        await first.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(20), Ct);

        // The three held writes went into the leader's log in one write (one fsync), right after the first committed.
        Assert.Equal(appendsAfterFirst + 1, leader.AppendCalls);
        Assert.Equal(lastBefore + 4, (await leader.GetStatusAsync(Ct)).LastIndex);
        await cluster.WaitAppliedEverywhereAsync(leader.AppliedIndex);
        Assert.All(cluster.Members.Values, m => Assert.Equal(["1", "2", "3", "4"], Batches.Query(m, "SELECT id FROM t ORDER BY id")));
    }

    [Fact]
    public async Task A_write_held_past_its_timeout_is_refused_and_never_applied()
    {
        await using var cluster = new InProcessCluster(3, o => o with { CheckQuorum = false, ProposalTimeout = TimeSpan.FromMilliseconds(500) });
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        foreach (var follower in cluster.Members.Values.Where(m => m != leader))
        {
            cluster.Network.CutLink(follower.NodeId, leader.NodeId);
        }

        var lastBefore = (await leader.GetStatusAsync(Ct)).LastIndex;
        var inRaft = leader.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (1)"), Ct);
        await WaitUntilAsync(async () => (await leader.GetStatusAsync(Ct)).LastIndex == lastBefore + 1);
        var held = leader.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (2)"), Ct);

        // The first was handed to Raft: its outcome is unknown. The second never was: refused, safe to retry.
        await Assert.ThrowsAsync<OutcomeUnknownException>(() => inRaft);
        var refused = await Assert.ThrowsAsync<ProposalRefusedException>(() => held);
        Assert.Equal(RefusalReason.Timeout, refused.Reason);
        Assert.True(refused.IsRetryable);

        cluster.Network.RestoreLinks();
        await cluster.WriteAsync("INSERT INTO t VALUES (3)");
        await cluster.WaitAppliedEverywhereAsync(leader.AppliedIndex);
        Assert.All(cluster.Members.Values, m => Assert.Equal(["1", "3"], Batches.Query(m, "SELECT id FROM t ORDER BY id")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Answers_never_run_on_the_replica_threads_and_may_propose_again(bool inlineAnswers)
    {
        await using var cluster = new InProcessCluster(3, o => o with { InlineAnswers = inlineAnswers });
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        var threads = new List<string?>();

        // Each answer's continuation records its thread and proposes the next write from there, as a gateway answering
        // one request and taking the next would; the chain must neither deadlock nor run on the loop or apply thread.
        async Task ChainAsync(int id, int remaining)
        {
            await leader.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({id})"), Ct).ConfigureAwait(false);
            lock (threads)
            {
                threads.Add(Thread.CurrentThread.Name);
            }

            if (remaining > 1)
            {
                await ChainAsync(id + 1, remaining - 1).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(ChainAsync(1, 20), ChainAsync(101, 20)).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(40, threads.Count);
        Assert.All(threads, name => Assert.False(name?.StartsWith("reefdb-", StringComparison.Ordinal) ?? false, $"a continuation ran on {name}"));
        Assert.Equal(40, Batches.Query(leader, "SELECT id FROM t").Count);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(5, Ct);
        }
    }
}
