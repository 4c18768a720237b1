namespace ReefDB.Simulation.Regressions;

/// <summary>
/// The seeds that failed in long runs, replayed on every test run. A seed's run changes whenever the core or the
/// harness changes, so each finding also has a test that does not depend on the seed (named per seed below); these
/// keep the original scenarios honest as long as they still reach them.
/// </summary>
public sealed class LongRunSeedTests
{
    [Theory]
    [InlineData(46183)] // lease read after a leader transfer: LeaseAfterTransferTests
    [InlineData(52559)] // same
    [InlineData(69081)] // same
    [InlineData(78002)] // lease outliving the followers' election timeout: LeaseWindowTests
    [InlineData(44029)] // checker budget (unknown-outcome writes): RecordedHistoryTests
    [InlineData(76547)] // same
    public void Seed_passes(int seed)
    {
        var failure = SimulationRunner.RunSeed(seed);
        Assert.True(failure is null, failure);
    }
}
