using ReefDB.Simulation.Cluster;

namespace ReefDB.Simulation;

/// <summary>Replaying a failing seed is only useful if a seed always does exactly the same thing.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(42)]
    public void A_seed_replays_the_same_steps_and_history(int seed)
    {
        var first = new SimCluster(seed, new SimTrace(enabled: true, capacity: 100_000));
        first.Run();
        var second = new SimCluster(seed, new SimTrace(enabled: true, capacity: 100_000));
        second.Run();

        Assert.Equal(first.Trace.Lines, second.Trace.Lines);
        Assert.Equal(first.History.Operations(), second.History.Operations());
        Assert.True(first.History.Count > 0);
    }
}
