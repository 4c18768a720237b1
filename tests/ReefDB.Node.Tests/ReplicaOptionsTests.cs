using Microsoft.Extensions.Logging.Abstractions;
using ReefDB.Node.Configuration;
using ReefDB.Raft;

namespace ReefDB.Node.Tests;

/// <summary>How the node's settings reach its Raft member.</summary>
public sealed class ReplicaOptionsTests
{
    [Fact]
    public void Reads_confirm_leadership_with_a_round_by_default_and_use_the_lease_only_when_turned_on()
    {
        var safe = ReefNode.ReplicaOptions(new NodeOptions(), NullLoggerFactory.Instance);
        var leased = ReefNode.ReplicaOptions(new NodeOptions { LeaseReads = true }, NullLoggerFactory.Instance);

        Assert.Equal((ReadOnlyOption.LeaseBased, true), (leased.ReadOnlyOption, leased.CheckQuorum));
        Assert.Equal(ReadOnlyOption.Safe, safe.ReadOnlyOption);
        leased.Validate();
    }

    [Fact]
    public void A_node_started_with_join_bootstraps_no_cluster_of_its_own()
    {
        var joining = ReefNode.ReplicaOptions(new NodeOptions { NodeId = 4, Join = "127.0.0.1:50051" }, NullLoggerFactory.Instance);

        Assert.Empty(joining.InitialVoters);
    }
}
