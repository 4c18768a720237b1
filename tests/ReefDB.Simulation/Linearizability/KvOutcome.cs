namespace ReefDB.Simulation.Linearizability;

/// <summary>What the client learned about an operation it invoked.</summary>
internal enum KvOutcome
{
    /// <summary>The operation was applied and its result is known.</summary>
    Ok,

    /// <summary>The system said, definitively, that the operation had no effect (e.g. refused before proposing).</summary>
    Fail,

    /// <summary>
    /// The client gave up waiting (timeout, crash of the node it talked to) or never heard back:
    /// the operation may have taken effect at any moment after its invocation, or never.
    /// </summary>
    Unknown,
}
