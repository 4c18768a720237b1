using ReefDB.Transport.Client;

namespace ReefDB.Transport.Tests.Client;

public sealed class InflightWindowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batches_fit_until_the_limit_and_acknowledgements_make_room_in_order()
    {
        using var window = new InflightWindow(10);
        Assert.Equal(1UL, (await window.ReserveAsync(4, TimeSpan.Zero, NoProbe, Ct)).Sequence);
        Assert.Equal(2UL, (await window.ReserveAsync(6, TimeSpan.Zero, NoProbe, Ct)).Sequence);
        Assert.Equal(0UL, (await window.ReserveAsync(1, TimeSpan.FromMilliseconds(10), NoProbe, Ct)).Sequence);
        Assert.Equal(10, window.Messages);

        window.Acknowledge(1);
        Assert.Equal(6, window.Messages);
        Assert.Equal(3UL, (await window.ReserveAsync(4, TimeSpan.Zero, NoProbe, Ct)).Sequence);
        Assert.Equal(0UL, (await window.ReserveAsync(1, TimeSpan.Zero, NoProbe, Ct)).Sequence);
    }

    [Fact]
    public async Task An_acknowledgement_retires_every_batch_up_to_its_sequence()
    {
        using var window = new InflightWindow(100);
        await window.ReserveAsync(2, TimeSpan.Zero, NoProbe, Ct);
        await window.ReserveAsync(5, TimeSpan.Zero, NoProbe, Ct);
        await window.ReserveAsync(7, TimeSpan.Zero, NoProbe, Ct);

        window.Acknowledge(2);

        Assert.Equal(7, window.Messages);
        window.Acknowledge(3);
        Assert.Equal(0, window.Messages);
    }

    [Fact]
    public async Task A_waiting_writer_goes_as_soon_as_an_acknowledgement_makes_room()
    {
        using var window = new InflightWindow(2);
        Assert.True((await window.ReserveAsync(2, TimeSpan.Zero, NoProbe, Ct)).RequestAck);
        var waiting = window.ReserveAsync(2, TimeSpan.FromSeconds(30), NoProbe, Ct);
        Assert.False(waiting.IsCompleted);
        window.Acknowledge(1);
        Assert.Equal(2UL, (await waiting).Sequence);
    }

    [Fact]
    public async Task A_batch_above_the_whole_limit_goes_alone()
    {
        using var window = new InflightWindow(3);
        Assert.Equal(1UL, (await window.ReserveAsync(50, TimeSpan.Zero, NoProbe, Ct)).Sequence);
        Assert.Equal(0UL, (await window.ReserveAsync(1, TimeSpan.Zero, NoProbe, Ct)).Sequence);
        window.Acknowledge(1);
        Assert.Equal(0, window.Messages);
    }

    [Fact]
    public async Task An_acknowledgement_for_nothing_in_flight_is_refused()
    {
        using var window = new InflightWindow(3);
        Assert.Throws<InvalidOperationException>(() => window.Acknowledge(1));

        await window.ReserveAsync(1, TimeSpan.Zero, NoProbe, Ct);
        Assert.Throws<InvalidOperationException>(() => window.Acknowledge(2));
        window.Acknowledge(1);
        Assert.Throws<InvalidOperationException>(() => window.Acknowledge(1));
    }

    [Fact]
    public async Task The_first_batch_asks_for_an_acknowledgement_and_quiet_traffic_asks_once_in_a_while()
    {
        using var window = new InflightWindow(1000);
        var requested = new List<ulong>();
        for (var i = 0; i < 40; i++)
        {
            var (sequence, requestAck) = await window.ReserveAsync(1, TimeSpan.Zero, NoProbe, Ct);
            if (requestAck)
            {
                requested.Add(sequence);
                // The peer answers at once: nothing stays outstanding.
                window.Acknowledge(sequence);
            }
        }

        Assert.Equal([1UL, 1 + InflightWindow.AckEveryBatches, 1 + (2 * InflightWindow.AckEveryBatches)], requested);
    }

    [Fact]
    public async Task A_half_full_window_asks_at_once_but_never_twice_while_a_request_is_outstanding()
    {
        using var window = new InflightWindow(10);
        Assert.True((await window.ReserveAsync(1, TimeSpan.Zero, NoProbe, Ct)).RequestAck);
        window.Acknowledge(1);

        Assert.False((await window.ReserveAsync(2, TimeSpan.Zero, NoProbe, Ct)).RequestAck);
        Assert.True((await window.ReserveAsync(3, TimeSpan.Zero, NoProbe, Ct)).RequestAck);
        Assert.False((await window.ReserveAsync(1, TimeSpan.Zero, NoProbe, Ct)).RequestAck);

        window.Acknowledge(3);
        Assert.Equal(1, window.Messages);
    }

    /// <summary>The batches in flight asked for nothing and the next does not fit: a probe asks, and its
    /// acknowledgement makes room (without it the writer would wait for an acknowledgement that never comes).</summary>
    [Fact]
    public async Task A_writer_that_must_wait_with_nothing_asked_sends_a_probe()
    {
        using var window = new InflightWindow(10);
        Assert.True((await window.ReserveAsync(1, TimeSpan.Zero, NoProbe, Ct)).RequestAck);
        Assert.False((await window.ReserveAsync(3, TimeSpan.Zero, NoProbe, Ct)).RequestAck);
        window.Acknowledge(1);
        var probes = new List<ulong>();

        var waiting = window.ReserveAsync(9, TimeSpan.FromSeconds(30), p =>
        {
            probes.Add(p);
            return Task.CompletedTask;
        }, Ct);

        Assert.Equal([3UL], probes);
        Assert.False(waiting.IsCompleted);
        window.Acknowledge(3);
        Assert.Equal(4UL, (await waiting).Sequence);
        Assert.Equal(9, window.Messages);
    }

    private static Task NoProbe(ulong sequence) => throw new InvalidOperationException($"unexpected probe {sequence}");
}
