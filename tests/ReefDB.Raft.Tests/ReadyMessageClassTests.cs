using ReefDB.Raft.Messages;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests;

/// <summary>
/// <see cref="Ready.EarlyMessages"/> (may leave before the Ready is persisted) and <see cref="Ready.MessagesAfterPersist"/>
/// (must wait): a leader's appends travel while it writes its own copy, and nothing that promises durability does.
/// </summary>
public sealed class ReadyMessageClassTests
{
    [Fact]
    public void A_leaders_appends_are_early_and_a_followers_acknowledgement_waits_for_persistence()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[1].Raft.Propose("x"u8.ToArray());

        var leaderReady = cluster[1].Raft.GetReady();

        Assert.Single(leaderReady.Entries);
        var appends = leaderReady.EarlyMessages.Where(m => m.Type == MessageType.Append).ToList();
        Assert.Equal([2UL, 3UL], appends.Select(m => m.To).Order());
        Assert.All(appends, m => Assert.Equal(leaderReady.Entries[0].Index, Assert.Single(m.Entries).Index));
        Assert.Empty(leaderReady.MessagesAfterPersist);
        Assert.Equal(leaderReady.Messages, leaderReady.EarlyMessages.Concat(leaderReady.MessagesAfterPersist));

        cluster[2].Raft.Step(appends.Single(m => m.To == 2));
        var followerReady = cluster[2].Raft.GetReady();

        Assert.Single(followerReady.Entries);
        Assert.Empty(followerReady.EarlyMessages);
        var ack = Assert.Single(followerReady.MessagesAfterPersist);
        Assert.Equal(MessageType.AppendResponse, ack.Type);
        Assert.Equal(followerReady.Messages, followerReady.MessagesAfterPersist);
    }

    /// <summary>An early append may be acknowledged before the leader's own copy is durable; the leader still counts
    /// itself only on Advance, so one follower's acknowledgement alone commits nothing in a group of three.</summary>
    [Fact]
    public void A_follower_acknowledging_an_early_append_commits_nothing_until_the_leader_advances()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        var leader = cluster[1];
        var commitBefore = leader.Raft.Status.HardState.Commit;
        leader.Raft.Propose("x"u8.ToArray());
        var leaderReady = leader.Raft.GetReady();
        var index = leaderReady.Entries[0].Index;

        cluster[2].Raft.Step(leaderReady.EarlyMessages.Single(m => m.To == 2 && m.Type == MessageType.Append));
        var acks = cluster[2].HandleReady();
        leader.Raft.Step(acks.Single(m => m.Type == MessageType.AppendResponse));

        Assert.Equal(commitBefore, leader.Raft.Status.HardState.Commit);

        leader.Storage.Append(leaderReady.Entries);
        leader.Raft.Advance(leaderReady);

        Assert.Equal(index, leader.Raft.Status.HardState.Commit);
    }

    [Fact]
    public void A_candidates_vote_requests_wait_for_its_term_and_vote_to_be_persisted()
    {
        var cluster = new TestCluster(3);
        cluster[1].Raft.Campaign();

        var ready = cluster[1].Raft.GetReady();

        Assert.Equal(1UL, ready.HardState?.Vote);
        Assert.Empty(ready.EarlyMessages);
        Assert.Equal(2, ready.MessagesAfterPersist.Count(m => m.Type == MessageType.Vote));
    }
}
