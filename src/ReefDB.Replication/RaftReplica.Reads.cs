using System.Buffers.Binary;
using System.Security.Cryptography;
using ReefDB.Raft;

namespace ReefDB.Replication;

/// <summary>Reads: read index (on any member), lease reads (leader), and waiting for the applied index.</summary>
public sealed partial class RaftReplica
{
    // Loop thread only. Reads not yet asked of the core; reads asked under a context, with the tick they were asked
    // at (re-asked after an election timeout: the core or the leader may drop a request silently).
    private readonly List<TaskCompletionSource<ulong>> unaskedReads = [];
    private readonly Dictionary<ulong, (List<TaskCompletionSource<ulong>> Reads, long AskedAt)> askedReads = [];
    private readonly PriorityQueue<TaskCompletionSource<ulong>, ulong> appliedWaiters = new();
    private readonly ulong readContextPrefix = unchecked((ulong)RandomNumberGenerator.GetInt32(int.MaxValue) << 24);
    private ulong readContextCounter;
    private ulong leaderTerm;
    private ulong leaderStartIndex;

    /// <summary>
    /// A linearizable read point: returns once this node has applied up to the leader's commit index as of the call
    /// (ReadIndex, dissertation §6.4), on a follower too. A read of <see cref="StateMachine"/>'s current state then
    /// reflects every write acknowledged before the call. Concurrent calls share one request.
    /// </summary>
    /// <returns>The read index (at most the applied index when the task completes).</returns>
    /// <exception cref="ProposalRefusedException"><see cref="RefusalReason.NoLeader"/> (election under way) or
    /// <see cref="RefusalReason.Timeout"/>; retryable.</exception>
    /// <exception cref="ReplicaStoppedException">The replica is stopped.</exception>
    public async Task<ulong> ReadIndexAsync(CancellationToken cancellationToken = default)
    {
        var read = new TaskCompletionSource<ulong>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Call(() =>
        {
            unaskedReads.Add(read);
            return true;
        }).ConfigureAwait(false);
        try
        {
            return await read.Task.WaitAsync(options.ReadTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ProposalRefusedException(RefusalReason.Timeout, leadership.LeaderId, $"no read index within {options.ReadTimeout}");
        }
    }

    /// <summary>
    /// A read point for the leader only: as <see cref="ReadIndexAsync"/>, but refused on other members. With
    /// <see cref="RaftReplicaOptions.ReadOnlyOption"/> = <see cref="ReadOnlyOption.LeaseBased"/> the leader answers
    /// from its lease without a network round trip (valid under bounded clock drift); with
    /// <see cref="ReadOnlyOption.Safe"/> it confirms leadership with a heartbeat round.
    /// </summary>
    /// <exception cref="NotLeaderException">This node does not lead.</exception>
    public async Task<ulong> LeaseReadAsync(CancellationToken cancellationToken = default)
    {
        var read = new TaskCompletionSource<ulong>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Call(() =>
        {
            if (node.Role != RaftRole.Leader)
            {
                throw new NotLeaderException(node.Leader);
            }

            unaskedReads.Add(read);
            return true;
        }).ConfigureAwait(false);
        try
        {
            return await read.Task.WaitAsync(options.ReadTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ProposalRefusedException(RefusalReason.Timeout, leadership.LeaderId, $"no read index within {options.ReadTimeout}");
        }
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

    private void IssueReads()
    {
        if (unaskedReads.Count == 0 || !LeaderTermStarted())
        {
            return;
        }

        var id = readContextPrefix | (++readContextCounter & 0xFF_FFFF);
        var context = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(context, NodeId);
        BinaryPrimitives.WriteUInt64LittleEndian(context.AsSpan(8), id);
        var reads = unaskedReads.ToList();
        unaskedReads.Clear();
        try
        {
            node.ReadIndex(context);
            askedReads[id] = (reads, ticks);
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
        if (stateMachine.Current.AppliedIndex >= index)
        {
            waiter.TrySetResult(index);
        }
        else
        {
            appliedWaiters.Enqueue(waiter, index);
        }
    }

    private void CompleteAppliedWaiters()
    {
        var applied = stateMachine.Current.AppliedIndex;
        while (appliedWaiters.TryPeek(out var waiter, out var index) && index <= applied)
        {
            appliedWaiters.Dequeue();
            waiter.TrySetResult(index);
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
            unaskedReads.AddRange(asked.Reads.Where(r => !r.Task.IsCompleted));
        }
    }

    private void FailReads(Exception error)
    {
        foreach (var read in unaskedReads)
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
        askedReads.Clear();
    }

    private void FailAppliedWaiters(Exception error)
    {
        while (appliedWaiters.TryDequeue(out var waiter, out _))
        {
            waiter.TrySetException(error);
        }
    }
}
