using ReefDB.Simulation.Linearizability;

namespace ReefDB.Simulation.Clients;

/// <summary>
/// An operation a client has invoked and not yet seen answered. Its history id doubles as the request id
/// carried in the Raft entry (writes) or the read-index context (reads).
/// </summary>
internal sealed class ClientRequest(int historyId, KvOperationKind kind, string key, ulong node, long deadline)
{
    public int HistoryId { get; } = historyId;

    public KvOperationKind Kind { get; } = kind;

    public string Key { get; } = key;

    /// <summary>The node the client talks to: it answers once it has applied the write or served the read.</summary>
    public ulong Node { get; } = node;

    /// <summary>The tick at which the client stops waiting and records an unknown outcome.</summary>
    public long Deadline { get; } = deadline;

    /// <summary>Reads: the highest log index of a write acknowledged before this read was invoked.</summary>
    public ulong MustSeeIndex { get; init; }

    /// <summary>Reads: the index the node must apply before answering, once its read index came back.</summary>
    public ulong? ReadIndex { get; set; }
}
