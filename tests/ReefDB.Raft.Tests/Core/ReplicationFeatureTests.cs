using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Core;

/// <summary>Replication features beyond the paper: batching, flow control, fast backtracking, overload, forwarding.</summary>
public sealed class ReplicationFeatureTests
{
    [Fact]
    public void Appends_are_batched_up_to_the_message_size_limit()
    {
        var node = new NodeFixture(1, [1, 2], configure: c => new RaftConfig
        {
            Id = c.Id,
            Random = c.Random,
            MaxSizePerMessage = 250,
            PreVote = false,
            CheckQuorum = false,
        });
        node.BecomeLeader();
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 1 });
        node.Drain();
        node.Raft.ProposeBatch([.. Enumerable.Range(0, 10).Select(_ => new ReadOnlyMemory<byte>(new byte[100]))]);
        var appends = node.Drain().Where(m => m.Type == MessageType.Append && m.Entries.Count > 0).ToList();
        Assert.All(appends, m => Assert.True(m.Entries.Count <= 2, $"{m.Entries.Count} entries in one message"));
        Assert.Equal(10, appends.Sum(m => m.Entries.Count));
    }

    [Fact]
    public void The_inflight_window_bounds_unacknowledged_appends()
    {
        var node = new NodeFixture(1, [1, 2], configure: c => new RaftConfig
        {
            Id = c.Id,
            Random = c.Random,
            MaxInflightMessages = 3,
            PreVote = false,
            CheckQuorum = false,
        });
        node.BecomeLeader();
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 1 });
        node.Drain();
        for (var i = 0; i < 10; i++)
        {
            node.Raft.Propose("x"u8.ToArray());
        }

        Assert.Equal(3, node.Drain().Count(m => m.Type == MessageType.Append && m.Entries.Count > 0));
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 3 });
        Assert.Contains(node.Drain(), m => m.Type == MessageType.Append);
    }

    /// <summary>Under a stream of writes the commit index rides on the appends that follow: a commit that moves while
    /// later entries are still unacknowledged sends no empty append of its own (with its answer, that doubled the
    /// leader's messages per write); once the commit catches up with the log, one empty append tells every follower.</summary>
    [Fact]
    public void The_commit_rides_on_later_appends_and_goes_out_alone_once_the_log_is_committed()
    {
        var node = LeaderWithWrites(commitOnlyAppends: true, "a", "b");

        // Entry 2 commits while entry 3 is on its way: nothing is sent for the commit alone.
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 2 });
        Assert.DoesNotContain(node.Drain(), m => m.Type == MessageType.Append);
        Assert.Equal(2UL, node.Raft.Status.HardState.Commit);

        // The next write's appends carry it.
        node.Raft.Propose("c"u8.ToArray());
        var carrying = node.Drain().Where(m => m.Type == MessageType.Append).ToList();
        Assert.Equal([2UL, 3UL], carrying.Select(m => m.To).Order());
        Assert.All(carrying, m => Assert.Equal(2UL, m.Commit));

        // The commit catches up with the log: an empty append tells each follower at once, not a heartbeat later.
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 4 });
        AssertOneAppendToEachFollower(node.Drain(), entries: 0, commit: 4);
    }

    /// <summary>The empty append for a commit that caught up with the log goes out with the next Ready, and only to
    /// followers that no append told meanwhile: a write proposed right after the acknowledgement (a leader releasing
    /// the writes it held for that commit) carries the commit, and no empty append follows.</summary>
    [Fact]
    public void A_write_proposed_right_after_the_commit_carries_it_instead_of_an_empty_append()
    {
        var node = LeaderWithWrites(commitOnlyAppends: true, "a");
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 2 });
        node.Raft.Propose("b"u8.ToArray());
        AssertOneAppendToEachFollower(node.Drain(), entries: 1, commit: 2);
    }

    /// <summary>With <see cref="RaftConfig.CommitOnlyAppends"/> off, a commit that catches up with the log sends
    /// nothing; the followers hear it with the next heartbeat.</summary>
    [Fact]
    public void Without_commit_only_appends_the_followers_hear_the_commit_with_the_next_heartbeat()
    {
        var node = LeaderWithWrites(commitOnlyAppends: false, "a");
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 2 });
        Assert.DoesNotContain(node.Drain(), m => m.Type == MessageType.Append);
        Assert.Equal(2UL, node.Raft.Status.HardState.Commit);

        node.Tick(1);
        var heartbeats = node.Drain().Where(m => m.Type == MessageType.Heartbeat).ToList();
        Assert.Equal([2UL, 3UL], heartbeats.Select(m => m.To).Order());
        // Each carries what that follower can commit: all it acknowledged (3 has not answered for entry 2 yet).
        Assert.Equal(2UL, heartbeats.Single(m => m.To == 2).Commit);
        Assert.Equal(1UL, heartbeats.Single(m => m.To == 3).Commit);
    }

    /// <summary>Followers 2 and 3 each got exactly one append, with that many entries and that commit index.</summary>
    private static void AssertOneAppendToEachFollower(List<Message> sent, int entries, ulong commit)
    {
        var appends = sent.Where(m => m.Type == MessageType.Append).ToList();
        Assert.Equal([2UL, 3UL], appends.Select(m => m.To).Order());
        Assert.All(appends, m =>
        {
            Assert.Equal(entries, m.Entries.Count);
            Assert.Equal(commit, m.Commit);
        });
    }

    /// <summary>A three-voter leader with entry 1 committed everywhere and <paramref name="writes"/> appended from index
    /// 2 on, unacknowledged.</summary>
    private static NodeFixture LeaderWithWrites(bool commitOnlyAppends, params string[] writes)
    {
        var node = new NodeFixture(1, [1, 2, 3], configure: c => new RaftConfig
        {
            Id = c.Id,
            Random = c.Random,
            PreVote = false,
            CheckQuorum = false,
            CommitOnlyAppends = commitOnlyAppends,
        });
        node.BecomeLeader();
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 1 });
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 3, To = 1, Term = 1, Index = 1 });
        node.Drain();
        foreach (var write in writes)
        {
            node.Raft.Propose(System.Text.Encoding.UTF8.GetBytes(write));
        }

        node.Drain();
        return node;
    }

    /// <summary>With conflict hints a follower whose long suffix diverged converges in a few round trips (one per
    /// term), not one per entry.</summary>
    [Fact]
    public void A_diverged_follower_converges_in_rounds_proportional_to_terms()
    {
        var leaderStorage = new MemoryRaftStorage(new Membership([1, 2, 3]));
        leaderStorage.Append([.. Enumerable.Range(1, 200).Select(i => new Entry(i <= 10 ? 1UL : 3UL, (ulong)i, EntryType.Normal, default))]);
        leaderStorage.SetHardState(new HardState(3, 0, 10));
        var followerStorage = new MemoryRaftStorage(new Membership([1, 2, 3]));
        followerStorage.Append([.. Enumerable.Range(1, 300).Select(i => new Entry(i <= 10 ? 1UL : 2UL, (ulong)i, EntryType.Normal, default))]);
        followerStorage.SetHardState(new HardState(2, 0, 10));
        var cluster = new TestCluster(0);
        cluster.Add(1, leaderStorage);
        cluster.Add(2, followerStorage);
        cluster.Add(3, leaderStorage.CloneForTest());
        cluster[1].Raft.Campaign();

        var rejections = 0;
        for (var round = 0; round < 100; round++)
        {
            cluster.ProcessReadies();
            rejections += cluster.InFlight.Count(m => m.Type == MessageType.AppendResponse && m.Reject && m.From == 2);
            if (cluster.Deliver() == 0 && !cluster.Nodes.Any(n => n.Raft.HasReady))
            {
                break;
            }
        }

        Assert.InRange(rejections, 1, 3);
        Assert.Equal(cluster[1].Storage.LastIndex, cluster[2].Storage.LastIndex);
        Assert.Equal(cluster[1].Storage.Term(150), cluster[2].Storage.Term(150));
    }

    [Fact]
    public void Proposals_beyond_the_uncommitted_limit_are_refused_until_entries_commit()
    {
        var cluster = new TestCluster(3, id => new RaftConfig
        {
            Id = id,
            Random = new Random((int)id),
            MaxUncommittedEntriesSize = 10,
            PreVote = false,
            CheckQuorum = false,
        });
        cluster.Elect(1);
        cluster.Isolate(1);
        cluster[1].Raft.Propose(new byte[6]);
        var refused = Assert.Throws<ProposalDroppedException>(() => cluster[1].Raft.Propose(new byte[6]));
        Assert.Equal(ProposalDropReason.UncommittedSizeLimit, refused.Reason);
        Assert.True(refused.IsRetryable);
        cluster.Heal();
        cluster.TickAll(1);
        cluster.Stabilize();
        cluster[1].Raft.Propose(new byte[6]);
    }

    [Fact]
    public void A_follower_forwards_proposals_to_the_leader()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[3].Raft.Propose("via-3"u8.ToArray());
        cluster.Stabilize();
        Assert.Equal(["via-3"], cluster[1].AppliedText());
    }

    [Fact]
    public void Forwarding_can_be_disabled_and_no_leader_means_no_proposal()
    {
        var cluster = new TestCluster(3, id => new RaftConfig { Id = id, Random = new Random((int)id), DisableProposalForwarding = true });
        Assert.Equal(ProposalDropReason.NoLeader,
            Assert.Throws<ProposalDroppedException>(() => cluster[2].Raft.Propose("x"u8.ToArray())).Reason);
        cluster.Elect(1);
        var error = Assert.Throws<ProposalDroppedException>(() => cluster[2].Raft.Propose("x"u8.ToArray()));
        Assert.Equal(ProposalDropReason.NotLeader, error.Reason);
        Assert.Equal(1UL, error.Leader);
    }

    [Fact]
    public void A_follower_behind_the_compaction_point_is_sent_a_snapshot()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);
        for (var i = 0; i < 5; i++)
        {
            cluster[1].Raft.Propose("e"u8.ToArray());
        }

        cluster.Stabilize();
        var leader = cluster[1];
        leader.Storage.CreateSnapshot(4, leader.Raft.MembershipAt(4), "image"u8.ToArray());
        leader.Storage.Compact(4);
        cluster.Heal();
        cluster.TickAll(1);
        cluster.Stabilize();
        Assert.Equal(4UL, cluster[3].InstalledSnapshot?.Metadata.Index);
        Assert.Equal(leader.Storage.LastIndex, cluster[3].Storage.LastIndex);
        Assert.All(leader.Raft.Status.Progress, p => Assert.Equal(ReefDB.Raft.Tracker.ProgressState.Replicate, p.State));
    }
}
