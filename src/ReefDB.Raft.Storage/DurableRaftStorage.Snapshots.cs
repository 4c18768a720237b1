using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;

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
        var current = SnapshotMetadata.Index;
        if (index <= current && current != 0)
        {
            throw new RaftStorageException(StorageError.SnapshotOutOfDate);
        }

        if (index > LastIndex)
        {
            throw new InvalidOperationException($"Snapshot index {index} is after the last index {LastIndex}.");
        }

        var metadata = new SnapshotMetadata(index, Term(index), membership);
        snapshots.Install(metadata, data);
        return metadata;
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
        log.ResetTo(metadata.Index, metadata.Term);
        StateFile.Write(directory, hardState, metadata.Membership, fsync);
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
