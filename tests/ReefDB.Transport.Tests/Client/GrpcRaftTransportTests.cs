using System.Net;
using System.Net.Sockets;
using ReefDB.Raft.Messages;
using ReefDB.Transport.Tests.Support;

namespace ReefDB.Transport.Tests.Client;

public sealed class GrpcRaftTransportTests
{
    [Fact]
    public async Task Messages_reach_the_peer_in_order_both_ways()
    {
        await using var a = await TestNode.StartAsync(1);
        await using var b = await TestNode.StartAsync(2);
        a.Transport.SetPeer(2, b.Address);
        b.Transport.SetPeer(1, a.Address);

        var append = new Message
        {
            Type = MessageType.Append, From = 1, To = 2, Term = 3, LogTerm = 2, Index = 9, Commit = 8,
            Entries = [new Entry(3, 10, EntryType.Normal, "x"u8.ToArray())],
        };
        a.Transport.Send([append, TestNode.Heartbeat(1, 2, 9)]);
        var got = await b.Endpoint.NextAsync(2);
        Assert.Equal(MessageFormatter.Format(append), MessageFormatter.Format(got[0]));
        Assert.Equal(MessageType.Heartbeat, got[1].Type);

        b.Transport.Send([new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 3, Index = 10 }]);
        var answer = await a.Endpoint.NextAsync();
        Assert.Equal((MessageType.AppendResponse, 10UL), (answer.Type, answer.Index));
        // Counters move just after the write returns, which may be after delivery.
        await WaitUntilAsync(() => a.Transport.GetStats().Single().MessagesSent == 2 && b.Transport.GetStats().Single().MessagesSent == 1);
    }

    [Fact]
    public async Task Many_messages_sent_at_once_travel_in_few_batches()
    {
        await using var a = await TestNode.StartAsync(1);
        await using var b = await TestNode.StartAsync(2);
        a.Transport.SetPeer(2, b.Address);

        // Open the stream first, so the burst below queues up behind it.
        a.Transport.Send([TestNode.Heartbeat(1, 2, 0)]);
        await b.Endpoint.NextAsync();
        var burst = Enumerable.Range(1, 2000).Select(i => TestNode.Heartbeat(1, 2, (ulong)i)).ToList();
        a.Transport.Send(burst);

        var got = await b.Endpoint.NextAsync(2000);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (ulong)i), got.Select(m => m.Commit));
        await WaitUntilAsync(() => a.Transport.GetStats().Single().MessagesSent == 2001);
        var stats = a.Transport.GetStats().Single();
        Assert.Equal(2001, stats.MessagesSent);
        Assert.Equal(0, stats.MessagesDropped);
        var batches = a.Transport.Peers.Single().Counters.Batches;
        Assert.True(batches < 1000, $"{batches} batches for 2001 messages");
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_blocking_the_caller()
    {
        await using var b = await TestNode.StartAsync(2);
        await using var a = await TestNode.StartAsync(1, configure: o =>
        {
            o.PeerQueueCapacity = 10;
            o.MaxInflightMessages = 1;
            o.MaxBatchMessages = 1;
            o.AckTimeout = TimeSpan.FromSeconds(60);
        });
        a.Transport.SetPeer(2, b.Address);
        a.Transport.Send([TestNode.Heartbeat(1, 2, 0)]);
        await b.Endpoint.NextAsync();

        // The replica on b stops taking messages: acknowledgements stop, a's in-flight limit is reached, its queue fills.
        using var gate = new ManualResetEventSlim(false);
        b.Endpoint.Gate = gate;
        for (var i = 1; i <= 200; i++)
        {
            a.Transport.Send([TestNode.Heartbeat(1, 2, (ulong)i)]);
        }

        Assert.True(a.Transport.GetStats().Single().MessagesDropped >= 150);
        gate.Set();
        b.Endpoint.Gate = null;
        var delivered = new List<Message> { await b.Endpoint.NextAsync() };
        while (b.Endpoint.TryTake(out var more))
        {
            delivered.Add(more!);
        }

        Assert.True(delivered.Count < 200);

        // The queue may still hold the ten messages it kept while b was stuck (each needs its own acknowledgement
        // round trip here), and then a new message is dropped like the others were: send it again until it arrives,
        // as Raft retransmits.
        var deadline = DateTime.UtcNow + TestTimeouts.Delivery;
        while (!await DeliveredAsync(a, b, commit: 999))
        {
            Assert.True(DateTime.UtcNow < deadline, "a message sent after the peer recovered never arrived");
        }
    }

    /// <summary>Sends one heartbeat carrying <paramref name="commit"/> and reads until it arrives (true) or nothing more
    /// arrives for half a second (false: it was dropped).</summary>
    private static async Task<bool> DeliveredAsync(TestNode from, TestNode to, ulong commit)
    {
        from.Transport.Send([TestNode.Heartbeat(from.Id, to.Id, commit)]);
        try
        {
            while ((await to.Endpoint.NextAsync(TimeSpan.FromMilliseconds(500))).Commit != commit)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_dead_peer_does_not_delay_a_live_one()
    {
        // Node 3 accepts TCP connections and never answers: the worst kind of dead (no refusal, no reset).
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start(100);
        var blackHolePort = ((IPEndPoint)blackHole.LocalEndpoint).Port;
        var refusedPort = TestNode.FreePort();

        await using var b = await TestNode.StartAsync(2);
        await using var a = await TestNode.StartAsync(1, configure: o =>
        {
            // Long enough that, if the dead peers held the sender up, the bounded wait below would run out first.
            o.AckTimeout = TimeSpan.FromMinutes(2);
            o.ConnectTimeout = TimeSpan.FromMinutes(2);
        });
        a.Transport.SetPeer(2, b.Address);
        a.Transport.SetPeer(3, $"127.0.0.1:{blackHolePort}");
        a.Transport.SetPeer(4, $"127.0.0.1:{refusedPort}");

        for (var round = 1; round <= 50; round++)
        {
            a.Transport.Send(
            [
                TestNode.Heartbeat(1, 3, (ulong)round),
                TestNode.Heartbeat(1, 4, (ulong)round),
                TestNode.Heartbeat(1, 2, (ulong)round),
            ]);
        }

        var got = await b.Endpoint.NextAsync(50);
        Assert.Equal(50UL, got[^1].Commit);
        await WaitUntilAsync(() => a.Endpoint.Unreachable.Contains(4UL));
        await WaitUntilAsync(() => a.Transport.GetStats().Single(s => s.PeerId == 2).Connected);
        var stats = a.Transport.GetStats();
        Assert.False(stats.Single(s => s.PeerId == 3).Connected);
        Assert.True(stats.Single(s => s.PeerId == 4).SendFailures >= 1);
    }

    [Fact]
    public async Task A_peer_that_comes_back_is_reconnected()
    {
        var port = TestNode.FreePort();
        await using var a = await TestNode.StartAsync(1);
        a.Transport.SetPeer(2, $"127.0.0.1:{port}");
        a.Transport.Send([TestNode.Heartbeat(1, 2, 1)]);
        await WaitUntilAsync(() => a.Endpoint.Unreachable.Contains(2UL));

        await using var b = await TestNode.StartAsync(2, port: port);
        // Raft keeps sending (heartbeats); the transport reconnects with backoff and delivery resumes.
        var delivered = await KeepSendingUntilDeliveredAsync(a, b);
        Assert.True(delivered.Commit >= 2);
        var stats = a.Transport.GetStats().Single();
        Assert.True(stats.SendFailures >= 1);
        Assert.True(stats.Reconnects >= 1);

        // The peer restarts: the stream breaks and is reopened on the same channel.
        await b.StopServerAsync();
        await b.StartServerAsync(port);
        while (b.Endpoint.TryTake(out _))
        {
        }

        await KeepSendingUntilDeliveredAsync(a, b);
    }

    [Fact]
    public async Task A_message_above_the_size_limit_is_dropped_by_the_sender_and_counted()
    {
        await using var b = await TestNode.StartAsync(2);
        await using var a = await TestNode.StartAsync(1, configure: o => o.MaxMessageBytes = 128 * 1024);
        a.Transport.SetPeer(2, b.Address);
        var huge = new Message
        {
            Type = MessageType.Append, From = 1, To = 2, Term = 1,
            Entries = [new Entry(1, 1, EntryType.Normal, new byte[200 * 1024])],
        };
        var big = new Message
        {
            Type = MessageType.Append, From = 1, To = 2, Term = 1,
            Entries = [new Entry(1, 1, EntryType.Normal, new byte[100 * 1024])],
        };
        a.Transport.Send([huge, TestNode.Heartbeat(1, 2, 5), big, big]);

        var got = await b.Endpoint.NextAsync(3);
        Assert.Equal([MessageType.Heartbeat, MessageType.Append, MessageType.Append], got.Select(m => m.Type));
        var stats = a.Transport.GetStats().Single();
        Assert.Equal(1, stats.MessagesDropped);
        Assert.Equal(0, stats.SendFailures);
    }

    [Fact]
    public async Task Traffic_for_another_cluster_is_refused_and_nothing_is_delivered()
    {
        await using var b = await TestNode.StartAsync(2, clusterId: "blue");
        await using var a = await TestNode.StartAsync(1, clusterId: "green");
        a.Transport.SetPeer(2, b.Address);
        a.Transport.Send([TestNode.Heartbeat(1, 2, 1)]);
        await WaitUntilAsync(() => a.Transport.GetStats().Single().SendFailures >= 1);
        Assert.False(b.Endpoint.TryTake(out _));
        Assert.Contains(2UL, a.Endpoint.Unreachable);
    }

    [Fact]
    public async Task Messages_to_an_unknown_peer_are_dropped()
    {
        await using var a = await TestNode.StartAsync(1);
        a.Transport.Send([TestNode.Heartbeat(1, 9, 1)]);
        Assert.Empty(a.Transport.GetStats());
    }

    [Fact]
    public async Task Moving_a_peer_to_a_new_address_redirects_its_traffic()
    {
        await using var a = await TestNode.StartAsync(1);
        await using var b1 = await TestNode.StartAsync(2);
        await using var b2 = await TestNode.StartAsync(2);
        a.Transport.SetPeer(2, b1.Address);
        a.Transport.Send([TestNode.Heartbeat(1, 2, 1)]);
        await b1.Endpoint.NextAsync();
        a.Transport.SetPeer(2, b2.Address);
        a.Transport.Send([TestNode.Heartbeat(1, 2, 2)]);
        Assert.Equal(2UL, (await b2.Endpoint.NextAsync()).Commit);
        await a.Transport.RemovePeerAsync(2);
        Assert.Empty(a.Transport.GetStats());
    }

    internal static async Task<Message> KeepSendingUntilDeliveredAsync(TestNode from, TestNode to)
    {
        using var deadline = new CancellationTokenSource(TestTimeouts.Delivery);
        ulong commit = 1;
        while (true)
        {
            from.Transport.Send([TestNode.Heartbeat(from.Id, to.Id, ++commit)]);
            try
            {
                return await to.Endpoint.NextAsync(TimeSpan.FromMilliseconds(100));
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
            }
        }
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TestTimeouts.Delivery);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
