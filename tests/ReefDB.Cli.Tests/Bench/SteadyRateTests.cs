using ReefDB.Cli.Bench;

namespace ReefDB.Cli.Tests.Bench;

public sealed class SteadyRateTests
{
    [Theory]
    [InlineData(new[] { 100.0, 100.0, 100.0 }, false)]                                  // too few slices to judge
    [InlineData(new[] { 100.0, 100.0, 100.0, 100.0 }, true)]                            // flat from the start
    [InlineData(new[] { 20.0, 180.0, 400.0, 700.0 }, false)]                            // a cold server still climbing
    [InlineData(new[] { 389.0, 289.0, 281.0, 300.0 }, false)]                           // slower while the JIT recompiles
    [InlineData(new[] { 202.0, 184.0, 229.0, 425.0, 675.0, 862.0, 853.0, 860.0 }, false)] // just reached a plateau
    [InlineData(new[] { 202.0, 184.0, 229.0, 425.0, 675.0, 862.0, 853.0, 860.0, 855.0 }, true)] // and held it
    [InlineData(new[] { 1000.0, 865.0, 1024.0, 980.0 }, false)]                         // a 16 % dip still in the window
    [InlineData(new[] { 1000.0, 865.0, 1024.0, 980.0, 1001.0 }, true)]                  // three slices within 10 %
    [InlineData(new[] { 100.0, 100.0, 100.0, 100.0, 130.0, 131.0, 129.0 }, false)]      // a late 30 % rise: still warming
    [InlineData(new[] { 1000.0, 1000.0, 1000.0, 600.0, 600.0, 600.0 }, false)]          // below what it already did
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0 }, false)]                                   // nothing answered: never steady
    public void Steady_once_three_slices_agree_with_each_other_and_with_the_best_before_them(double[] slices, bool steady) =>
        Assert.Equal(steady, SteadyRate.IsSteady(slices));
}
