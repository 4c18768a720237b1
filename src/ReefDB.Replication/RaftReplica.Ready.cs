using System.Diagnostics;
using ReefDB.Raft;

namespace ReefDB.Replication;

/// <summary>One Ready: persist, send, install, apply (or hand to the applier: RaftReplica.Apply.cs), answer reads,
/// advance — in that order.</summary>
public sealed partial class RaftReplica
{
    // The hard state last written to the state file. A change of the commit index alone is not written (it is an
    // optimisation, recomputed from the leader or, for a lone voter, by its own election): persisting it would cost a
    // file replacement per Ready, and an fsync of it would double the cost of each group commit.
    private HardState persistedHardState;
    private long appendCalls;

    /// <summary>How many times entries were written (one write and, under fsync always, one fsync each): with
    /// concurrent writers, fewer than the proposals (group commit). For tests and metrics.</summary>
    internal long AppendCalls => Interlocked.Read(ref appendCalls);

    private void HandleReady(Ready ready)
    {
        // 0. A leader's appends leave before its own write, so followers persist while it does (Ready.EarlyMessages):
        //    it counts itself in the quorum only on Advance, after its fsync. The transport only queues them.
        if (ready.EarlyMessages.Count > 0)
        {
            transport.Send(ready.EarlyMessages);
        }

        // Committed entries that earlier Readies made durable are applied while this one is written and synced.
        var handedOff = HandOffDurableCommitted(ready);

        // 1. Durable before visible: snapshot, entries (one write, one fsync), term and vote.
        if (ready.Snapshot is { } snapshot)
        {
            PersistIncomingSnapshot(snapshot);
        }

        if (ready.Entries.Count > 0)
        {
            var appendStarted = Stopwatch.GetTimestamp();
            storage.Append(ready.Entries);
            meter.Appended(appendStarted);
            Interlocked.Increment(ref appendCalls);
            TrackAppended(ready.Entries);
        }

        if (ready.HardState is { } hard
            && (hard.Term != persistedHardState.Term || hard.Vote != persistedHardState.Vote || ready.Snapshot is not null))
        {
            storage.SetHardState(hard);
            persistedHardState = hard;
        }

        // 2. Only now may messages that promise durability leave.
        if (ready.MessagesAfterPersist.Count > 0)
        {
            transport.Send(ready.MessagesAfterPersist);
        }

        // 3. Install (after a barrier: the applier finishes what it holds first) and apply the rest in order.
        if (ready.Snapshot is { } installed)
        {
            DrainApplier();
            InstallSnapshotIntoStateMachine(installed.Metadata);
        }

        ApplyCommitted(ready.CommittedEntries, handedOff);

        // Reads wait for their index to be applied, by whichever thread applies it (RaftReplica.Reads.cs).
        foreach (var read in ready.ReadStates)
        {
            OnReadState(read);
        }

        if (ready.SoftState is { } soft)
        {
            OnSoftState(soft);
        }

        node.Advance(ready);
    }

    private void OnSoftState(SoftState soft)
    {
        var role = RoleOf(soft.Role);
        if (role == ReplicaRole.Follower && node.Membership.IsLearner(NodeId))
        {
            role = ReplicaRole.Learner;
        }

        var change = new LeaderChange(soft.Leader, node.Term, role, soft.Role == RaftRole.PreCandidate);
        var previous = leadership;
        leadership = change;
        if (previous.LeaderId != change.LeaderId || previous.Role != change.Role || previous.PreVote != change.PreVote)
        {
            LogMessages.LeaderChanged(logger, NodeId, change.LeaderId, change.Term, change.PreVote ? "Candidate (pre-vote)" : change.Role.ToString());
            CheckTransfers();
            if (change.LeaderId != 0)
            {
                foreach (var waiter in leaderWaiters)
                {
                    waiter.TrySetResult(change);
                }

                leaderWaiters.Clear();
            }

            LeaderChanged?.Invoke(this, change);
        }
    }
}
