namespace ReefDB.Raft.Storage.Tests.Files;

public sealed class IdentityTests
{
    [Fact]
    public void A_directory_refuses_another_cluster_or_node_with_a_clear_message()
    {
        using var dir = new TempDirectory();
        Fixtures.Open(dir).Dispose();

        var otherCluster = Assert.Throws<InvalidOperationException>(
            () => DurableRaftStorage.Open(dir.Path, new NodeIdentity("cluster-b", 1), Fixtures.Bootstrap));
        Assert.Contains("belongs to cluster 'cluster-a' node 1", otherCluster.Message, StringComparison.Ordinal);

        var otherNode = Assert.Throws<InvalidOperationException>(
            () => DurableRaftStorage.Open(dir.Path, new NodeIdentity("cluster-a", 2), Fixtures.Bootstrap));
        Assert.Contains("not to cluster 'cluster-a' node 2", otherNode.Message, StringComparison.Ordinal);

        // The refusals released the directory lock.
        Fixtures.Open(dir).Dispose();
    }
}
