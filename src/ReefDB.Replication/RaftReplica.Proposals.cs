using System.Runtime.InteropServices;
using Google.Protobuf;
using ReefDB.Raft;
using ReefDB.Raft.Messages;
using ReefDB.Replication.Internal;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Replication;

/// <summary>Writes: proposals, batched into Raft and answered once applied here.</summary>
public sealed partial class RaftReplica
{
    // Loop thread only. Proposals handed to Raft whose entry has not been seen in a Ready yet, keyed by the identity of
    // their payload array (the core keeps the array it was given); then by log index until applied.
    private readonly Dictionary<byte[], PendingProposal> awaitingIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ulong, PendingProposal> byIndex = [];
    private readonly List<PendingProposal> proposalBatch = [];
    private readonly List<ReadOnlyMemory<byte>> payloadBatch = [];

    /// <summary>Proposals accepted and not yet answered.</summary>
    public int PendingProposals => Volatile.Read(ref pendingProposalCount);

    /// <summary>
    /// Proposes <paramref name="batch"/> and returns its outcome once it is committed and applied on this node.
    /// Concurrent proposals go into the log together (one write, one fsync).
    /// </summary>
    /// <returns>The applied batch: the replicable <see cref="CommandOutcome"/> and, when executed here (not answered
    /// from a client session), the engine's results.</returns>
    /// <exception cref="NotLeaderException">This node does not lead; <see cref="ReplicationException.LeaderId"/> says
    /// who does. Nothing happened.</exception>
    /// <exception cref="ProposalRefusedException">Refused or certainly not applied (overload, leader transfer, replaced
    /// by a new leader); retryable.</exception>
    /// <exception cref="OutcomeUnknownException">Handed to Raft, but not applied within
    /// <see cref="RaftReplicaOptions.ProposalTimeout"/> or before <paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before Raft saw it: nothing happened.</exception>
    /// <exception cref="ReplicaStoppedException">The replica is stopped.</exception>
    public Task<AppliedBatch> ProposeAsync(CommandBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<AppliedBatch>(cancellationToken);
        }

        if (StoppedError() is { } stoppedError)
        {
            return Task.FromException<AppliedBatch>(stoppedError);
        }

        if (leadership.Role != ReplicaRole.Leader)
        {
            return Task.FromException<AppliedBatch>(new NotLeaderException(leadership.LeaderId));
        }

        if (Interlocked.Increment(ref pendingProposalCount) > options.MaxPendingProposals)
        {
            Interlocked.Decrement(ref pendingProposalCount);
            return Task.FromException<AppliedBatch>(new ProposalRefusedException(RefusalReason.Overloaded, leadership.LeaderId,
                $"{options.MaxPendingProposals} proposals are already pending"));
        }

        var proposal = new PendingProposal(batch, batch.ToByteArray(), options.InlineAnswers);
        proposals.Enqueue(proposal);
        DriveOrWake(proposal);
        if (loopExited && proposal.TryAbandon())
        {
            Interlocked.Decrement(ref pendingProposalCount);
            return Task.FromException<AppliedBatch>(StoppedError() ?? new ReplicaStoppedException());
        }

        // Without a deadline the caller waits on the proposal itself: a synchronous waiter (the embedded database) is
        // then woken directly by the loop, without a hop through the thread pool.
        return options.ProposalTimeout == Timeout.InfiniteTimeSpan && !cancellationToken.CanBeCanceled
            ? proposal.Outcome
            : WaitForOutcomeAsync(proposal, cancellationToken);
    }

    private async Task<AppliedBatch> WaitForOutcomeAsync(PendingProposal proposal, CancellationToken cancellationToken)
    {
        try
        {
            return await proposal.Outcome.WaitAsync(options.ProposalTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !proposal.Outcome.IsCompleted)
        {
            if (proposal.TryAbandon())
            {
                // Raft never saw it: nothing can happen any more.
                Interlocked.Decrement(ref pendingProposalCount);
                if (e is OperationCanceledException)
                {
                    throw;
                }

                throw new ProposalRefusedException(RefusalReason.Timeout, leadership.LeaderId, "the proposal was not handed to Raft in time");
            }

            throw new OutcomeUnknownException(
                e is TimeoutException ? $"not applied within {options.ProposalTimeout}" : "the caller stopped waiting", leadership.LeaderId, e);
        }
    }

    /// <summary>
    /// Gate holder: whether queued proposals wait for the entries in flight to commit (group commit across round trips).
    /// </summary>
    /// <remarks>
    /// A leader with followers proposes what queued only once everything it appended before is committed. Proposing
    /// each arrival at once made groups of about two writes under 16 writers: every group costs an append and its
    /// answer per follower, an fsync on every node and a pass on each, whatever its size. Held until the commit, the
    /// writes that arrive during one round trip go as one group: the commit of the last group releases the next one in
    /// the same pass, so a writer waits at most for the round trip already under way, and a lone writer not at all
    /// (the log is committed when its next write comes). Nothing else waits on it: reads, heartbeats and membership
    /// changes go on, and a held proposal that times out was never handed to Raft (refused, retryable). A lone voter
    /// commits with its own fsync, so it never holds. docs/PERFORMANCE.md, "Ninth session".
    /// </remarks>
    private bool MustHoldProposals() =>
        node.Role == RaftRole.Leader && node.HasUncommittedEntries && node.Membership.Voters.Count > 1;

    private void ProposeQueued()
    {
        if (proposals.IsEmpty || MustHoldProposals())
        {
            return;
        }

        while (proposals.TryDequeue(out var proposal))
        {
            if (proposal.TrySubmit())
            {
                proposalBatch.Add(proposal);
                payloadBatch.Add(proposal.Payload);
            }
        }

        if (proposalBatch.Count == 0)
        {
            return;
        }

        try
        {
            if (node.Role != RaftRole.Leader)
            {
                var notLeader = new NotLeaderException(node.Leader);
                foreach (var p in proposalBatch)
                {
                    Answer(p, notLeader);
                }

                return;
            }

            try
            {
                node.ProposeBatch(payloadBatch);
                foreach (var p in proposalBatch)
                {
                    awaitingIndex[p.Payload] = p;
                }
            }
            catch (ProposalDroppedException dropped)
            {
                var error = MapDropped(dropped);
                foreach (var p in proposalBatch)
                {
                    Answer(p, error);
                }
            }
        }
        finally
        {
            proposalBatch.Clear();
            payloadBatch.Clear();
        }
    }

    /// <summary>Learns the index and term of our proposals as the core appends them (called for Ready.Entries).</summary>
    private void TrackAppended(IReadOnlyList<Entry> entries)
    {
        if (awaitingIndex.Count == 0)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Type == EntryType.Normal
                && MemoryMarshal.TryGetArray(entry.Data, out var segment)
                && segment.Array is { } array
                && awaitingIndex.Remove(array, out var proposal))
            {
                proposal.Index = entry.Index;
                proposal.Term = entry.Term;
                if (byIndex.Remove(entry.Index, out var replaced))
                {
                    Answer(replaced, new ProposalRefusedException(RefusalReason.Superseded, node.Leader, "a new leader replaced the entry"));
                }

                byIndex[entry.Index] = proposal;
            }
        }
    }

    /// <summary>A snapshot replaced the log up to <paramref name="index"/>: proposals at or before it may or may not
    /// be in it.</summary>
    private void AbandonProposalsUpTo(ulong index)
    {
        foreach (var (at, proposal) in byIndex.Where(p => p.Key <= index).ToList())
        {
            byIndex.Remove(at);
            Answer(proposal, new OutcomeUnknownException("a snapshot from the leader replaced the log", node.Leader));
        }
    }

    private void Answer(PendingProposal proposal, Exception error)
    {
        if (proposal.TryDecide(error))
        {
            Interlocked.Decrement(ref pendingProposalCount);
            Deliver(proposal);
        }
    }

    private ReplicationException MapDropped(ProposalDroppedException dropped) => dropped.Reason switch
    {
        ProposalDropReason.NoLeader or ProposalDropReason.NotLeader => new NotLeaderException(dropped.Leader),
        ProposalDropReason.LeaderTransferInProgress => new ProposalRefusedException(RefusalReason.LeaderTransferInProgress, dropped.Leader),
        ProposalDropReason.UncommittedSizeLimit => new ProposalRefusedException(RefusalReason.Overloaded, dropped.Leader, "too many uncommitted bytes"),
        ProposalDropReason.ConfChangePending => new ProposalRefusedException(RefusalReason.ConfChangePending, dropped.Leader),
        ProposalDropReason.NotMember => new ProposalRefusedException(RefusalReason.NotMember, dropped.Leader),
        _ => new ProposalRefusedException(RefusalReason.InvalidConfChange, dropped.Leader, dropped.Message),
    };
}
