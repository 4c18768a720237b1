using ReefDB.Raft.Configuration;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Core;

/// <summary>Leadership transfer (dissertation §3.10).</summary>
public sealed class LeaderTransferTests
{
    [Fact]
    public void The_target_is_caught_up_then_takes_over()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);
        cluster[1].Raft.Propose("a"u8.ToArray());
        cluster.Stabilize();
        cluster.Heal();
        cluster[1].Raft.TransferLeader(3);
        cluster.Stabilize();
        Assert.Equal(RaftRole.Leader, cluster[3].Raft.Role);
        Assert.Equal(["a"], cluster[3].AppliedText());
    }

    [Fact]
    public void Proposals_are_refused_during_a_transfer_and_accepted_after_it_is_abandoned()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);
        cluster[1].Raft.TransferLeader(3);
        var refused = Assert.Throws<ProposalDroppedException>(() => cluster[1].Raft.Propose("x"u8.ToArray()));
        Assert.Equal(ProposalDropReason.LeaderTransferInProgress, refused.Reason);
        Assert.True(refused.IsRetryable);
        cluster.Tick(1, 10);
        cluster[1].Raft.Propose("x"u8.ToArray());
        cluster.Stabilize();
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        Assert.Equal(["x"], cluster[1].AppliedText());
    }

    [Fact]
    public void A_learner_cannot_receive_leadership()
    {
        var cluster = new TestCluster(3);
        cluster.Add(4, Membership.Empty);
        cluster.Elect(1);
        cluster[1].Raft.ProposeConfChange(new ConfChange(ConfChangeType.AddLearner, 4));
        cluster.Stabilize();
        var error = Assert.Throws<ProposalDroppedException>(() => cluster[1].Raft.TransferLeader(4));
        Assert.Equal(ProposalDropReason.NotMember, error.Reason);
    }

    [Fact]
    public void A_follower_forwards_the_request_to_the_leader()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[2].Raft.TransferLeader(2);
        cluster.Stabilize();
        Assert.Equal(RaftRole.Leader, cluster[2].Raft.Role);
    }
}
