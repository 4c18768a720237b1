using ReefDB.Raft.Tracker;

namespace ReefDB.Raft.Tests.Tracker;

public sealed class InflightsTests
{
    [Fact]
    public void Window_fills_by_count_and_frees_acknowledged_messages()
    {
        var inflights = new Inflights(3, 0);
        inflights.Add(5, 10);
        inflights.Add(7, 10);
        Assert.False(inflights.Full);
        inflights.Add(9, 10);
        Assert.True(inflights.Full);
        Assert.Throws<InvalidOperationException>(() => inflights.Add(11, 1));
        inflights.FreeLE(7);
        Assert.Equal(1, inflights.Count);
        Assert.Equal(10UL, inflights.Bytes);
        Assert.False(inflights.Full);
    }

    [Fact]
    public void Window_fills_by_bytes()
    {
        var inflights = new Inflights(100, 25);
        inflights.Add(1, 10);
        inflights.Add(2, 10);
        Assert.False(inflights.Full);
        inflights.Add(3, 10);
        Assert.True(inflights.Full);
        inflights.FreeLE(1);
        Assert.False(inflights.Full);
    }

    [Fact]
    public void Ring_buffer_wraps_around()
    {
        var inflights = new Inflights(4, 0);
        for (ulong i = 1; i <= 100; i++)
        {
            inflights.Add(i, 1);
            if (inflights.Full)
            {
                inflights.FreeLE(i - 2);
            }
        }

        inflights.FreeLE(99);
        Assert.Equal(1, inflights.Count);
        inflights.FreeLE(100);
        Assert.Equal(0, inflights.Count);
    }
}
