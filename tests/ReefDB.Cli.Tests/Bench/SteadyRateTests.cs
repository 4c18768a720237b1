using ReefDB.Cli.Bench;

namespace ReefDB.Cli.Tests.Bench;

public sealed class SteadyRateTests
{
    [Theory]
    [InlineData(new[] { 100.0, 100.0 }, false)]                 // too few slices to judge
    [InlineData(new[] { 20.0, 180.0, 400.0 }, false)]           // a cold server still climbing
    [InlineData(new[] { 20.0, 400.0, 410.0 }, true)]            // within 10 % of the best before
    [InlineData(new[] { 20.0, 400.0, 300.0 }, true)]            // slower: a slow disk spell, not warm-up
    [InlineData(new[] { 400.0, 300.0, 420.0 }, true)]           // back at the earlier best
    [InlineData(new[] { 100.0, 100.0, 100.0, 130.0 }, false)]   // a late 30 % rise: still warming
    [InlineData(new[] { 0.0, 0.0, 0.0 }, false)]                // nothing answered: never steady
    public void Steady_once_the_latest_slice_stops_rising_above_the_best_before_it(double[] slices, bool steady) =>
        Assert.Equal(steady, SteadyRate.IsSteady(slices));
}
