using System.Diagnostics;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Snapshots;
using ReefDB.Replication.Internal;
using ReefDB.StateMachine.Snapshots;

namespace ReefDB.Replication;

/// <summary>Snapshots: taken in the background, streamed out, received as files, installed, and compaction.</summary>
public sealed partial class RaftReplica
{
    private const int SnapshotBuffer = 1 << 16;

    // Loop thread only.
    private readonly Dictionary<(ulong Index, ulong Term), SnapshotFileWriter> incomingSnapshots = [];
    private readonly List<TaskCompletionSource<SnapshotMetadata>> snapshotWaiters = [];
    private bool snapshotInProgress;
    private bool snapshotRequested;
    private ulong appliedAtLastSnapshot;
    private long logBytesAtLastSnapshot;
    private long lastSnapshotBytes;

    // Any thread: the snapshots a transport may stream (the newest two are kept on disk).
    private volatile SnapshotFileRef[] publishedSnapshots = [];

    /// <summary>
    /// Opens the payload of the snapshot described by <paramref name="metadata"/> (from a
    /// <see cref="MessageType.Snapshot"/> message) as a read-only file stream, for a transport to send in chunks.
    /// Any thread; the caller disposes the stream.
    /// </summary>
    /// <exception cref="FileNotFoundException">That snapshot is no longer kept (two newer ones exist): report the
    /// send as failed with <see cref="ReportSnapshot"/>; the leader will send the newest.</exception>
    public Stream OpenSnapshot(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var published in publishedSnapshots)
        {
            if (published.Metadata.Index == metadata.Index && published.Metadata.Term == metadata.Term)
            {
                return new FileStream(published.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, SnapshotBuffer);
            }
        }

        throw new FileNotFoundException($"Snapshot {metadata.Index}/{metadata.Term} is no longer kept by node {NodeId}.");
    }

    /// <summary>
    /// Receives a snapshot sent by the leader: <paramref name="payload"/> is copied into a file in the raft directory
    /// on the caller's thread (never held in memory), then <paramref name="message"/> is stepped; the loop installs
    /// the file when the core accepts it. Returns once the payload is durable and the message queued.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="message"/> is not a snapshot message.</exception>
    public async Task ReceiveSnapshotAsync(Message message, Stream payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        if (message.Type != MessageType.Snapshot || message.Snapshot is null)
        {
            throw new ArgumentException("Not a snapshot message.", nameof(message));
        }

        if (StoppedError() is { } stoppedError)
        {
            throw stoppedError;
        }

        var writer = storage.BeginSnapshot();
        try
        {
            await payload.CopyToAsync(writer, SnapshotBuffer, cancellationToken).ConfigureAwait(false);
            writer.Complete();
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var metadata = message.Snapshot.Metadata;
        var stepped = message with { Snapshot = message.Snapshot with { Data = ReadOnlyMemory<byte>.Empty } };
        Post(() =>
        {
            if (incomingSnapshots.Remove((metadata.Index, metadata.Term), out var older))
            {
                older.Dispose();
            }

            incomingSnapshots[(metadata.Index, metadata.Term)] = writer;
            StepMessage(stepped);
        });
        if (loopExited)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes a snapshot of the applied state now (in the background) and compacts the log; completes with its
    /// metadata. When nothing was applied since the last snapshot, completes with that one.
    /// </summary>
    public async Task<SnapshotMetadata> SnapshotNowAsync(CancellationToken cancellationToken = default)
    {
        var waiter = new TaskCompletionSource<SnapshotMetadata>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Call(() =>
        {
            snapshotWaiters.Add(waiter);
            snapshotRequested = true;
            MaybeStartSnapshot(force: true);
            return true;
        }).ConfigureAwait(false);
        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void PersistIncomingSnapshot(Snapshot snapshot)
    {
        var metadata = snapshot.Metadata;
        if (incomingSnapshots.Remove((metadata.Index, metadata.Term), out var writer))
        {
            storage.ApplySnapshot(metadata, writer);
            writer.Dispose();
        }
        else if (!snapshot.Data.IsEmpty)
        {
            storage.ApplySnapshot(snapshot);
        }
        else
        {
            throw new InvalidOperationException(
                $"The core installs snapshot {metadata.Index}/{metadata.Term} but its payload never arrived (a transport must deliver it with ReceiveSnapshotAsync).");
        }

        foreach (var key in incomingSnapshots.Keys.Where(k => k.Index <= metadata.Index).ToList())
        {
            incomingSnapshots.Remove(key, out var stale);
            stale!.Dispose();
        }

        PublishSnapshot();
        MarkSnapshotTaken(metadata.Index);
    }

    private void InstallSnapshotIntoStateMachine(SnapshotMetadata metadata)
    {
        var path = storage.SnapshotPath ?? throw new InvalidOperationException("The installed snapshot has no file.");
        var started = Stopwatch.GetTimestamp();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, SnapshotBuffer))
        {
            stateMachine.Restore(ReadSnapshot(stream, path, metadata.Index));
        }

        meter.SnapshotInstalled(started, path);
        LogMessages.SnapshotInstalled(logger, NodeId, metadata.Index, metadata.Term);
        AbandonProposalsUpTo(metadata.Index);
        CompleteAppliedWaiters();
    }

    private void MaybeStartSnapshot(bool force)
    {
        if (snapshotInProgress)
        {
            return;
        }

        var state = stateMachine.Current;
        var applied = state.AppliedIndex;
        var logGrowth = storage.LogBytesOnDisk - logBytesAtLastSnapshot;
        var due = (applied - appliedAtLastSnapshot >= options.SnapshotEntries
                || (applied > appliedAtLastSnapshot && logGrowth >= options.SnapshotLogBytes))
            && logGrowth >= lastSnapshotBytes * options.SnapshotMinLogRatio;
        if (!due && !(force || snapshotRequested))
        {
            return;
        }

        snapshotRequested = false;
        if (applied <= storage.SnapshotMetadata.Index)
        {
            CompleteSnapshotWaiters(storage.SnapshotMetadata);
            return;
        }

        snapshotInProgress = true;
        var started = Stopwatch.GetTimestamp();
        var membership = node.MembershipAt(applied);
        var writer = storage.BeginSnapshot();
        LogMessages.SnapshotStarted(logger, NodeId, applied);
        _ = Task.Run(() =>
        {
            Exception? error = null;
            try
            {
                // The state is immutable: serializing it here races with nothing while apply goes on.
                StateMachineSnapshot.Write(state, writer);
                writer.Complete();
            }
            catch (Exception e)
            {
                error = e;
            }

            Post(() => FinishSnapshot(applied, membership, writer, error, started));
        });
    }

    private void FinishSnapshot(ulong index, Membership membership, SnapshotFileWriter writer, Exception? error, long started)
    {
        snapshotInProgress = false;
        using (writer)
        {
            if (error is not null)
            {
                LogMessages.SnapshotFailed(logger, NodeId, index, error);
                FailSnapshotWaiters(error);
                return;
            }

            if (index <= storage.SnapshotMetadata.Index)
            {
                // A snapshot from the leader overtook this one.
                CompleteSnapshotWaiters(storage.SnapshotMetadata);
                return;
            }

            var metadata = storage.CreateSnapshot(index, membership, writer);
            var compactTo = index > options.CompactionTail ? index - options.CompactionTail : 0;
            if (compactTo >= storage.FirstIndex)
            {
                storage.Compact(compactTo);
            }

            PublishSnapshot();
            MarkSnapshotTaken(index);
            meter.SnapshotTaken(started, lastSnapshotBytes);
            LogMessages.SnapshotTaken(logger, NodeId, index, storage.LogBytesOnDisk);
            CompleteSnapshotWaiters(metadata);
        }

        if (snapshotRequested)
        {
            MaybeStartSnapshot(force: true);
        }
    }

    /// <summary>Where the next automatic snapshot counts from: this one's index, the log's size now, and this
    /// snapshot's size (see <see cref="RaftReplicaOptions.SnapshotMinLogRatio"/>).</summary>
    private void MarkSnapshotTaken(ulong index)
    {
        appliedAtLastSnapshot = index;
        logBytesAtLastSnapshot = storage.LogBytesOnDisk;
        lastSnapshotBytes = ReplicationMeter.SizeOf(storage.SnapshotPath);
    }

    private void CompleteSnapshotWaiters(SnapshotMetadata metadata)
    {
        foreach (var waiter in snapshotWaiters)
        {
            waiter.TrySetResult(metadata);
        }

        snapshotWaiters.Clear();
    }

    private void FailSnapshotWaiters(Exception error)
    {
        foreach (var waiter in snapshotWaiters)
        {
            waiter.TrySetException(error);
        }

        snapshotWaiters.Clear();
    }

    private void PublishSnapshot()
    {
        if (storage.SnapshotPath is not { } path)
        {
            return;
        }

        var newest = new SnapshotFileRef(storage.SnapshotMetadata, path);
        var previous = publishedSnapshots;
        publishedSnapshots = previous.Length == 0 ? [newest] : [newest, previous[0]];
    }

    private void DisposeIncomingSnapshots()
    {
        foreach (var writer in incomingSnapshots.Values)
        {
            writer.Dispose();
        }

        incomingSnapshots.Clear();
    }

    private sealed record SnapshotFileRef(SnapshotMetadata Metadata, string Path);
}
