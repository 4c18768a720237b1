namespace ReefDB.Simulation.Linearizability;

/// <summary>The answer of the checker for a whole history.</summary>
internal enum LinearizabilityVerdict
{
    /// <summary>Some total order of the operations respects real time and the register semantics.</summary>
    Linearizable,

    /// <summary>No such order exists: the system broke linearizability.</summary>
    NotLinearizable,

    /// <summary>The search exceeded its step budget before deciding (the history is too concurrent).</summary>
    Undecided,
}
