namespace ReefDB.Simulation.Invariants;

/// <summary>A broken invariant, liveness bound or linearizability check: the seed fails.</summary>
internal sealed class SimulationFailure : Exception
{
    public SimulationFailure(string message)
        : base(message)
    {
    }

    public SimulationFailure()
    {
    }

    public SimulationFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
