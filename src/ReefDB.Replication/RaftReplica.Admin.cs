using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;

namespace ReefDB.Replication;

/// <summary>Membership changes, leadership transfer, status; and stepping inbound messages.</summary>
public sealed partial class RaftReplica
{
    // Loop thread only. The core allows one membership change in flight, so one waiter (by index and term).
    private (ulong Index, ulong Term, TaskCompletionSource<Membership> Waiter)? pendingConfChange;
    private readonly List<(ulong Target, long Deadline, TaskCompletionSource<bool> Waiter)> transfers = [];
    private readonly List<TaskCompletionSource<LeaderChange>> leaderWaiters = [];

    /// <summary>Adds <paramref name="nodeId"/> as a learner (receives the log, does not vote); completes when the
    /// change is applied here. <paramref name="context"/> travels in the entry (e.g. the node's address).</summary>
    /// <exception cref="NotLeaderException">This node does not lead.</exception>
    /// <exception cref="ProposalRefusedException">Another change is pending, or the change does not fit.</exception>
    public Task<Membership> AddLearnerAsync(ulong nodeId, ReadOnlyMemory<byte> context = default, CancellationToken cancellationToken = default) =>
        ChangeMembershipAsync(new ConfChange(ConfChangeType.AddLearner, nodeId, context), cancellationToken);

    /// <summary>Turns learner <paramref name="nodeId"/> into a voter (do it once it caught up: see the leader's
    /// <see cref="MemberStatus.MatchIndex"/>).</summary>
    /// <inheritdoc cref="AddLearnerAsync" path="/exception"/>
    public Task<Membership> PromoteLearnerAsync(ulong nodeId, CancellationToken cancellationToken = default) =>
        ChangeMembershipAsync(new ConfChange(ConfChangeType.PromoteLearner, nodeId), cancellationToken);

    /// <summary>Removes <paramref name="nodeId"/> (voter or learner). A removed leader steps down once it commits.</summary>
    /// <inheritdoc cref="AddLearnerAsync" path="/exception"/>
    public Task<Membership> RemoveMemberAsync(ulong nodeId, CancellationToken cancellationToken = default) =>
        ChangeMembershipAsync(new ConfChange(ConfChangeType.RemoveNode, nodeId), cancellationToken);

    /// <summary>Proposes any single-server membership change; completes with the resulting membership once applied
    /// here.</summary>
    /// <inheritdoc cref="AddLearnerAsync" path="/exception"/>
    public async Task<Membership> ChangeMembershipAsync(ConfChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var waiter = await Call(() =>
        {
            if (node.Role != RaftRole.Leader)
            {
                throw new NotLeaderException(node.Leader);
            }

            if (pendingConfChange is not null)
            {
                throw new ProposalRefusedException(RefusalReason.ConfChangePending, node.Leader);
            }

            try
            {
                node.ProposeConfChange(change);
            }
            catch (ProposalDroppedException dropped)
            {
                throw MapDropped(dropped);
            }

            var status = node.Status;
            var completion = new TaskCompletionSource<Membership>(TaskCreationOptions.RunContinuationsAsynchronously);
            pendingConfChange = (status.LastIndex, status.HardState.Term, completion);
            return completion;
        }).ConfigureAwait(false);
        try
        {
            return await waiter.Task.WaitAsync(options.ProposalTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new OutcomeUnknownException($"the membership change was not applied within {options.ProposalTimeout}", leadership.LeaderId, e);
        }
    }

    /// <summary>
    /// Hands leadership to voter <paramref name="target"/>; completes when this node sees it lead. Proposals are
    /// refused meanwhile.
    /// </summary>
    /// <exception cref="NotLeaderException">This node does not lead.</exception>
    /// <exception cref="ProposalRefusedException">The target is not a voter, or it did not take over within two
    /// election timeouts (<see cref="RefusalReason.Timeout"/>).</exception>
    public async Task TransferLeadershipAsync(ulong target, CancellationToken cancellationToken = default)
    {
        var waiter = await Call(() =>
        {
            if (node.Role != RaftRole.Leader)
            {
                throw new NotLeaderException(node.Leader);
            }

            var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (target == NodeId)
            {
                completion.SetResult(true);
                return completion;
            }

            try
            {
                node.TransferLeader(target);
            }
            catch (ProposalDroppedException dropped)
            {
                throw MapDropped(dropped);
            }

            transfers.Add((target, ticks + (2L * options.ElectionTick), completion));
            return completion;
        }).ConfigureAwait(false);
        await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes once a leader is known (this node or another): after open, or during an election.</summary>
    /// <exception cref="ReplicaStoppedException">The replica stopped first.</exception>
    public async Task<LeaderChange> WaitForLeaderAsync(CancellationToken cancellationToken = default)
    {
        if (leadership.LeaderId != 0)
        {
            return leadership;
        }

        var waiter = await Call(() =>
        {
            var completion = new TaskCompletionSource<LeaderChange>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (leadership.LeaderId != 0)
            {
                completion.SetResult(leadership);
            }
            else
            {
                leaderWaiters.Add(completion);
            }

            return completion;
        }).ConfigureAwait(false);
        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A consistent status, taken on the loop thread.</summary>
    public Task<ReplicaStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Call(BuildStatus).WaitAsync(cancellationToken);

    private ReplicaStatus BuildStatus()
    {
        var status = node.Status;
        var membership = status.Membership;
        var progress = status.Progress.ToDictionary(p => p.Id);
        var members = membership.All
            .Select(id => new MemberStatus(id, membership.IsLearner(id), progress.TryGetValue(id, out var p) ? p.Match : null))
            .ToList();
        var role = RoleOf(status.SoftState.Role);
        if (role == ReplicaRole.Follower && membership.IsLearner(NodeId))
        {
            role = ReplicaRole.Learner;
        }

        return new ReplicaStatus(
            NodeId, options.ClusterId, role, status.HardState.Term, status.SoftState.Leader, status.HardState.Commit,
            stateMachine.Current.AppliedIndex, storage.FirstIndex, Math.Max(status.LastIndex, storage.LastIndex),
            storage.LogBytesOnDisk, storage.SnapshotMetadata.Index, members, PendingProposals, options.Fsync);
    }

    private void StepMessage(Message message)
    {
        try
        {
            node.Step(message);
        }
        catch (ArgumentException e)
        {
            // A peer sent a kind of message that never crosses the network: drop it, keep serving.
            LogMessages.BadMessage(logger, NodeId, message.From, e.Message);
        }
    }

    private void CompleteConfChange(Entry entry)
    {
        if (pendingConfChange is not { } pending || pending.Index != entry.Index)
        {
            return;
        }

        pendingConfChange = null;
        if (pending.Term == entry.Term)
        {
            pending.Waiter.TrySetResult(node.MembershipAt(entry.Index));
        }
        else
        {
            pending.Waiter.TrySetException(new ProposalRefusedException(RefusalReason.Superseded, node.Leader, "a new leader replaced the membership change"));
        }
    }

    private void CheckTransfers()
    {
        for (var i = transfers.Count - 1; i >= 0; i--)
        {
            var (target, deadline, waiter) = transfers[i];
            if (node.Leader == target)
            {
                waiter.TrySetResult(true);
                transfers.RemoveAt(i);
            }
            else if (ticks >= deadline)
            {
                waiter.TrySetException(new ProposalRefusedException(RefusalReason.Timeout, node.Leader, $"node {target} did not take over"));
                transfers.RemoveAt(i);
            }
        }
    }

    private void FailAdmin(Exception error)
    {
        pendingConfChange?.Waiter.TrySetException(error);
        pendingConfChange = null;
        foreach (var transfer in transfers)
        {
            transfer.Waiter.TrySetException(error);
        }

        transfers.Clear();
        foreach (var waiter in leaderWaiters)
        {
            waiter.TrySetException(error);
        }

        leaderWaiters.Clear();
        FailSnapshotWaiters(error);
    }
}
