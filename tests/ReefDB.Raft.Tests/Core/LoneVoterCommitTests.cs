using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Core;

/// <summary>
/// A leader that is the only voter commits its entries when it appends them, so one Ready carries them both to
/// persist and to apply (see <see cref="Ready"/>); every other group keeps counting the leader only on Advance, and
/// no message leaves before entries that its commit index covers are durable.
/// </summary>
public sealed class LoneVoterCommitTests
{
    [Fact]
    public void A_lone_voters_write_takes_one_ready_whose_hard_state_commits_it_and_must_sync()
    {
        var node = LoneLeader(new Membership([1]));
        node.Raft.Propose("a"u8.ToArray());
        node.Raft.Propose("b"u8.ToArray());

        var ready = node.Raft.GetReady();

        Assert.Equal(ready.Entries.Select(e => e.Index), ready.CommittedEntries.Select(e => e.Index));
        Assert.Equal(ready.Entries[^1].Index, ready.HardState?.Commit);
        Assert.True(ready.MustSync);
        Persist(node, ready);
        node.Raft.Advance(ready);
        Assert.False(node.Raft.HasReady);
    }

    /// <summary>The per-Ready limit on committed bytes still holds when the committed entries are the Ready's own.
    /// </summary>
    [Fact]
    public void A_lone_voter_applies_a_large_batch_over_several_readies_under_the_committed_size_limit()
    {
        var cluster = new TestCluster(0, id => new RaftConfig { Id = id, Random = new Random(7), MaxCommittedSizePerReady = 4 });
        var node = cluster.Add(1, new Membership([1]));
        cluster.Elect(1);
        node.Raft.ProposeBatch(["aaa"u8.ToArray(), "bbb"u8.ToArray(), "ccc"u8.ToArray()]);

        var ready = node.Raft.GetReady();

        Assert.Equal(3, ready.Entries.Count);
        Assert.Equal("aaa"u8.ToArray(), Assert.Single(ready.CommittedEntries).Data.ToArray());
        Persist(node, ready);
        node.Raft.Advance(ready);
        cluster.Stabilize();
        Assert.Equal(["bbb", "ccc"], node.AppliedText());
    }

    [Fact]
    public void A_leader_with_a_second_voter_still_waits_for_its_acknowledgement()
    {
        var cluster = new TestCluster(2);
        cluster.Elect(1);
        var leader = cluster[1];
        leader.Raft.Propose("x"u8.ToArray());

        var ready = leader.Raft.GetReady();
        var index = Assert.Single(ready.Entries).Index;
        Assert.Empty(ready.CommittedEntries);
        var append = Assert.Single(ready.EarlyMessages, m => m.Type == MessageType.Append);
        Persist(leader, ready);
        leader.Raft.Advance(ready);
        Assert.Equal(index - 1, leader.Raft.Status.HardState.Commit);

        cluster[2].Raft.Step(append);
        foreach (var ack in cluster[2].HandleReady())
        {
            leader.Raft.Step(ack);
        }

        Assert.Equal(index, leader.Raft.Status.HardState.Commit);
    }

    /// <summary>A learner's append carries the commit index, which here covers an entry not yet durable on the only
    /// copy that counts: it must wait, or a crash before the write leaves the learner with an entry committed nowhere.
    /// </summary>
    [Fact]
    public void With_a_learner_a_lone_voter_sends_nothing_before_the_entries_its_commit_covers_are_durable()
    {
        var cluster = WithLearner();
        var leader = cluster[1];
        leader.Raft.Propose("x"u8.ToArray());

        var ready = leader.Raft.GetReady();

        var index = Assert.Single(ready.Entries).Index;
        Assert.Equal(index, Assert.Single(ready.CommittedEntries).Index);
        Assert.Empty(ready.EarlyMessages);
        var append = Assert.Single(ready.MessagesAfterPersist, m => m.Type == MessageType.Append && m.To == 2);
        Assert.Equal(index, append.Commit);
    }

    [Fact]
    public void A_lone_voter_adding_a_voter_does_not_commit_the_change_alone()
    {
        var node = LoneLeader(new Membership([1]));
        node.Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddVoter, 2));

        var ready = node.Raft.GetReady();

        Assert.Equal(EntryType.ConfChange, Assert.Single(ready.Entries).Type);
        Assert.Empty(ready.CommittedEntries);
        Persist(node, ready);
        node.Raft.Advance(ready);
        Assert.Equal(ready.Entries[0].Index - 1, node.Raft.Status.HardState.Commit);
    }

    /// <summary>A membership change counts under the membership it produces (dissertation §4.1): once the other voter is
    /// removed, the leader's own copy is the quorum for the removal itself.</summary>
    [Fact]
    public void Removing_the_other_voter_commits_the_removal_in_the_ready_that_carries_it()
    {
        var cluster = new TestCluster(2);
        cluster.Elect(1);
        var leader = cluster[1];
        leader.Raft.ProposeConfChange(new ConfChange(ConfChangeType.RemoveNode, 2));

        var ready = leader.Raft.GetReady();

        var removal = Assert.Single(ready.Entries);
        Assert.Equal(removal.Index, Assert.Single(ready.CommittedEntries).Index);
        Assert.Empty(ready.EarlyMessages);
    }

    /// <summary>The commit a lone voter makes before persisting lives only in memory: a crash before the write loses
    /// the entry, never the log's consistency (the persisted commit never runs ahead of the persisted entries).</summary>
    [Fact]
    public void A_lone_voter_that_crashes_before_persisting_restarts_without_the_entry()
    {
        var cluster = new TestCluster(1);
        cluster.Elect(1);
        var before = cluster[1].Raft.Status;
        cluster[1].Raft.Propose("lost"u8.ToArray());
        _ = cluster[1].Raft.GetReady();

        cluster.Restart(1);

        var after = cluster[1].Raft.Status;
        Assert.Equal(before.LastIndex, after.LastIndex);
        Assert.Equal(before.HardState.Commit, after.HardState.Commit);
        cluster.Elect(1);
        cluster[1].Raft.Propose("kept"u8.ToArray());
        cluster.Stabilize();
        Assert.Equal(["kept"], cluster[1].AppliedText());
    }

    /// <summary>Stepping down before the Ready is taken keeps what was committed: it is still persisted, then applied.
    /// </summary>
    [Fact]
    public void A_lone_voter_that_sees_a_higher_term_before_its_ready_still_persists_then_applies_its_commit()
    {
        var node = LoneLeader(new Membership([1]));
        node.Raft.Propose("x"u8.ToArray());
        node.Raft.Step(new Message { Type = MessageType.Heartbeat, From = 2, To = 1, Term = node.Raft.Term + 1 });

        var ready = node.Raft.GetReady();

        Assert.Equal(RaftRole.Follower, node.Raft.Role);
        var entry = Assert.Single(ready.Entries);
        Assert.Equal(entry.Index, Assert.Single(ready.CommittedEntries).Index);
        Assert.Equal(entry.Index, ready.HardState?.Commit);
        Assert.Empty(ready.EarlyMessages);
    }

    [Fact]
    public void A_lone_voter_cannot_hand_leadership_to_a_learner()
    {
        var cluster = WithLearner();

        var refused = Assert.Throws<ProposalDroppedException>(() => cluster[1].Raft.TransferLeader(2));

        Assert.Equal(ProposalDropReason.NotMember, refused.Reason);
    }

    private static TestNode LoneLeader(Membership membership)
    {
        var cluster = new TestCluster(0);
        var node = cluster.Add(1, membership);
        cluster.Elect(1);
        Assert.Equal(RaftRole.Leader, node.Raft.Role);
        return node;
    }

    /// <summary>Voter 1 leading, learner 2 caught up.</summary>
    private static TestCluster WithLearner()
    {
        var cluster = new TestCluster(0);
        var membership = new Membership([1], [2]);
        cluster.Add(1, membership);
        cluster.Add(2, membership);
        cluster.Elect(1);
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        return cluster;
    }

    private static void Persist(TestNode node, Ready ready)
    {
        node.Storage.Append(ready.Entries);
        if (ready.HardState is { } hard)
        {
            node.Storage.SetHardState(hard);
        }
    }
}
