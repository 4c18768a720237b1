using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;
using ReefDB.Raft.Storage.Snapshots;

namespace ReefDB.Raft.Storage;

/// <summary>Snapshots and compaction.</summary>
public sealed partial class DurableRaftStorage
{
    /// <summary>The position and membership of the newest snapshot (index 0 and the bootstrap membership when
    /// there is none).</summary>
    public SnapshotMetadata SnapshotMetadata =>
        snapshots.Newest?.Metadata ?? new SnapshotMetadata(0, 0, baseMembership);

    /// <inheritdoc />
    /// <remarks>The core's <see cref="Messages.Snapshot"/> carries its payload in memory, so this reads the whole
    /// file; a transport that streams should use <see cref="OpenSnapshot"/> instead.</remarks>
    public Snapshot Snapshot() => snapshots.Newest is { } newest
        ? new Snapshot(newest.Metadata, snapshots.ReadAll(newest))
        : new Snapshot(SnapshotMetadata, ReadOnlyMemory<byte>.Empty);

    /// <summary>The full path of the newest snapshot's payload file, or null when there is none. The file may be pruned
    /// once two newer snapshots exist; a reader that opened it keeps reading (it is opened with delete sharing).</summary>
    public string? SnapshotPath => snapshots.Newest is { } newest ? snapshots.PathOf(newest) : null;

    /// <summary>
    /// Starts a snapshot payload in a temporary file of its own. Unlike the rest of this type, safe to call from any
    /// thread, and the writer may be filled on any thread (a background snapshot, a transport receiving one); only
    /// adopting it (<see cref="CreateSnapshot(ulong, Membership, SnapshotFileWriter)"/>,
    /// <see cref="ApplySnapshot(SnapshotMetadata, SnapshotFileWriter)"/>) happens on the driving thread, as a rename.
    /// </summary>
    public SnapshotFileWriter BeginSnapshot() => snapshots.BeginWrite();

    /// <summary>Opens the newest snapshot's payload as a stream (empty when there is none); the caller disposes it.</summary>
    public Stream OpenSnapshot() => snapshots.Newest is { } newest ? snapshots.OpenRead(newest) : Stream.Null;

    /// <summary>
    /// Records a snapshot the application made of its state at <paramref name="index"/> (an applied index), streaming
    /// <paramref name="data"/> to disk. Does not compact; call <see cref="Compact"/> for that.
    /// </summary>
    /// <param name="membership">The membership at <paramref name="index"/> (<see cref="RaftNode.MembershipAt"/>).</param>
    /// <exception cref="RaftStorageException"><see cref="StorageError.SnapshotOutOfDate"/> for an index at or before
    /// the current snapshot.</exception>
    public SnapshotMetadata CreateSnapshot(ulong index, Membership membership, Stream data)
    {
        var metadata = CheckNewSnapshot(index, membership);
        snapshots.Install(metadata, data);
        return metadata;
    }

    /// <summary>
    /// Records a snapshot at <paramref name="index"/> whose payload was written (and completed) through
    /// <paramref name="written"/>: the file is renamed into place, not copied.
    /// </summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.SnapshotOutOfDate"/> for an index at or before
    /// the current snapshot (the writer is left as is; dispose it).</exception>
    /// <exception cref="InvalidOperationException">The writer is not complete or was adopted already.</exception>
    public SnapshotMetadata CreateSnapshot(ulong index, Membership membership, SnapshotFileWriter written)
    {
        var metadata = CheckNewSnapshot(index, membership);
        snapshots.Adopt(metadata, written);
        return metadata;
    }

    private SnapshotMetadata CheckNewSnapshot(ulong index, Membership membership)
    {
        var current = SnapshotMetadata.Index;
        if (index <= current && current != 0)
        {
            throw new RaftStorageException(StorageError.SnapshotOutOfDate);
        }

        if (index > LastIndex)
        {
            throw new InvalidOperationException($"Snapshot index {index} is after the last index {LastIndex}.");
        }

        return new SnapshotMetadata(index, Term(index), membership);
    }

    /// <summary>
    /// Installs a snapshot received from the leader (<see cref="Ready.Snapshot"/>) and replaces the whole log by it.
    /// The payload is streamed from <paramref name="data"/>.
    /// </summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.SnapshotOutOfDate"/> when the storage already
    /// holds a newer snapshot.</exception>
    public void ApplySnapshot(SnapshotMetadata metadata, Stream data)
    {
        if (metadata.Index < SnapshotMetadata.Index)
        {
            throw new RaftStorageException(StorageError.SnapshotOutOfDate);
        }

        // The manifest is the commit point; a crash before the log reset leaves a log that open() recognises as
        // stale (it lacks the snapshot's position and term) and discards.
        snapshots.Install(metadata, data);
        ResetLogTo(metadata);
    }

    /// <summary>
    /// Installs a snapshot received from the leader whose payload was written (and completed) through
    /// <paramref name="written"/>, and replaces the whole log by it. The file is renamed into place, not copied.
    /// </summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.SnapshotOutOfDate"/> when the storage already
    /// holds a newer snapshot.</exception>
    public void ApplySnapshot(SnapshotMetadata metadata, SnapshotFileWriter written)
    {
        if (metadata.Index < SnapshotMetadata.Index)
        {
            throw new RaftStorageException(StorageError.SnapshotOutOfDate);
        }

        snapshots.Adopt(metadata, written);
        ResetLogTo(metadata);
    }

    private void ResetLogTo(SnapshotMetadata metadata)
    {
        log.ResetTo(metadata.Index, metadata.Term);
        StateFile.Write(files, directory, hardState, metadata.Membership);
        baseMembership = metadata.Membership;
    }

    /// <summary>Installs a snapshot received from the leader whose payload is in memory.</summary>
    public void ApplySnapshot(Snapshot snapshot)
    {
        using var data = new MemoryStream(snapshot.Data.ToArray(), writable: false);
        ApplySnapshot(snapshot.Metadata, data);
    }

    /// <summary>
    /// Discards entries up to and including <paramref name="compactIndex"/>, deleting the log segments that lie
    /// wholly before it. Only what a durable snapshot covers may be compacted.
    /// </summary>
    /// <exception cref="RaftStorageException"><see cref="StorageError.Compacted"/> when already compacted past it.</exception>
    /// <exception cref="InvalidOperationException">No snapshot covers <paramref name="compactIndex"/>.</exception>
    public void Compact(ulong compactIndex)
    {
        if (compactIndex < FirstIndex)
        {
            throw new RaftStorageException(StorageError.Compacted);
        }

        if (compactIndex > SnapshotMetadata.Index)
        {
            throw new InvalidOperationException(
                $"Compact index {compactIndex} is not covered by a snapshot (newest at {SnapshotMetadata.Index}).");
        }

        log.Compact(compactIndex);
    }
}
