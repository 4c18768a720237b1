using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage;

/// <summary>
/// An in-memory <see cref="IRaftStorage"/> for tests, simulations and benchmarks. Not thread-safe: drive it from
/// the thread that drives its <see cref="RaftNode"/>.
/// </summary>
/// <remarks>
/// Invariant: <c>entries[0]</c> is a placeholder at the snapshot position (its index and term are the snapshot's,
/// its payload is empty), so <c>entries[i].Index == entries[0].Index + i</c> and <see cref="Term"/> of the
/// compaction point needs no special case.
/// </remarks>
public sealed class MemoryRaftStorage : IRaftStorage
{
    private readonly List<Entry> entries = [new Entry(0, 0, EntryType.Normal, default)];
    private HardState hardState;
    private Snapshot snapshot = Messages.Snapshot.Empty;

    /// <summary>Creates a storage whose log is empty and whose base membership is <paramref name="membership"/>.</summary>
    /// <param name="membership">The bootstrap membership for a founding node, or <see cref="Membership.Empty"/> for a
    /// node that joins an existing group.</param>
    public MemoryRaftStorage(Membership membership) =>
        snapshot = new Snapshot(new SnapshotMetadata(0, 0, membership), ReadOnlyMemory<byte>.Empty);

    /// <summary>Creates a storage with no members; the node waits for a leader to contact it.</summary>
    public MemoryRaftStorage()
        : this(Membership.Empty)
    {
    }

    /// <summary>The persisted hard state.</summary>
    public HardState HardState => hardState;

    /// <inheritdoc />
    public ulong FirstIndex => entries[0].Index + 1;

    /// <inheritdoc />
    public ulong LastIndex => entries[0].Index + (ulong)entries.Count - 1;

    /// <inheritdoc />
    public RaftInitialState InitialState() => new(hardState, snapshot.Metadata.Membership);

    /// <inheritdoc />
    public IReadOnlyList<Entry> Entries(ulong low, ulong high, ulong maxBytes)
    {
        var offset = entries[0].Index;
        if (low <= offset)
        {
            throw new RaftStorageException(StorageError.Compacted);
        }

        if (high > LastIndex + 1)
        {
            throw new RaftStorageException(StorageError.Unavailable, $"Entries up to {high - 1} requested; last is {LastIndex}.");
        }

        var count = (int)(high - low);
        var start = (int)(low - offset);
        var size = 0UL;
        var taken = 0;
        while (taken < count)
        {
            size += (ulong)entries[start + taken].PayloadSize;
            if (taken > 0 && size > maxBytes)
            {
                break;
            }

            taken++;
        }

        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries).Slice(start, taken).ToArray();
    }

    /// <inheritdoc />
    public ulong Term(ulong index)
    {
        var offset = entries[0].Index;
        if (index < offset)
        {
            throw new RaftStorageException(StorageError.Compacted);
        }

        if (index - offset >= (ulong)entries.Count)
        {
            throw new RaftStorageException(StorageError.Unavailable);
        }

        return entries[(int)(index - offset)].Term;
    }

    /// <inheritdoc />
    public Snapshot Snapshot() => snapshot;

    /// <summary>Persists a hard state handed out in <see cref="Ready.HardState"/>.</summary>
    public void SetHardState(HardState state) => hardState = state;

    /// <summary>
    /// Persists entries handed out in <see cref="Ready.Entries"/>. Entries at or after the first new index are
    /// replaced (a new leader overwrote an uncommitted suffix); entries before <see cref="FirstIndex"/> are ignored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entries would leave a gap after <see cref="LastIndex"/>.</exception>
    public void Append(IReadOnlyList<Entry> newEntries)
    {
        if (newEntries.Count == 0)
        {
            return;
        }

        var first = FirstIndex;
        var skip = 0;
        while (skip < newEntries.Count && newEntries[skip].Index < first)
        {
            skip++;
        }

        if (skip == newEntries.Count)
        {
            return;
        }

        var start = newEntries[skip].Index;
        if (start > LastIndex + 1)
        {
            throw new InvalidOperationException($"Missing log entries: last is {LastIndex}, appending at {start}.");
        }

        var keep = (int)(start - entries[0].Index);
        entries.RemoveRange(keep, entries.Count - keep);
        for (var i = skip; i < newEntries.Count; i++)
        {
            entries.Add(newEntries[i]);
        }
    }

    /// <summary>
    /// Replaces the whole log with a snapshot received from the leader (<see cref="Ready.Snapshot"/>).
    /// </summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.SnapshotOutOfDate"/> when the storage already
    /// holds a newer snapshot.</exception>
    public void ApplySnapshot(Snapshot newSnapshot)
    {
        if (newSnapshot.Metadata.Index < snapshot.Metadata.Index)
        {
            throw new RaftStorageException(StorageError.SnapshotOutOfDate);
        }

        snapshot = newSnapshot;
        entries.Clear();
        entries.Add(new Entry(newSnapshot.Metadata.Term, newSnapshot.Metadata.Index, EntryType.Normal, default));
    }

    /// <summary>
    /// Records a snapshot the application made of its state at <paramref name="index"/> (an applied index), so the
    /// leader can send it to followers. Does not compact; call <see cref="Compact"/> for that.
    /// </summary>
    /// <param name="index">An index in [snapshot index, LastIndex] that the application has applied.</param>
    /// <param name="membership">The membership at <paramref name="index"/> (<see cref="RaftNode.MembershipAt"/>).</param>
    /// <param name="data">The serialized state.</param>
    /// <exception cref="RaftStorageException"><see cref="StorageError.SnapshotOutOfDate"/> for an index before the
    /// current snapshot.</exception>
    public Snapshot CreateSnapshot(ulong index, Membership membership, ReadOnlyMemory<byte> data)
    {
        if (index <= snapshot.Metadata.Index && !snapshot.IsEmpty)
        {
            throw new RaftStorageException(StorageError.SnapshotOutOfDate);
        }

        if (index > LastIndex)
        {
            throw new InvalidOperationException($"Snapshot index {index} is after the last index {LastIndex}.");
        }

        snapshot = new Snapshot(new SnapshotMetadata(index, Term(index), membership), data);
        return snapshot;
    }

    /// <summary>
    /// Discards entries up to and including <paramref name="compactIndex"/>. The application compacts only up to an
    /// index it has applied and covered by a snapshot (<see cref="CreateSnapshot"/>), or lagging followers could
    /// never catch up.
    /// </summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.Compacted"/> when already compacted past it.</exception>
    public void Compact(ulong compactIndex)
    {
        var offset = entries[0].Index;
        if (compactIndex <= offset)
        {
            throw new RaftStorageException(StorageError.Compacted);
        }

        if (compactIndex > LastIndex)
        {
            throw new InvalidOperationException($"Compact index {compactIndex} is after the last index {LastIndex}.");
        }

        var cut = (int)(compactIndex - offset);
        var placeholder = new Entry(entries[cut].Term, entries[cut].Index, EntryType.Normal, default);
        entries.RemoveRange(0, cut);
        entries[0] = placeholder;
    }
}
