using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage;

/// <summary>
/// The persisted log the core reads from. The core never writes to it: the application persists what each
/// <see cref="Ready"/> hands out (entries, hard state, snapshot) and compacts when it chooses.
/// </summary>
/// <remarks>
/// <para>Indexes: the storage holds entries [<see cref="FirstIndex"/>, <see cref="LastIndex"/>]; the term of
/// <see cref="FirstIndex"/> - 1 (the last compacted entry, i.e. the snapshot's) stays available through
/// <see cref="Term"/>. An empty log has <c>LastIndex == FirstIndex - 1</c>.</para>
/// <para>Errors: only <see cref="RaftStorageException"/> with the documented <see cref="StorageError"/> kinds are
/// expected. Any other exception means the storage is broken; the core lets it propagate and the node must stop.</para>
/// <para>Threading: the core calls it from the thread that drives <see cref="RaftNode"/>; an implementation that
/// is written to by another thread must synchronise itself.</para>
/// </remarks>
public interface IRaftStorage
{
    /// <summary>The persisted hard state and base membership, read once when a <see cref="RaftNode"/> is created.</summary>
    RaftInitialState InitialState();

    /// <summary>
    /// Entries in [<paramref name="low"/>, <paramref name="high"/>), stopping early once their total
    /// <see cref="Entry.PayloadSize"/> would exceed <paramref name="maxBytes"/>; at least one entry is returned when
    /// the range is not empty.
    /// </summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.Compacted"/> when <paramref name="low"/> &lt;=
    /// FirstIndex - 1; <see cref="StorageError.Unavailable"/> when <paramref name="high"/> &gt; LastIndex + 1.</exception>
    IReadOnlyList<Entry> Entries(ulong low, ulong high, ulong maxBytes);

    /// <summary>The term of the entry at <paramref name="index"/>, for index in [FirstIndex - 1, LastIndex].</summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.Compacted"/> below that range,
    /// <see cref="StorageError.Unavailable"/> above it.</exception>
    ulong Term(ulong index);

    /// <summary>The index of the first entry still held (the snapshot index + 1).</summary>
    ulong FirstIndex { get; }

    /// <summary>The index of the last entry held (FirstIndex - 1 when the log is empty).</summary>
    ulong LastIndex { get; }

    /// <summary>The most recent snapshot, to send to a follower that fell behind the compaction point.</summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.SnapshotTemporarilyUnavailable"/> while one is
    /// being prepared; the leader tries again later.</exception>
    Snapshot Snapshot();
}
