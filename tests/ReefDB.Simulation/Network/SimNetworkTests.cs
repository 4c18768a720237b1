namespace ReefDB.Simulation.Network;

public sealed class SimNetworkTests
{
    [Fact]
    public void A_reliable_network_delivers_every_message_once_within_its_delay()
    {
        var network = new SimNetwork<int>(new Random(1));
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(SendOutcome.Queued, network.Send(1, 2, i, now: 0));
        }

        var delivered = network.TakeDue(NetworkConditions.Reliable.MaxDelayTicks);

        Assert.Equal(Enumerable.Range(0, 100), delivered.Select(d => d.Message).Order());
        Assert.All(delivered, d => Assert.True(d.Delivered));
        Assert.Equal(0, network.InFlightCount);
    }

    [Fact]
    public void A_cut_link_refuses_new_messages_and_loses_those_in_flight_one_way_only()
    {
        var network = new SimNetwork<string>(new Random(1));
        network.Send(1, 2, "in flight", now: 0);
        network.Cut(1, 2);

        Assert.Equal(SendOutcome.Cut, network.Send(1, 2, "refused", now: 0));
        Assert.Equal(SendOutcome.Queued, network.Send(2, 1, "other way", now: 0));
        var due = network.TakeDue(10);

        Assert.Contains(due, d => d.Message == "in flight" && !d.Delivered);
        Assert.Contains(due, d => d.Message == "other way" && d.Delivered);
    }

    [Fact]
    public void A_lossy_network_drops_and_duplicates_some_messages()
    {
        var network = new SimNetwork<int>(new Random(1))
        {
            Conditions = new NetworkConditions(DropRate: 0.3, DuplicateRate: 0.3, MaxDelayTicks: 5, SlowRate: 0, SlowDelayTicks: 0),
        };
        var lost = Enumerable.Range(0, 1000).Count(i => network.Send(1, 2, i, now: 0) == SendOutcome.Lost);

        var delivered = network.TakeDue(5).Select(d => d.Message).ToList();

        Assert.InRange(lost, 200, 400);
        Assert.True(delivered.Count > delivered.Distinct().Count(), "some messages arrive twice");
    }
}
