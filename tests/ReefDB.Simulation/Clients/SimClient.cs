namespace ReefDB.Simulation.Clients;

/// <summary>A client issues one operation at a time and remembers which node it believes leads.</summary>
internal sealed class SimClient(int id)
{
    public int Id { get; } = id;

    public ClientRequest? Current { get; set; }

    /// <summary>The node the client tries first; 0 when it has no idea.</summary>
    public ulong LeaderHint { get; set; }

    /// <summary>After a refusal (no leader yet) the client waits until this tick before trying again.</summary>
    public long BackOffUntil { get; set; }
}
