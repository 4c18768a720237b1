namespace ReefDB.Simulation.Linearizability;

/// <summary>The client operations of the key-value model the checker understands.</summary>
internal enum KvOperationKind
{
    /// <summary>Sets the key to a value; has no result.</summary>
    Put,

    /// <summary>Reads the key; the result is the value, or null when the key was never written.</summary>
    Get,

    /// <summary>Sets the key to a new value if it currently holds the expected one; the result says whether it did.</summary>
    Cas,
}
