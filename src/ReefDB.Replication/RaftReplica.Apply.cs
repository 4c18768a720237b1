using System.Diagnostics;
using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Replication.Internal;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Replication;

/// <summary>
/// Apply: committed entries reach the state machine in index order, exactly once, after they are durable here. A
/// small group with nothing in flight is applied on the driving thread (a lone writer pays no thread hand-off); a
/// large group, a group that would otherwise wait for this Ready's fsync, or any group while earlier ones are still
/// being applied goes to the <see cref="Applier"/>, and the driver goes on persisting and sending the next Ready
/// meanwhile, as etcd's raft node hands committed entries to its apply goroutine.
/// </summary>
/// <remarks>
/// Ownership: the driver (holder of the drive gate) matches entries to proposals (<see cref="ClaimProposals"/>) and
/// applies membership changes and snapshots itself, after a barrier (<see cref="DrainApplier"/>), so every index
/// still reaches the state machine in order. The applier owns the state machine between barriers and answers the
/// proposals and applied-index waiters of what it applied.
/// </remarks>
public sealed partial class RaftReplica
{
    /// <summary>Above this many entries a group goes to the applier even when it is idle: applying it inline would
    /// hold the next fsync and the next acknowledgement for that long (a single-row INSERT applies in tens of µs, a
    /// hand-off costs a thread wake-up).</summary>
    internal const int InlineApplyMaxEntries = 8;

    // Back-pressure: the driver waits when the applier is this far behind, so memory and AppliedIndex lag stay
    // bounded (a Ready's group is at most MaxCommittedSizePerReady bytes).
    private const int ApplierMaxJobs = 4;
    private const int ApplierMaxEntries = 8192;

    private readonly Applier applier;

    // Set by the driver while reads wait for its term's first entry to be applied (LeaderTermStarted): the applier
    // then wakes the loop once it applied a group, so those reads are asked without waiting for a tick.
    private volatile bool readsWaitForApply;

    /// <summary>Groups handed to the applier and not finished yet (tests).</summary>
    internal int ApplyBacklog => applier.Backlog;

    /// <summary>Tests: runs before each normal entry is applied, on the thread applying it (block it to build a
    /// backlog, throw to fail the apply).</summary>
    internal Action<Entry>? BeforeApply { get; set; }

    private Applier CreateApplier() =>
        new($"reefdb-apply-{options.NodeId}", ApplierMaxJobs, ApplierMaxEntries, ApplyItems, AbandonJob, OnApplyFailed);

    /// <summary>
    /// Driver, before persisting <paramref name="ready"/>: hands the committed entries that earlier Readies already
    /// made durable (below this Ready's first entry) to the applier, so they are applied while this Ready's entries are
    /// written and synced. Returns how many it handed (a prefix; a membership change and what follows wait for
    /// <see cref="ApplyCommitted"/>, since it needs a barrier).
    /// </summary>
    private int HandOffDurableCommitted(Ready ready)
    {
        var committed = ready.CommittedEntries;
        if (committed.Count == 0 || ready.Entries.Count == 0 || ready.Snapshot is not null)
        {
            return 0;
        }

        var firstUnstable = ready.Entries[0].Index;
        var count = 0;
        while (count < committed.Count && committed[count].Index < firstUnstable && committed[count].Type != EntryType.ConfChange)
        {
            count++;
        }

        if (count > 0)
        {
            HandOff(ClaimProposals(committed, 0, count));
        }

        return count;
    }

    /// <summary>Driver, after persisting: applies <paramref name="committed"/> from <paramref name="start"/> on, inline
    /// when the applier is idle and the group small, otherwise on the applier; membership changes after a barrier.</summary>
    private void ApplyCommitted(IReadOnlyList<Entry> committed, int start)
    {
        var next = start;
        while (next < committed.Count)
        {
            var end = next;
            while (end < committed.Count && committed[end].Type != EntryType.ConfChange)
            {
                end++;
            }

            if (end > next)
            {
                var group = ClaimProposals(committed, next, end);
                if (group.Length <= InlineApplyMaxEntries && applier.IsIdle)
                {
                    ApplyItems(group);
                }
                else
                {
                    HandOff(group);
                }
            }

            if (end < committed.Count)
            {
                DrainApplier();
                ApplyConfChange(committed[end]);
                end++;
            }

            next = end;
        }
    }

    /// <summary>Driver: pairs each entry with the proposal made here for it (same index and term), and answers a
    /// proposal whose index a new leader filled with another entry.</summary>
    private ApplyItem[] ClaimProposals(IReadOnlyList<Entry> committed, int start, int end)
    {
        var items = new ApplyItem[end - start];
        for (var i = 0; i < items.Length; i++)
        {
            var entry = committed[start + i];
            PendingProposal? mine = null;
            if (byIndex.Remove(entry.Index, out var proposal))
            {
                if (proposal.Term == entry.Term)
                {
                    mine = proposal;
                }
                else
                {
                    Answer(proposal, new ProposalRefusedException(RefusalReason.Superseded, node.Leader, "a new leader replaced the entry"));
                }
            }

            items[i] = new ApplyItem(entry, mine);
        }

        return items;
    }

    private void HandOff(ApplyItem[] group)
    {
        if (!applier.TryEnqueue(group))
        {
            var error = StoppedError() ?? new ReplicaStoppedException();
            AbandonItems(group, 0, new OutcomeUnknownException("the replica stopped before applying the entry", leadership.LeaderId, error));
            throw error;
        }
    }

    /// <summary>Driver: waits until the applier finished everything handed to it, before the driver touches the state
    /// machine itself (membership change, snapshot install).</summary>
    private void DrainApplier()
    {
        if (!applier.Drain())
        {
            throw StoppedError() ?? new ReplicaStoppedException();
        }
    }

    /// <summary>Applier, or driver when inline: applies a group in order and answers what waits for it. If an entry
    /// fails to apply, its proposer and those after it hear "outcome unknown" and the exception stops the replica.</summary>
    private void ApplyItems(ApplyItem[] group)
    {
        var next = 0;
        try
        {
            for (; next < group.Length; next++)
            {
                ApplyOne(group[next]);
            }
        }
        catch (Exception e)
        {
            AbandonItems(group, next, new OutcomeUnknownException("applying a committed entry failed; the replica stops", leadership.LeaderId, e));
            throw;
        }

        CompleteAppliedWaiters();
        if (readsWaitForApply)
        {
            readsWaitForApply = false;
            wake.Set();
        }
    }

    private void ApplyOne(ApplyItem item)
    {
        var (entry, mine) = item;
        if (entry.Index <= stateMachine.Current.AppliedIndex)
        {
            // Exactly once: a snapshot installed meanwhile already holds it.
            if (mine is not null)
            {
                Answer(mine, new OutcomeUnknownException("a snapshot from the leader replaced the log", leadership.LeaderId));
            }

            return;
        }

        BeforeApply?.Invoke(entry);
        if (entry.Data.IsEmpty)
        {
            // A new leader's no-op (every replica skips an empty entry alike; a proposal always has a payload).
            stateMachine.Skip(entry.Index);
            return;
        }

        var applyStarted = Stopwatch.GetTimestamp();
        var applied = stateMachine.Apply(entry.Index, mine?.Batch ?? CommandBatch.Parser.ParseFrom(entry.Data.Span));
        meter.Applied(applyStarted);
        if (mine is not null && mine.TryDecide(applied))
        {
            Interlocked.Decrement(ref pendingProposalCount);
            Deliver(mine);
        }
    }

    /// <summary>Driver, after <see cref="DrainApplier"/>: a membership change reaches the state machine as a skipped
    /// index, in order with the entries around it.</summary>
    private void ApplyConfChange(Entry entry)
    {
        if (entry.Index <= stateMachine.Current.AppliedIndex)
        {
            return;
        }

        stateMachine.Skip(entry.Index);
        var (change, membership) = ConfChangeCodec.Decode(entry.Data.Span);
        LogMessages.MembershipApplied(logger, NodeId, entry.Index, change.ToString(), membership.ToString());
        CompleteConfChange(entry);
        CompleteAppliedWaiters();
        MembershipChanged?.Invoke(this, new MembershipChange(entry.Index, change, membership));
    }

    private void AbandonItems(ApplyItem[] group, int from, Exception error)
    {
        for (var i = from; i < group.Length; i++)
        {
            if (group[i].Proposal is { } proposal)
            {
                Answer(proposal, error);
            }
        }
    }

    /// <summary>Applier, after a failure: groups still queued are not applied; their proposers hear "outcome unknown"
    /// (the entries are committed and will be applied after a restart).</summary>
    private void AbandonJob(ApplyItem[] group) =>
        AbandonItems(group, 0, new OutcomeUnknownException(
            "the replica stopped before applying the entry", leadership.LeaderId, StoppedError() ?? new ReplicaStoppedException()));

    /// <summary>Applier: an apply threw. The replica stops as when the loop fails: the loop thread wakes, exits and
    /// answers every waiter.</summary>
    private void OnApplyFailed(Exception error)
    {
        failure ??= error;
        stopping = true;
        LogMessages.LoopFailed(logger, NodeId, error);
        wake.Set();
    }
}
