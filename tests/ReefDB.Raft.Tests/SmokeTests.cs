using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Three_nodes_elect_a_leader_and_commit_a_proposal()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        cluster[1].Raft.Propose("hello"u8.ToArray());
        cluster.Stabilize();
        foreach (var node in cluster.Nodes)
        {
            Assert.Equal(["hello"], node.AppliedText());
        }
    }

    [Fact]
    public void Single_node_commits_alone()
    {
        var cluster = new TestCluster(1);
        cluster.Elect(1);
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        cluster[1].Raft.Propose("x"u8.ToArray());
        cluster.Stabilize();
        Assert.Equal(["x"], cluster[1].AppliedText());
    }
}
