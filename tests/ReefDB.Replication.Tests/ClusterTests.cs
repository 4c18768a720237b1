using ReefDB.Replication.Tests.Transport;

namespace ReefDB.Replication.Tests;

/// <summary>Three replicas in one process: election, replication, apply order, restarts, snapshots, admin.</summary>
public sealed class ClusterTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_members_elect_one_leader_and_apply_the_same_writes_in_the_same_order()
    {
        await using var cluster = new InProcessCluster(3);
        await cluster.WriteAsync("CREATE TABLE t (seq INT PRIMARY KEY, prev INT)");
        // Each insert reads what is there: replicas that applied in another order would hold other values.
        for (var i = 1; i <= 30; i++)
        {
            await cluster.WriteAsync($"INSERT INTO t SELECT {i}, coalesce(max(seq), 0) FROM t");
        }

        var leader = await cluster.LeaderAsync();
        await cluster.WaitAppliedEverywhereAsync(leader.AppliedIndex);
        var expected = Batches.Query(leader, "SELECT seq, prev FROM t ORDER BY seq");
        Assert.Equal(30, expected.Count);
        Assert.All(cluster.Members.Values, m => Assert.Equal(expected, Batches.Query(m, "SELECT seq, prev FROM t ORDER BY seq")));
        Assert.Single(cluster.Members.Values, m => m.IsLeader);
    }

    [Fact]
    public async Task A_follower_refuses_writes_naming_the_leader_and_serves_linearizable_reads()
    {
        await using var cluster = new InProcessCluster(3);
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        var follower = cluster.Members.Values.First(m => !m.IsLeader);
        await follower.WaitForLeaderAsync(Ct);

        var refused = await Assert.ThrowsAsync<NotLeaderException>(() => follower.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (1)"), Ct));
        Assert.Equal(leader.NodeId, refused.LeaderId);
        await Assert.ThrowsAsync<NotLeaderException>(() => follower.LeaseReadAsync(Ct));

        await cluster.WriteAsync("INSERT INTO t VALUES (2)");
        var readIndex = await follower.ReadIndexAsync(Ct);
        Assert.True(follower.AppliedIndex >= readIndex);
        Assert.Equal(["2"], Batches.Query(follower, "SELECT id FROM t"));
    }

    [Fact]
    public async Task With_leases_on_a_lease_read_is_served_but_a_linearizable_read_still_needs_a_quorum()
    {
        await using var cluster = new InProcessCluster(3, o => o with { ReadOnlyOption = Raft.ReadOnlyOption.LeaseBased, ReadTimeout = TimeSpan.FromSeconds(2) });
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        Assert.True(await leader.LeaseReadAsync(Ct) >= 1);

        // Cut off, the leader may still hold its lease for a few ticks, but a linearizable read never uses it: it
        // waits for a heartbeat round that no quorum answers, and is refused (timeout, or no leader once it steps down).
        cluster.Network.Isolate(leader.NodeId);
        await Assert.ThrowsAsync<ProposalRefusedException>(() => leader.ReadIndexAsync(Ct));
    }

    [Fact]
    public async Task A_stopped_leader_is_replaced_and_catches_up_when_restarted()
    {
        await using var cluster = new InProcessCluster(3);
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var old = await cluster.LeaderAsync();
        cluster.Stop(old.NodeId);

        for (var i = 0; i < 10; i++)
        {
            await cluster.WriteAsync($"INSERT INTO t VALUES ({i})");
        }

        var leader = await cluster.LeaderAsync();
        Assert.NotEqual(old.NodeId, leader.NodeId);
        var restarted = cluster.Start(old.NodeId);
        await restarted.WaitForAppliedAsync(leader.AppliedIndex, Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(["10"], Batches.Query(restarted, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_member_behind_the_compacted_log_catches_up_by_a_streamed_snapshot()
    {
        await using var cluster = new InProcessCluster(3, o => o with { CompactionTail = 2 });
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        var lagging = cluster.Members.Keys.First(id => id != leader.NodeId);
        cluster.Stop(lagging);
        for (var i = 0; i < 40; i++)
        {
            await cluster.WriteAsync($"INSERT INTO t VALUES ({i})");
        }

        var snapshot = await leader.SnapshotNowAsync(Ct);
        Assert.True((await leader.GetStatusAsync(Ct)).FirstIndex > 3);

        var restarted = cluster.Start(lagging);
        await restarted.WaitForAppliedAsync(snapshot.Index, Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.True(cluster.Network.SnapshotsDelivered > 0);
        Assert.Equal(["40"], Batches.Query(restarted, "SELECT count(*) FROM t"));
        Assert.True((await restarted.GetStatusAsync(Ct)).SnapshotIndex >= snapshot.Index);

        // Replication goes on normally after the snapshot, and the member survives a restart from it.
        await cluster.WriteAsync("INSERT INTO t VALUES (100)");
        cluster.Stop(lagging);
        restarted = cluster.Start(lagging);
        await restarted.WaitForAppliedAsync(leader.AppliedIndex, Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(["41"], Batches.Query(restarted, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task Leadership_transfers_and_status_shows_members_with_their_match_index()
    {
        await using var cluster = new InProcessCluster(3);
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        var target = cluster.Members.Keys.First(id => id != leader.NodeId);
        await cluster.WaitAppliedEverywhereAsync(leader.AppliedIndex);

        var changes = new List<LeaderChange>();
        cluster.Members[target].LeaderChanged += (_, change) => changes.Add(change);
        await leader.TransferLeadershipAsync(target, Ct);
        var newLeader = await cluster.LeaderAsync();

        Assert.Equal(target, newLeader.NodeId);
        Assert.Contains(changes, c => c.LeaderId == target && c.Role == ReplicaRole.Leader);

        // A transfer skips the pre-vote: the target runs its election at once.
        Assert.DoesNotContain(changes, c => c.PreVote);
        Assert.Contains(changes, c => c.Role == ReplicaRole.Candidate && !c.PreVote);
        await cluster.WriteAsync("INSERT INTO t VALUES (1)");
        var status = await newLeader.GetStatusAsync(Ct);
        Assert.Equal(ReplicaRole.Leader, status.Role);
        Assert.Equal([1UL, 2UL, 3UL], status.Members.Select(m => m.NodeId));
        Assert.All(status.Members, m => Assert.NotNull(m.MatchIndex));
    }

    /// <summary>When the leader goes away a survivor first asks whether it could win (a pre-vote, in its old term),
    /// then runs the election in a new term: two events, told apart by <see cref="LeaderChange.PreVote"/>, so that a
    /// node counts only the election (its metric once counted every pre-vote).</summary>
    [Fact]
    public async Task A_survivor_reports_its_pre_vote_and_then_its_election_in_a_new_term()
    {
        await using var cluster = new InProcessCluster(3);
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        var leader = await cluster.LeaderAsync();
        var oldTerm = (await leader.GetStatusAsync(Ct)).Term;
        var changes = new System.Collections.Concurrent.ConcurrentQueue<LeaderChange>();
        foreach (var (id, member) in cluster.Members.Where(m => m.Key != leader.NodeId))
        {
            member.LeaderChanged += (_, change) => changes.Enqueue(change);
        }

        cluster.Stop(leader.NodeId);
        var newLeader = await cluster.LeaderAsync();

        Assert.NotEqual(leader.NodeId, newLeader.NodeId);
        var candidacies = changes.Where(c => c.Role == ReplicaRole.Candidate).ToList();
        Assert.Contains(candidacies, c => c.PreVote && c.Term == oldTerm);
        Assert.Contains(candidacies, c => !c.PreVote && c.Term > oldTerm);
        Assert.All(candidacies.Where(c => c.PreVote), c => Assert.Equal(oldTerm, c.Term));
    }

    [Fact]
    public async Task A_learner_is_added_catches_up_is_promoted_and_a_member_is_removed()
    {
        await using var cluster = new InProcessCluster(3);
        await cluster.WriteAsync("CREATE TABLE t (id INT PRIMARY KEY)");
        await cluster.WriteAsync("INSERT INTO t VALUES (1)");
        var leader = await cluster.LeaderAsync();

        var added = await leader.AddLearnerAsync(4, "addr-4"u8.ToArray(), Ct);
        Assert.Equal([4UL], added.Learners);
        var learner = cluster.Start(4, join: true);
        await learner.WaitForAppliedAsync(leader.AppliedIndex, Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(ReplicaRole.Learner, (await learner.GetStatusAsync(Ct)).Role);

        var promoted = await leader.PromoteLearnerAsync(4, Ct);
        Assert.Equal([1UL, 2UL, 3UL, 4UL], promoted.Voters);
        var removed = cluster.Members.Keys.First(id => id != leader.NodeId && id != 4);
        var after = await leader.RemoveMemberAsync(removed, Ct);
        Assert.DoesNotContain(removed, after.Voters);
        cluster.Stop(removed);

        await cluster.WriteAsync("INSERT INTO t VALUES (2)");
        await learner.WaitForAppliedAsync(leader.AppliedIndex, Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(["1", "2"], Batches.Query(learner, "SELECT id FROM t ORDER BY id"));
    }
}
