using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Raft.Tracker;

namespace ReefDB.Raft.Core;

/// <summary>The leader's outgoing replication: appends, snapshots and heartbeats (§5.3, §7).</summary>
internal sealed partial class RaftCore
{
    private void BroadcastAppend()
    {
        var ids = Tracker.Ids;
        var progresses = Tracker.Progresses;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] != Id && SendAppend(ids[i], progresses[i], sendIfEmpty: true))
            {
                // A follower in replicate state gets as many size-limited appends as its window allows.
                while (progresses[i].State == ProgressState.Replicate && SendAppend(ids[i], progresses[i], sendIfEmpty: false))
                {
                }
            }
        }
    }

    /// <summary>
    /// Sends the next entries to a follower, or a snapshot if they were compacted, unless its progress is paused.
    /// With <paramref name="sendIfEmpty"/> an empty append still goes out (it carries the commit index and probes).
    /// Returns true when a message was sent.
    /// </summary>
    private bool SendAppend(ulong to, Progress progress, bool sendIfEmpty)
    {
        if (progress.IsPaused)
        {
            return false;
        }

        var previousIndex = progress.Next - 1;
        if (!Log.TryTerm(previousIndex, out var previousTerm))
        {
            return SendSnapshot(to, progress);
        }

        IReadOnlyList<Entry> entries;
        try
        {
            entries = Log.Entries(progress.Next, config.MaxSizePerMessage);
        }
        catch (RaftStorageException e) when (e.Error == StorageError.Compacted)
        {
            return SendSnapshot(to, progress);
        }

        if (entries.Count == 0 && !sendIfEmpty)
        {
            return false;
        }

        var bytes = 0UL;
        for (var i = 0; i < entries.Count; i++)
        {
            bytes += (ulong)entries[i].PayloadSize;
        }

        Messages.Add(new Message
        {
            Type = MessageType.Append,
            From = Id,
            To = to,
            Term = Term,
            Index = previousIndex,
            LogTerm = previousTerm,
            Entries = entries,
            Commit = Log.Committed,
        });
        progress.UpdateOnEntriesSend(entries.Count, bytes, previousIndex + (ulong)entries.Count);
        progress.SentCommit = Log.Committed;
        return true;
    }

    /// <summary>§7: the follower needs compacted entries, so it gets the latest snapshot instead.</summary>
    private bool SendSnapshot(ulong to, Progress progress)
    {
        if (!progress.RecentActive)
        {
            // A snapshot is expensive; wait until the follower shows it is alive.
            return false;
        }

        Snapshot snapshot;
        try
        {
            snapshot = Log.Snapshot();
        }
        catch (RaftStorageException e) when (e.Error == StorageError.SnapshotTemporarilyUnavailable)
        {
            return false;
        }

        if (snapshot.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Follower {to} needs compacted entries but storage has no snapshot: compact only after creating one.");
        }

        progress.BecomeSnapshot(snapshot.Metadata.Index);

        // Installing the snapshot commits everything it covers.
        progress.SentCommit = Math.Max(progress.SentCommit, snapshot.Metadata.Index);
        Messages.Add(new Message { Type = MessageType.Snapshot, From = Id, To = to, Term = Term, Snapshot = snapshot });
        return true;
    }

    private void BroadcastHeartbeat() => BroadcastHeartbeat(readOnly.LastPendingContext());

    private void BroadcastHeartbeat(ReadOnlyMemory<byte> context)
    {
        var ids = Tracker.Ids;
        var progresses = Tracker.Progresses;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] == Id)
            {
                continue;
            }

            // Never tell a follower to commit beyond what it is known to hold: its log may still differ after Match.
            var commit = Math.Min(progresses[i].Match, Log.Committed);
            progresses[i].SentCommit = Math.Max(progresses[i].SentCommit, commit);
            Messages.Add(new Message
            {
                Type = MessageType.Heartbeat,
                From = Id,
                To = ids[i],
                Term = Term,
                Index = HeartbeatRoundStamp,
                Commit = commit,
                Context = context,
            });
        }
    }
}
