using System.Globalization;

namespace ReefDB.Raft.Tracker;

/// <summary>The leader's view of one member's log, driving what it sends there next.</summary>
internal sealed class Progress
{
    public Progress(ulong next, int maxInflight, ulong maxInflightBytes, bool isLearner)
    {
        Next = next;
        Inflights = new Inflights(maxInflight, maxInflightBytes);
        IsLearner = isLearner;
    }

    /// <summary>The highest index known to match the leader's log. Invariant: Match &lt; Next.</summary>
    public ulong Match { get; private set; }

    /// <summary>The next index to send. Invariant: Match &lt; Next &lt;= leader's last index + 1 (in
    /// <see cref="ProgressState.Replicate"/>, entries in [Match+1, Next) are in flight).</summary>
    public ulong Next { get; private set; }

    public ProgressState State { get; private set; } = ProgressState.Probe;

    /// <summary>In <see cref="ProgressState.Snapshot"/>: the index of the snapshot being sent.</summary>
    public ulong PendingSnapshot { get; private set; }

    /// <summary>True when the member was heard from since the last check-quorum round.</summary>
    public bool RecentActive { get; set; }

    /// <summary>In <see cref="ProgressState.Probe"/>: an append is outstanding, wait for its answer (or the next
    /// heartbeat response) before probing again.</summary>
    public bool MsgAppFlowPaused { get; set; }

    public Inflights Inflights { get; }

    /// <summary>The highest commit index sent to the member (in an append or heartbeat). Lets the leader send an
    /// empty append just to carry a new commit index, but only when that can move the member's commit forward.</summary>
    public ulong SentCommit { get; set; }

    /// <summary>True when sending <paramref name="commit"/> may advance the member's commit index: it is newer than
    /// what was sent, and what was sent did not already cover everything the member holds.</summary>
    public bool CanBumpCommit(ulong commit) => commit > SentCommit && SentCommit < Next - 1;

    public bool IsLearner { get; set; }

    /// <summary>True when nothing more may be sent now.</summary>
    public bool IsPaused => State switch
    {
        ProgressState.Probe => MsgAppFlowPaused,
        ProgressState.Replicate => Inflights.Full,
        _ => true,
    };

    /// <summary>Forgets everything learned about the member (a new term starts): probe from the leader's end.</summary>
    public void Reset(ulong next, ulong match)
    {
        Match = match;
        Next = next;
        SentCommit = 0;
        ResetState(ProgressState.Probe);
        RecentActive = false;
    }

    /// <param name="snapshotSucceeded">When leaving <see cref="ProgressState.Snapshot"/>: whether the follower
    /// received the snapshot (then it holds at least the snapshot, so probing starts just after it).</param>
    public void BecomeProbe(bool snapshotSucceeded = true)
    {
        if (State == ProgressState.Snapshot)
        {
            var pending = snapshotSucceeded ? PendingSnapshot : 0;
            ResetState(ProgressState.Probe);
            Next = Math.Max(Match + 1, pending + 1);
        }
        else
        {
            ResetState(ProgressState.Probe);
            Next = Match + 1;
        }

        SentCommit = Math.Min(SentCommit, Next - 1);
    }

    public void BecomeReplicate()
    {
        ResetState(ProgressState.Replicate);
        Next = Match + 1;
    }

    public void BecomeSnapshot(ulong snapshotIndex)
    {
        ResetState(ProgressState.Snapshot);
        PendingSnapshot = snapshotIndex;
    }

    /// <summary>Records that an append carrying <paramref name="entries"/> entries (ending at
    /// <paramref name="lastIndex"/>) was sent.</summary>
    public void UpdateOnEntriesSend(int entries, ulong bytes, ulong lastIndex)
    {
        switch (State)
        {
            case ProgressState.Replicate:
                if (entries > 0)
                {
                    Next = lastIndex + 1;
                    Inflights.Add(lastIndex, bytes);
                }

                break;
            case ProgressState.Probe:
                // Any append in probe state is a probe: wait for its answer.
                MsgAppFlowPaused = true;
                break;
            default:
                throw new InvalidOperationException($"Sending entries in state {State}.");
        }
    }

    /// <summary>An acknowledgement up to <paramref name="index"/> arrived; false if it was stale.</summary>
    public bool MaybeUpdate(ulong index)
    {
        var updated = false;
        if (Match < index)
        {
            Match = index;
            updated = true;
            MsgAppFlowPaused = false;
        }

        Next = Math.Max(Next, index + 1);
        return updated;
    }

    /// <summary>
    /// A rejection of the append at <paramref name="rejected"/> arrived, with the follower's hint that its log may
    /// match up to <paramref name="matchHint"/>. Returns false when the rejection is stale (answers an older probe).
    /// </summary>
    public bool MaybeDecrTo(ulong rejected, ulong matchHint)
    {
        if (State == ProgressState.Replicate)
        {
            // Appends are pipelined; a rejection of anything at or below Match is from before we knew better.
            if (rejected <= Match)
            {
                return false;
            }

            Next = Match + 1;
            SentCommit = Math.Min(SentCommit, Next - 1);
            return true;
        }

        // In probe state only the latest probe (at Next - 1) is meaningful.
        if (Next - 1 != rejected)
        {
            return false;
        }

        Next = Math.Max(Math.Min(rejected, matchHint + 1), Match + 1);
        SentCommit = Math.Min(SentCommit, Next - 1);
        MsgAppFlowPaused = false;
        return true;
    }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{State} match={Match} next={Next}");
        if (IsLearner)
        {
            text += " learner";
        }

        if (State == ProgressState.Snapshot)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" pendingSnap={PendingSnapshot}");
        }

        if (State == ProgressState.Replicate && Inflights.Count > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" inflight={Inflights.Count}");
            if (Inflights.Full)
            {
                text += "[full]";
            }
        }

        if (State == ProgressState.Probe && MsgAppFlowPaused)
        {
            text += " paused";
        }

        if (!RecentActive)
        {
            text += " inactive";
        }

        return text;
    }

    private void ResetState(ProgressState state)
    {
        MsgAppFlowPaused = false;
        PendingSnapshot = 0;
        State = state;
        Inflights.Reset();
    }
}
