using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests;

/// <summary>The Ready / Advance contract of <see cref="RaftNode"/>.</summary>
public sealed class RaftNodeTests
{
    private static RaftNode Single(out MemoryRaftStorage storage)
    {
        storage = new MemoryRaftStorage(new Membership([1]));
        return new RaftNode(TestCluster.Config(1), storage);
    }

    [Fact]
    public void Only_one_ready_is_outstanding()
    {
        var node = Single(out _);
        node.Campaign();
        var ready = node.GetReady();
        Assert.False(node.HasReady);
        Assert.Throws<InvalidOperationException>(() => node.GetReady());
        node.Advance(ready);
        Assert.Throws<InvalidOperationException>(() => node.Advance(ready));
    }

    [Fact]
    public void A_restart_claiming_more_applied_than_committed_is_refused_with_the_setting_named()
    {
        var storage = new MemoryRaftStorage(new Membership([1]));
        var config = new RaftConfig { Id = 1, Random = new Random(1), Applied = 5 };

        var error = Assert.Throws<ArgumentException>(() => new RaftNode(config, storage));

        Assert.Contains("RaftConfig.Applied (5)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A lone voter is its own quorum: its entry comes out to persist and to apply in the same Ready, and no
    /// second Ready follows (Core/LoneVoterCommitTests holds the rest of this contract).</summary>
    [Fact]
    public void A_lone_voter_commits_its_entry_in_the_ready_that_carries_it()
    {
        var node = Single(out var storage);
        node.Campaign();
        Drive(node, storage);
        Assert.Equal(RaftRole.Leader, node.Role);
        node.Propose("x"u8.ToArray());
        var ready = node.GetReady();
        Assert.Equal(2UL, Assert.Single(ready.Entries).Index);
        Assert.Equal(2UL, Assert.Single(ready.CommittedEntries).Index);
        Assert.Equal(2UL, ready.HardState?.Commit);
        storage.Append(ready.Entries);
        node.Advance(ready);
        Assert.False(node.HasReady);
    }

    /// <summary>A vote leaves in the same Ready as the hard state recording it, so persisting first is enough.</summary>
    [Fact]
    public void A_vote_is_released_together_with_the_hard_state_that_records_it()
    {
        var storage = new MemoryRaftStorage(new Membership([1, 2, 3]));
        var node = new RaftNode(TestCluster.Config(1), storage);
        node.Step(new Message { Type = MessageType.Vote, From = 2, To = 1, Term = 1 });
        var ready = node.GetReady();
        Assert.Equal(new HardState(1, 2, 0), ready.HardState);
        Assert.True(ready.MustSync);
        Assert.Contains(ready.Messages, m => m.Type == MessageType.VoteResponse && !m.Reject);
    }

    [Fact]
    public void Local_message_kinds_cannot_come_from_the_network()
    {
        var node = Single(out _);
        Assert.Throws<ArgumentException>(() => node.Step(new Message { Type = MessageType.Hup, From = 2, To = 1 }));
    }

    [Fact]
    public void A_restarted_node_keeps_term_vote_commit_and_log()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[1].Raft.Propose("x"u8.ToArray());
        cluster.Stabilize();
        var before = cluster[2].Raft.Status;
        cluster.Restart(2);
        var after = cluster[2].Raft.Status;
        Assert.Equal(before.HardState, after.HardState);
        Assert.Equal(before.LastIndex, after.LastIndex);
        Assert.Equal(RaftRole.Follower, after.SoftState.Role);
    }

    private static void Drive(RaftNode node, MemoryRaftStorage storage)
    {
        while (node.HasReady)
        {
            var ready = node.GetReady();
            storage.Append(ready.Entries);
            if (ready.HardState is { } hard)
            {
                storage.SetHardState(hard);
            }

            node.Advance(ready);
        }
    }
}
