namespace ReefDB.Raft;

/// <summary>The state a node must persist before it acts on it (votes, acknowledgements).</summary>
/// <param name="Term">The current term.</param>
/// <param name="Vote">Whom this node voted for in <paramref name="Term"/> (0: nobody).</param>
/// <param name="Commit">The highest index known committed. Persisting it is an optimisation (less replay
/// after restart), not a safety requirement.</param>
public readonly record struct HardState(ulong Term, ulong Vote, ulong Commit)
{
    /// <summary>True for the zero value: a node that never persisted anything.</summary>
    public bool IsEmpty => Term == 0 && Vote == 0 && Commit == 0;
}
