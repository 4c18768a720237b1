using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Simulation.Invariants;

/// <summary>A node's persisted log entries [First, Last], read for the periodic whole-log checks.</summary>
internal sealed class LogView(MemoryRaftStorage disk)
{
    public ulong First { get; } = disk.FirstIndex;

    public ulong Last { get; } = disk.LastIndex;

    public ulong Term(ulong index) => disk.Term(index);

    public Entry Entry(ulong index) => disk.Entries(index, index + 1, ulong.MaxValue)[0];
}
