using ReefDB.Transport.Client;

namespace ReefDB.Transport.Tests.Client;

public sealed class InflightWindowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batches_fit_until_the_limit_and_acknowledgements_make_room_in_order()
    {
        using var window = new InflightWindow(10);
        Assert.True(await window.ReserveAsync(4, TimeSpan.Zero, Ct));
        Assert.True(await window.ReserveAsync(6, TimeSpan.Zero, Ct));
        Assert.False(await window.ReserveAsync(1, TimeSpan.FromMilliseconds(10), Ct));
        Assert.Equal(10, window.Messages);

        window.Acknowledge();
        Assert.Equal(6, window.Messages);
        Assert.True(await window.ReserveAsync(4, TimeSpan.Zero, Ct));
        Assert.False(await window.ReserveAsync(1, TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task A_waiting_writer_goes_as_soon_as_an_acknowledgement_makes_room()
    {
        using var window = new InflightWindow(2);
        Assert.True(await window.ReserveAsync(2, TimeSpan.Zero, Ct));
        var waiting = window.ReserveAsync(2, TimeSpan.FromSeconds(30), Ct);
        Assert.False(waiting.IsCompleted);
        window.Acknowledge();
        Assert.True(await waiting);
    }

    [Fact]
    public async Task A_batch_above_the_whole_limit_goes_alone()
    {
        using var window = new InflightWindow(3);
        Assert.True(await window.ReserveAsync(50, TimeSpan.Zero, Ct));
        Assert.False(await window.ReserveAsync(1, TimeSpan.Zero, Ct));
        window.Acknowledge();
        Assert.Equal(0, window.Messages);
    }

    [Fact]
    public void An_acknowledgement_for_nothing_sent_is_refused()
    {
        using var window = new InflightWindow(3);
        Assert.Throws<InvalidOperationException>(window.Acknowledge);
    }
}
