using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Raft.Tests.Support;

/// <summary>One node and a driver that follows the <see cref="Ready"/> contract: persist, send, apply, advance.</summary>
internal sealed class TestNode(RaftNode raft, MemoryRaftStorage storage)
{
    public RaftNode Raft { get; } = raft;

    public MemoryRaftStorage Storage { get; } = storage;

    /// <summary>Applied normal entries with a payload, in order.</summary>
    public List<Entry> Applied { get; } = [];

    public List<ReadState> ReadStates { get; } = [];

    public Snapshot? InstalledSnapshot { get; private set; }

    public ulong Id => Raft.Id;

    public List<Message> HandleReady()
    {
        var ready = Raft.GetReady();
        if (ready.Snapshot is not null)
        {
            Storage.ApplySnapshot(ready.Snapshot);
            InstalledSnapshot = ready.Snapshot;
        }

        Storage.Append(ready.Entries);
        if (ready.HardState is { } hard)
        {
            Storage.SetHardState(hard);
        }

        foreach (var entry in ready.CommittedEntries)
        {
            if (entry.Type == EntryType.Normal && !entry.Data.IsEmpty)
            {
                Applied.Add(entry);
            }
        }

        ReadStates.AddRange(ready.ReadStates);
        var messages = ready.Messages.ToList();
        Raft.Advance(ready);
        return messages;
    }

    public IEnumerable<string> AppliedText() => Applied.Select(e => System.Text.Encoding.UTF8.GetString(e.Data.Span));
}
