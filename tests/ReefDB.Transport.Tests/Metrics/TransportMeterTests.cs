using System.Diagnostics.Metrics;
using ReefDB.Transport.Tests.Support;

namespace ReefDB.Transport.Tests.Metrics;

public sealed class TransportMeterTests
{
    [Fact]
    public async Task Per_peer_counters_are_published_under_the_reefdb_transport_meter()
    {
        await using var b = await TestNode.StartAsync(2);
        await using var a = await TestNode.StartAsync(1);
        a.Transport.SetPeer(2, b.Address);
        a.Transport.Send([TestNode.Heartbeat(1, 2, 1), TestNode.Heartbeat(1, 2, 2)]);
        await b.Endpoint.NextAsync(2);
        await Client.GrpcRaftTransportTests.WaitUntilAsync(() => a.Transport.GetStats().Single().MessagesSent == 2);

        var seen = new List<(string Name, long Value, string? Peer)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ReefDB.Transport")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? peer = null;
            foreach (var tag in tags)
            {
                peer = tag.Key == "peer" ? tag.Value as string : peer;
            }

            lock (seen)
            {
                seen.Add((instrument.Name, value, peer));
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Contains(("reefdb_transport_messages_sent", 2L, "2"), seen);
        Assert.Contains(("reefdb_transport_messages_dropped", 0L, "2"), seen);
        Assert.Contains(("reefdb_transport_messages_received", 2L, (string?)null), seen);
        Assert.Contains(seen, m => m.Name == "reefdb_transport_reconnects");
        Assert.Contains(seen, m => m.Name == "reefdb_transport_send_failures");
    }
}
