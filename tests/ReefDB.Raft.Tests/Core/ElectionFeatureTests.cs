using ReefDB.Raft.Messages;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Core;

/// <summary>Pre-vote (dissertation §9.6) and check-quorum (§6.2) on top of plain elections.</summary>
public sealed class ElectionFeatureTests
{
    private static TestCluster Cluster(bool preVote, bool checkQuorum) =>
        new(3, id => TestCluster.Config(id, preVote: preVote, checkQuorum: checkQuorum));

    [Fact]
    public void A_partitioned_node_with_pre_vote_does_not_raise_its_term()
    {
        var cluster = Cluster(preVote: true, checkQuorum: false);
        cluster.Elect(1);
        cluster.Isolate(3);
        for (var i = 0; i < 10; i++)
        {
            cluster.Tick(3, 20);
            cluster.Stabilize();
        }

        Assert.Equal(1UL, cluster[3].Raft.Term);
        cluster.Heal();
        cluster.TickAll(1);
        cluster.Stabilize();
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        Assert.Equal(1UL, cluster[1].Raft.Term);
    }

    [Fact]
    public void Without_pre_vote_a_returning_node_deposes_the_leader()
    {
        var cluster = Cluster(preVote: false, checkQuorum: false);
        cluster.Elect(1);
        cluster.Isolate(3);
        cluster.Tick(3, 20);
        cluster.Stabilize();
        Assert.Equal(2UL, cluster[3].Raft.Term);
        cluster.Heal();
        cluster.Tick(3, 20);
        cluster.Stabilize();
        Assert.True(cluster[1].Raft.Term >= 3);
    }

    [Fact]
    public void A_leader_without_a_quorum_steps_down()
    {
        var cluster = Cluster(preVote: true, checkQuorum: true);
        cluster.Elect(1);
        cluster.Isolate(1);
        cluster.Tick(1, 10);
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        cluster.Tick(1, 10);
        Assert.Equal(RaftRole.Follower, cluster[1].Raft.Role);
    }

    /// <summary>§4.2.3: a voter that heard from a leader within the election timeout ignores vote requests, so a
    /// node that cannot hear the leader (or was removed) cannot disrupt it.</summary>
    [Fact]
    public void Voters_in_a_leader_lease_ignore_vote_requests()
    {
        var cluster = Cluster(preVote: false, checkQuorum: true);
        cluster.Elect(1);
        cluster[2].Raft.Step(new Message { Type = MessageType.Vote, From = 3, To = 2, Term = 5, Index = 10, LogTerm = 5 });
        Assert.Equal(1UL, cluster[2].Raft.Term);
        Assert.Equal(1UL, cluster[2].Raft.Leader);
    }

    [Fact]
    public void A_leadership_transfer_vote_bypasses_the_lease()
    {
        var cluster = Cluster(preVote: true, checkQuorum: true);
        cluster.Elect(1);
        cluster[1].Raft.TransferLeader(2);
        cluster.Stabilize();
        Assert.Equal(RaftRole.Leader, cluster[2].Raft.Role);
        Assert.Equal(2UL, cluster[2].Raft.Term);
    }

    [Fact]
    public void Pre_vote_then_vote_elects_a_leader()
    {
        var cluster = Cluster(preVote: true, checkQuorum: true);
        cluster.Tick(1, 20);
        cluster.Stabilize();
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        Assert.Equal(1UL, cluster[1].Raft.Term);
    }
}
