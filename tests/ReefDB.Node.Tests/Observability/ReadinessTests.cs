using ReefDB.Node.Observability;
using ReefDB.Node.Replicas;

namespace ReefDB.Node.Tests.Observability;

/// <summary>
/// <c>/health/ready</c> (issue 5): ready = a leader is known and the node has applied up to the commit index it knew
/// when it first saw a leader. A restarted node replaying its log is not ready; a ready node that falls a little
/// behind stays ready; a node without a leader is not.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public void Without_a_leader_a_node_is_not_ready()
    {
        var readiness = new Readiness();

        Assert.Equal((false, "no leader is known"), readiness.Check(Status(leader: 0, commit: 0, applied: 0)));
    }

    [Fact]
    public void A_node_is_ready_once_it_applied_the_commit_index_it_knew_when_it_first_saw_a_leader()
    {
        var readiness = new Readiness();

        var replaying = readiness.Check(Status(leader: 2, commit: 100, applied: 40));
        // The commit index moves on while it replays: the target stays the one it first knew.
        var almost = readiness.Check(Status(leader: 2, commit: 150, applied: 99));
        var caughtUp = readiness.Check(Status(leader: 2, commit: 160, applied: 100));

        Assert.Equal((false, "catching up: applied 40 of 100"), replaying);
        Assert.Equal((false, "catching up: applied 99 of 100"), almost);
        Assert.Equal((true, "ready"), caughtUp);
    }

    [Fact]
    public void A_ready_node_stays_ready_while_a_leader_is_known_and_is_not_ready_without_one()
    {
        var readiness = new Readiness();
        Assert.True(readiness.Check(Status(leader: 1, commit: 5, applied: 5)).Ready);

        var behind = readiness.Check(Status(leader: 1, commit: 500, applied: 480));
        var election = readiness.Check(Status(leader: 0, commit: 500, applied: 500));
        var newLeader = readiness.Check(Status(leader: 3, commit: 520, applied: 500));

        Assert.True(behind.Ready);
        Assert.Equal((false, "no leader is known"), election);
        Assert.True(newLeader.Ready);
    }

    private static ReplicaSnapshot Status(ulong leader, ulong commit, ulong applied) =>
        new(1, leader == 1 ? "leader" : "follower", 3, leader, commit, applied, 1, commit, 0, 0, [], 0);
}
