using ReefDB.Cli.Bench.Failover;

namespace ReefDB.Cli.Tests.Bench;

public sealed class FailoverResultTests
{
    [Fact]
    public void Median_and_max_are_compared_with_the_election_timeout()
    {
        var options = new FailoverOptions(Runs: 4, RaftTickMs: 100, ElectionTick: 10, Fsync: "always", WorkDirectory: "/tmp", Json: false);
        var result = new FailoverResult([Ms(1200), Ms(3000), Ms(1800), Ms(1400)], options.ElectionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), result.ElectionTimeout);
        Assert.Equal(Ms(1600), result.Median);
        Assert.Equal(Ms(3000), result.Max);
        Assert.Equal(1.6, result.MedianRatio, 0.001);

        var output = new StringWriter();
        FailoverReport.WriteText(output, result);
        Assert.Contains("median 1600 ms, max 3000 ms, election timeout 1000 ms", output.ToString(), StringComparison.Ordinal);
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
