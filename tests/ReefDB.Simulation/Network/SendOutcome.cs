namespace ReefDB.Simulation.Network;

/// <summary>What became of a message handed to <see cref="SimNetwork{TMessage}.Send"/>.</summary>
internal enum SendOutcome
{
    /// <summary>On its way (possibly twice).</summary>
    Queued,

    /// <summary>Silently lost, as a datagram would be.</summary>
    Lost,

    /// <summary>The link is cut: the sender's transport notices the failed connection.</summary>
    Cut,
}
