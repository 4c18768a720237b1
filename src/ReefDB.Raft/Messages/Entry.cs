namespace ReefDB.Raft.Messages;

/// <summary>One position of the replicated log.</summary>
/// <remarks>
/// A value type so that batches of entries are one allocation. <see cref="Data"/> is not copied: the core never
/// mutates it, and callers must not mutate a buffer after handing it to <see cref="RaftNode.Propose(ReadOnlyMemory{byte})"/>.
/// </remarks>
public readonly struct Entry
{
    /// <summary>Creates an entry.</summary>
    public Entry(ulong term, ulong index, EntryType type, ReadOnlyMemory<byte> data)
    {
        Term = term;
        Index = index;
        Type = type;
        Data = data;
    }

    /// <summary>The term of the leader that created the entry.</summary>
    public ulong Term { get; }

    /// <summary>The log position, starting at 1.</summary>
    public ulong Index { get; }

    /// <summary>How to interpret <see cref="Data"/>.</summary>
    public EntryType Type { get; }

    /// <summary>The payload; empty for the no-op a new leader appends.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>
    /// The size counted against message and uncommitted-size limits: the payload length. Headers are not counted,
    /// so limits are approximate by a few bytes per entry.
    /// </summary>
    public long PayloadSize => Data.Length;

    /// <summary>A copy with another term and index (used when the leader stamps a proposal).</summary>
    public Entry WithPosition(ulong term, ulong index) => new(term, index, Type, Data);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Term}/{Index} {Type} ({Data.Length} B)");
}
