using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Replication.Internal;

/// <summary>
/// What the Raft core reads: the durable storage, except that <see cref="Snapshot"/> carries only metadata. The
/// payload stays in its file; the transport streams it (<see cref="RaftReplica.OpenSnapshot"/>), so a leader never
/// loads a whole snapshot in memory to serve a lagging follower.
/// </summary>
internal sealed class ReplicaStorage(DurableRaftStorage storage) : IRaftStorage
{
    public ulong FirstIndex => storage.FirstIndex;

    public ulong LastIndex => storage.LastIndex;

    public RaftInitialState InitialState() => storage.InitialState();

    public IReadOnlyList<Entry> Entries(ulong low, ulong high, ulong maxBytes) => storage.Entries(low, high, maxBytes);

    public ulong Term(ulong index) => storage.Term(index);

    public Snapshot Snapshot() => new(storage.SnapshotMetadata, ReadOnlyMemory<byte>.Empty);
}
