using ReefDB.Cli.Bench;

namespace ReefDB.Cli.Tests.Bench;

public sealed class ClientPlacementTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Spread_puts_one_client_on_a_follower_and_the_same_share_on_the_leader_whichever_endpoint_leads(int leader)
    {
        Assert.NotEqual(leader, ClientPlacement.Spread.EndpointOf(0, leader, endpointCount: 3));

        var onLeader = Enumerable.Range(0, 16).Count(i => ClientPlacement.Spread.EndpointOf(i, leader, 3) == leader);
        var perEndpoint = Enumerable.Range(0, 16).GroupBy(i => ClientPlacement.Spread.EndpointOf(i, leader, 3)).Select(g => g.Count()).Order();
        Assert.Equal(5, onLeader);
        Assert.Equal([5, 5, 6], perEndpoint);
    }

    [Fact]
    public void Leader_puts_every_client_on_the_leader() =>
        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal(2, ClientPlacement.Leader.EndpointOf(i, leader: 2, endpointCount: 3)));

    [Fact]
    public async Task A_one_client_cell_sends_every_call_to_the_endpoint_after_the_leader()
    {
        await using var client = new WarmupTests.RecordingClient(endpointCount: 3, leader: 1);
        var runner = new LoadRunner(client, "v", getKeys: 10, TextWriter.Null);
        await runner.RunAsync(
            BenchTarget.ReefDb, BenchWorkload.Insert, ClientPlacement.Spread, clients: 1, round: 1,
            TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);

        Assert.NotEmpty(client.Calls);
        Assert.All(client.Calls, call => Assert.StartsWith("insert 2:", call, StringComparison.Ordinal));
    }
}
