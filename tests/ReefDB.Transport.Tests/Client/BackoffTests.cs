using ReefDB.Transport.Client;

namespace ReefDB.Transport.Tests.Client;

public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Fact]
    public void Delays_double_with_jitter_up_to_the_maximum()
    {
        var backoff = new Backoff(Min, Max, new Random(42));
        for (var failure = 0; failure < 40; failure++)
        {
            var step = Math.Min(Max.Ticks, Min.Ticks * (1L << Math.Min(failure, 20)));
            var delay = backoff.Next();
            Assert.InRange(delay.Ticks, step / 2, step);
        }

        Assert.Equal(40, backoff.Failures);
    }

    [Fact]
    public void Jitter_spreads_peers_that_failed_together()
    {
        var delays = Enumerable.Range(0, 20).Select(seed =>
        {
            var backoff = new Backoff(Min, Max, new Random(seed));
            backoff.Next();
            backoff.Next();
            return backoff.Next();
        }).Distinct().Count();
        Assert.True(delays > 10, $"only {delays} distinct delays");
    }

    [Fact]
    public void Reset_starts_again_from_the_minimum()
    {
        var backoff = new Backoff(Min, Max, new Random(1));
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }

        backoff.Reset();
        Assert.InRange(backoff.Next(), Min / 2, Min);
    }
}
