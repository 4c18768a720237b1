using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Core;

/// <summary>Single-server membership changes (dissertation §4.1-§4.2): effective when appended, one at a time.</summary>
public sealed class MembershipChangeTests
{
    private static readonly ulong[] Three = [1, 2, 3];

    /// <summary>§4.1: a follower uses a new membership as soon as it appends the entry, and goes back to the previous
    /// one if a new leader overwrites that uncommitted entry.</summary>
    [Fact]
    public void Membership_reverts_when_its_entry_is_overwritten()
    {
        var node = new NodeFixture(1, Three);
        var change = ConfChangeCodec.Encode(new ConfChange(ConfChangeType.AddVoter, 4), new Membership([1, 2, 3, 4]));
        node.Raft.Step(new Message
        {
            Type = MessageType.Append,
            From = 2,
            To = 1,
            Term = 1,
            Entries = [new Entry(1, 1, EntryType.ConfChange, change)],
        });
        Assert.Equal(new Membership([1, 2, 3, 4]), node.Raft.Membership);
        node.Raft.Step(NodeFixture.Append(3, 1, term: 2, index: 0, logTerm: 0, commit: 0, (2, 1)));
        Assert.Equal(new Membership(Three), node.Raft.Membership);
    }

    [Fact]
    public void A_restarted_node_replays_conf_changes_from_its_log()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[1].Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 4));
        cluster.Stabilize();
        cluster.Restart(2);
        Assert.Equal(new Membership(Three, [4]), cluster[2].Raft.Membership);
        Assert.Equal(new Membership(Three, [4]), cluster[2].Raft.MembershipAt(100));
        Assert.Equal(new Membership(Three), cluster[2].Raft.MembershipAt(1));
    }

    /// <summary>The fix to the single-server change bug: a new leader proposes no change before an entry of its own
    /// term is committed, and only one change may be uncommitted at a time.</summary>
    [Fact]
    public void Changes_wait_for_an_own_term_commit_and_for_each_other()
    {
        var node = new NodeFixture(1, Three);
        node.BecomeLeader();
        var early = Assert.Throws<ProposalDroppedException>(() => node.Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 4)));
        Assert.Equal(ProposalDropReason.ConfChangePending, early.Reason);

        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 1 });
        node.Drain();
        node.Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 4));
        Assert.True(node.Raft.Membership.IsLearner(4));
        var second = Assert.Throws<ProposalDroppedException>(() => node.Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 5)));
        Assert.Equal(ProposalDropReason.ConfChangePending, second.Reason);
    }

    [Fact]
    public void Invalid_changes_are_refused_and_not_retryable()
    {
        var cluster = new TestCluster(1);
        cluster.Elect(1);
        var error = Assert.Throws<ProposalDroppedException>(() => cluster[1].Raft.ProposeConfChange(new ConfChange(ConfChangeType.RemoveNode, 1)));
        Assert.Equal(ProposalDropReason.InvalidConfChange, error.Reason);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public void A_learner_catches_up_without_counting_toward_quorum()
    {
        var cluster = new TestCluster(3);
        cluster.Add(4, Membership.Empty);
        cluster.Elect(1);
        cluster[1].Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 4));
        cluster.Stabilize();
        Assert.Equal(new Membership(Three, [4]), cluster[4].Raft.Membership);

        cluster.Cut(1, 2);
        cluster.Cut(1, 3);
        cluster[1].Raft.Propose("x"u8.ToArray());
        cluster.Stabilize();
        Assert.Empty(cluster[1].AppliedText());
        Assert.Equal(cluster[1].Raft.Status.LastIndex, cluster[4].Raft.Status.LastIndex);

        cluster.TickAll(100);
        Assert.NotEqual(RaftRole.Candidate, cluster[4].Raft.Role);
        Assert.NotEqual(RaftRole.Leader, cluster[4].Raft.Role);
    }

    [Fact]
    public void A_promoted_learner_votes_and_counts()
    {
        var cluster = new TestCluster(1);
        cluster.Add(2, Membership.Empty);
        cluster.Elect(1);
        cluster[1].Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 2));
        cluster.Stabilize();
        cluster[1].Raft.ProposeConfChange(new ConfChange(ConfChangeType.PromoteLearner, 2));
        cluster.Stabilize();
        Assert.Equal(new Membership([1, 2]), cluster[2].Raft.Membership);

        cluster.Isolate(2);
        cluster[1].Raft.Propose("needs-2"u8.ToArray());
        cluster.Stabilize();
        Assert.Empty(cluster[1].AppliedText());
        cluster.Heal();
        cluster.TickAll(1);
        cluster.Stabilize();
        Assert.Equal(["needs-2"], cluster[1].AppliedText());
    }

    /// <summary>A node that joins after the log was compacted learns the membership from the snapshot.</summary>
    [Fact]
    public void A_joining_node_gets_the_membership_with_the_snapshot()
    {
        var cluster = new TestCluster(3);
        cluster.Add(4, Membership.Empty);
        cluster.Elect(1);
        cluster[1].Raft.Propose("before"u8.ToArray());
        cluster.Stabilize();
        var leader = cluster[1];
        var applied = leader.Raft.Status.Applied;
        leader.Storage.CreateSnapshot(applied, leader.Raft.MembershipAt(applied), "state"u8.ToArray());
        leader.Storage.Compact(applied);

        leader.Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 4));
        cluster.Stabilize();
        Assert.NotNull(cluster[4].InstalledSnapshot);
        Assert.Equal(new Membership(Three, [4]), cluster[4].Raft.Membership);
        Assert.Equal(leader.Raft.Status.LastIndex, cluster[4].Raft.Status.LastIndex);
    }

    /// <summary>§4.2.2: a leader removing itself keeps managing the group until the removal commits, then steps down
    /// and never campaigns again.</summary>
    [Fact]
    public void A_removed_leader_steps_down_after_the_removal_commits()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[1].Raft.ProposeConfChange(new ConfChange(ConfChangeType.RemoveNode, 1));
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        cluster.Stabilize();
        Assert.Equal(RaftRole.Follower, cluster[1].Raft.Role);
        for (var i = 0; i < 40 && cluster.Leader() is null; i++)
        {
            cluster.TickAll(1);
            cluster.Stabilize();
        }

        var leader = cluster.Leader();
        Assert.NotNull(leader);
        Assert.NotEqual(1UL, leader.Id);
        Assert.Equal(new Membership([2, 3]), leader.Raft.Membership);
    }
}
