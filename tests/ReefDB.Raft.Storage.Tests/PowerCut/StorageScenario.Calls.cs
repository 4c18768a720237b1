using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Tests.PowerCut;

/// <summary>What the completed calls left: hard state, newest snapshot (position and payload), log entries.</summary>
internal sealed record Model
{
    public HardState Hard { get; init; }

    public ulong SnapshotIndex { get; init; }

    public ulong SnapshotTerm { get; init; }

    public byte[] SnapshotData { get; init; } = [];

    public ulong First { get; init; } = 1;

    public ulong Last => First + (ulong)Entries.Count(e => e.Key >= First) - 1;

    public Dictionary<ulong, Entry> Entries { get; init; } = [];

    /// <summary>The highest term in use: new entries and hard states never go below it.</summary>
    public ulong Term => Math.Max(Math.Max(Hard.Term, SnapshotTerm), Entries.Count == 0 ? 0 : Entries.Values.Max(e => e.Term));

    public static Model Of(DurableRaftStorage storage)
    {
        var snapshot = storage.Snapshot();
        var entries = storage.LastIndex < storage.FirstIndex
            ? []
            : storage.Entries(storage.FirstIndex, storage.LastIndex + 1, ulong.MaxValue).ToDictionary(e => e.Index);
        return new Model
        {
            Hard = storage.HardState,
            SnapshotIndex = snapshot.Metadata.Index,
            SnapshotTerm = snapshot.Metadata.Term,
            SnapshotData = snapshot.Data.ToArray(),
            First = storage.FirstIndex,
            Entries = entries,
        };
    }

    public override string ToString() =>
        $"hard ({Hard.Term}, {Hard.Vote}, {Hard.Commit}), snapshot {SnapshotIndex}/{SnapshotTerm} ({SnapshotData.Length} B), log [{First}, {Last}]";
}

/// <summary>One storage call: runs it, and says what the model is once it completed.</summary>
internal abstract record Call
{
    public abstract void Run(DurableRaftStorage storage);

    public abstract Model After(Model before);
}

internal sealed record AppendCall(Entry[] Entries) : Call
{
    public override void Run(DurableRaftStorage storage) => storage.Append(Entries);

    public override Model After(Model before)
    {
        var entries = before.Entries.Where(e => e.Key < Entries[0].Index).ToDictionary();
        foreach (var entry in Entries)
        {
            entries[entry.Index] = entry;
        }

        return before with { Entries = entries };
    }

    public override string ToString() => $"append [{Entries[0].Index}, {Entries[^1].Index}] term {Entries[0].Term} ({Entries.Sum(e => e.Data.Length)} B)";
}

internal sealed record HardStateCall(HardState State) : Call
{
    public override void Run(DurableRaftStorage storage) => storage.SetHardState(State);

    public override Model After(Model before) => before with { Hard = State };

    public override string ToString() => $"hard state ({State.Term}, {State.Vote}, {State.Commit})";
}

internal sealed record CreateSnapshotCall(ulong Index, byte[] Data, bool ThroughWriter) : Call
{
    public override void Run(DurableRaftStorage storage)
    {
        if (!ThroughWriter)
        {
            storage.CreateSnapshot(Index, Fixtures.Bootstrap, new MemoryStream(Data));
            return;
        }

        using var writer = storage.BeginSnapshot();
        writer.Write(Data);
        writer.Complete();
        storage.CreateSnapshot(Index, Fixtures.Bootstrap, writer);
    }

    public override Model After(Model before) => before with
    {
        SnapshotIndex = Index,
        SnapshotTerm = before.Entries[Index].Term,
        SnapshotData = Data,
    };

    public override string ToString() => $"snapshot at {Index} ({Data.Length} B{(ThroughWriter ? ", by rename" : "")})";
}

internal sealed record CompactCall(ulong Index) : Call
{
    public override void Run(DurableRaftStorage storage) => storage.Compact(Index);

    public override Model After(Model before) => before with
    {
        First = Index + 1,
        Entries = before.Entries.Where(e => e.Key > Index).ToDictionary(),
    };

    public override string ToString() => $"compact to {Index}";
}

internal sealed record ApplySnapshotCall(SnapshotMetadata Metadata, byte[] Data) : Call
{
    public override void Run(DurableRaftStorage storage) => storage.ApplySnapshot(new Snapshot(Metadata, Data));

    public override Model After(Model before) => before with
    {
        SnapshotIndex = Metadata.Index,
        SnapshotTerm = Metadata.Term,
        SnapshotData = Data,
        First = Metadata.Index + 1,
        Entries = [],
    };

    public override string ToString() => $"install leader snapshot {Metadata.Index}/{Metadata.Term} ({Data.Length} B)";
}
