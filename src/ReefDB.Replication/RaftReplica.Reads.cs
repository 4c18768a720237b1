using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using ReefDB.Raft;

namespace ReefDB.Replication;

/// <summary>Reads: read index (on any member), lease reads (leader), and waiting for the applied index.</summary>
public sealed partial class RaftReplica
{
    // Reads handed in by callers (any thread), drained by the driver of the node into the lists below.
    private readonly ConcurrentQueue<(TaskCompletionSource<ulong> Read, ReadOnlyOption Option)> readRequests = new();

    // Reads waiting for an index to be applied: registered by the driver, completed by whichever thread applies that
    // index (the applier, or the driver inline). Guarded by its own lock: the applier publishes the state before
    // taking it, and the driver compares with the published index under it, so no waiter is missed.
    private readonly PriorityQueue<TaskCompletionSource<ulong>, ulong> appliedWaiters = new();

    // Loop thread only. Reads not yet asked of the core, per option; reads asked under a context, with the tick they
    // were asked at (re-asked after an election timeout: the core or the leader may drop a request silently).
    private readonly List<TaskCompletionSource<ulong>> unaskedReads = [];
    private readonly List<TaskCompletionSource<ulong>> unaskedLeaseReads = [];
    private readonly Dictionary<ulong, (List<TaskCompletionSource<ulong>> Reads, long AskedAt, ReadOnlyOption Option)> askedReads = [];
    private readonly ulong readContextPrefix = unchecked((ulong)RandomNumberGenerator.GetInt32(int.MaxValue) << 24);
    private ulong readContextCounter;
    private ulong leaderTerm;
    private ulong leaderStartIndex;

    /// <summary>
    /// A linearizable read point: returns once this node has applied up to the leader's commit index as of the call
    /// (ReadIndex, dissertation §6.4), on a follower too. A read of <see cref="StateMachine"/>'s current state then
    /// reflects every write acknowledged before the call. The leader always confirms it with a heartbeat round
    /// (<see cref="ReadOnlyOption.Safe"/>), whatever <see cref="RaftReplicaOptions.ReadOnlyOption"/> says: it assumes
    /// nothing about clocks. Concurrent calls share one request.
    /// </summary>
    /// <returns>The read index (at most the applied index when the task completes).</returns>
    /// <exception cref="ProposalRefusedException"><see cref="RefusalReason.NoLeader"/> (election under way) or
    /// <see cref="RefusalReason.Timeout"/>; retryable.</exception>
    /// <exception cref="ReplicaStoppedException">The replica is stopped.</exception>
    public Task<ulong> ReadIndexAsync(CancellationToken cancellationToken = default) =>
        RequestReadAsync(ReadOnlyOption.Safe, cancellationToken);

    /// <summary>
    /// A read point for the leader only: as <see cref="ReadIndexAsync"/>, but refused on other members. With
    /// <see cref="RaftReplicaOptions.ReadOnlyOption"/> = <see cref="ReadOnlyOption.LeaseBased"/> the leader answers
    /// from its lease without a network round trip (valid under bounded clock drift); with
    /// <see cref="ReadOnlyOption.Safe"/> it confirms leadership with a heartbeat round.
    /// </summary>
    /// <exception cref="NotLeaderException">This node does not lead.</exception>
    public Task<ulong> LeaseReadAsync(CancellationToken cancellationToken = default)
    {
        var known = leadership;
        return known.Role == ReplicaRole.Leader
            ? RequestReadAsync(ReadOnlyOption.LeaseBased, cancellationToken)
            : Task.FromException<ulong>(new NotLeaderException(known.LeaderId));
    }

    /// <summary>Completes once this node has applied <paramref name="index"/> (any thread).</summary>
    /// <exception cref="ReplicaStoppedException">The replica stopped first.</exception>
    public async Task WaitForAppliedAsync(ulong index, CancellationToken cancellationToken = default)
    {
        if (AppliedIndex >= index)
        {
            return;
        }

        var waiter = new TaskCompletionSource<ulong>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Call(() =>
        {
            WaitApplied(index, waiter);
            return true;
        }).ConfigureAwait(false);
        await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands a read to the node and, when nobody drives it, asks the core for the read index on this thread: a read
    /// then costs no hand-off to the loop thread before its request leaves (on a loaded machine each hand-off can
    /// wait milliseconds for a CPU, as a proposal's did: RaftReplica.Drive.cs).
    /// </summary>
    private async Task<ulong> RequestReadAsync(ReadOnlyOption option, CancellationToken cancellationToken)
    {
        if (StoppedError() is { } stoppedError)
        {
            throw stoppedError;
        }

        var read = new TaskCompletionSource<ulong>(TaskCreationOptions.RunContinuationsAsynchronously);
        readRequests.Enqueue((read, option));
        DriveOrWake(null);
        if (loopExited)
        {
            // The loop fails what it finds queued when it exits; a read queued after that is answered here.
            read.TrySetException(StoppedError() ?? new ReplicaStoppedException());
        }

        try
        {
            return await read.Task.WaitAsync(options.ReadTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ProposalRefusedException(RefusalReason.Timeout, leadership.LeaderId, $"no read index within {options.ReadTimeout}");
        }
    }

    private void IssueReads()
    {
        while (readRequests.TryDequeue(out var request))
        {
            if (request.Option == ReadOnlyOption.Safe)
            {
                unaskedReads.Add(request.Read);
            }
            else if (node.Role == RaftRole.Leader)
            {
                unaskedLeaseReads.Add(request.Read);
            }
            else
            {
                // Leadership moved since the caller looked: the gateway forwards or redirects.
                request.Read.TrySetException(new NotLeaderException(node.Leader));
            }
        }

        if (unaskedReads.Count == 0 && unaskedLeaseReads.Count == 0)
        {
            return;
        }

        // Raised before looking at the applied index (with a fence): the applier lowers it after publishing, so either
        // this check sees its progress or it sees the flag and wakes the loop.
        readsWaitForApply = true;
        Thread.MemoryBarrier();
        if (!LeaderTermStarted())
        {
            return;
        }

        readsWaitForApply = false;

        Ask(unaskedReads, ReadOnlyOption.Safe);
        Ask(unaskedLeaseReads, ReadOnlyOption.LeaseBased);
    }

    /// <summary>One read-index request for every read in <paramref name="unasked"/> (they share its answer).</summary>
    private void Ask(List<TaskCompletionSource<ulong>> unasked, ReadOnlyOption option)
    {
        if (unasked.Count == 0)
        {
            return;
        }

        var id = readContextPrefix | (++readContextCounter & 0xFF_FFFF);
        var context = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(context, NodeId);
        BinaryPrimitives.WriteUInt64LittleEndian(context.AsSpan(8), id);
        var reads = unasked.ToList();
        unasked.Clear();
        try
        {
            node.ReadIndex(context, option);
            askedReads[id] = (reads, ticks, option);
        }
        catch (ProposalDroppedException dropped)
        {
            var error = new ProposalRefusedException(RefusalReason.NoLeader, dropped.Leader);
            foreach (var read in reads)
            {
                read.TrySetException(error);
            }
        }
    }

    /// <summary>
    /// False while this node leads a term whose first entry (the no-op appended on election) is not applied yet. The
    /// core already holds reads until then in a group of several voters, but a lone voter answers with its commit
    /// index at once, and after a restart that index may lag entries it acknowledged before the crash (the commit
    /// index is persisted lazily). Holding reads until the no-op is applied covers every such entry.
    /// </summary>
    private bool LeaderTermStarted()
    {
        if (node.Role != RaftRole.Leader)
        {
            return true;
        }

        if (leaderTerm != node.Term)
        {
            leaderTerm = node.Term;
            leaderStartIndex = node.Status.LastIndex;
        }

        return stateMachine.Current.AppliedIndex >= leaderStartIndex;
    }

    private void OnReadState(ReadState state)
    {
        if (state.Context.Length != 16 || BinaryPrimitives.ReadUInt64LittleEndian(state.Context.Span) != NodeId)
        {
            return;
        }

        var id = BinaryPrimitives.ReadUInt64LittleEndian(state.Context.Span[8..]);
        if (askedReads.Remove(id, out var asked))
        {
            foreach (var read in asked.Reads)
            {
                WaitApplied(state.Index, read);
            }
        }
    }

    private void WaitApplied(ulong index, TaskCompletionSource<ulong> waiter)
    {
        lock (appliedWaiters)
        {
            if (stateMachine.Current.AppliedIndex < index)
            {
                appliedWaiters.Enqueue(waiter, index);
                return;
            }
        }

        waiter.TrySetResult(index);
    }

    /// <summary>Any thread that applied something: answers the waiters of every index now applied.</summary>
    private void CompleteAppliedWaiters()
    {
        lock (appliedWaiters)
        {
            var applied = stateMachine.Current.AppliedIndex;
            while (appliedWaiters.TryPeek(out var waiter, out var index) && index <= applied)
            {
                appliedWaiters.Dequeue();
                waiter.TrySetResult(index);
            }
        }
    }

    private void RetryStalledReads()
    {
        if (askedReads.Count == 0)
        {
            return;
        }

        foreach (var (id, asked) in askedReads.Where(a => ticks - a.Value.AskedAt >= options.ElectionTick).ToList())
        {
            askedReads.Remove(id);
            (asked.Option == ReadOnlyOption.Safe ? unaskedReads : unaskedLeaseReads).AddRange(asked.Reads.Where(r => !r.Task.IsCompleted));
        }
    }

    private void FailReads(Exception error)
    {
        while (readRequests.TryDequeue(out var request))
        {
            request.Read.TrySetException(error);
        }

        foreach (var read in unaskedReads.Concat(unaskedLeaseReads))
        {
            read.TrySetException(error);
        }

        foreach (var asked in askedReads.Values)
        {
            foreach (var read in asked.Reads)
            {
                read.TrySetException(error);
            }
        }

        unaskedReads.Clear();
        unaskedLeaseReads.Clear();
        askedReads.Clear();
    }

    private void FailAppliedWaiters(Exception error)
    {
        lock (appliedWaiters)
        {
            while (appliedWaiters.TryDequeue(out var waiter, out _))
            {
                waiter.TrySetException(error);
            }
        }
    }
}
