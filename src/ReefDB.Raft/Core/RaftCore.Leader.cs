using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Tracker;

namespace ReefDB.Raft.Core;

/// <summary>The leader's side: proposals, acknowledgements, check-quorum and leadership transfer.</summary>
internal sealed partial class RaftCore
{
    private ProposalDropReason? StepLeader(Message m)
    {
        switch (m.Type)
        {
            case MessageType.Beat:
                BroadcastHeartbeat();
                return null;
            case MessageType.CheckQuorum:
                CheckQuorum();
                return null;
            case MessageType.Propose:
                return Propose(m);
            case MessageType.ReadIndex:
                return HandleReadIndex(m);
        }

        var progress = Tracker.Get(m.From);
        if (progress is null)
        {
            return m.Type == MessageType.TransferLeader ? ProposalDropReason.NotMember : null;
        }

        switch (m.Type)
        {
            case MessageType.AppendResponse:
                HandleAppendResponse(m, progress);
                break;
            case MessageType.HeartbeatResponse:
                HandleHeartbeatResponse(m, progress);
                break;
            case MessageType.SnapshotStatus:
                if (progress.State == ProgressState.Snapshot)
                {
                    // Success or not, probe from where the follower now is; wait for a heartbeat answer first so a
                    // failed transfer is not retried in a tight loop.
                    progress.BecomeProbe(snapshotSucceeded: !m.Reject);
                    progress.MsgAppFlowPaused = true;
                }

                break;
            case MessageType.Unreachable:
                // Optimistic streaming probably lost messages: fall back to probing.
                if (progress.State == ProgressState.Replicate)
                {
                    progress.BecomeProbe();
                }

                break;
            case MessageType.TransferLeader:
                return TransferLeadership(m.From, progress);
        }

        return null;
    }

    private void CheckQuorum()
    {
        if (!Tracker.QuorumActive())
        {
            // §6.2 / check-quorum: we cannot reach a majority, so clients should look elsewhere.
            BecomeFollower(Term, 0);
        }

        foreach (var id in Tracker.Ids)
        {
            if (id != Id)
            {
                Tracker.Get(id)!.RecentActive = false;
            }
        }
    }

    private ProposalDropReason? Propose(Message m)
    {
        if (m.Entries.Count == 0)
        {
            throw new ArgumentException("A proposal must carry at least one entry.", nameof(m));
        }

        if (Tracker.Get(Id) is null)
        {
            // We were removed (the removal is appended, not yet committed): we only finish committing it.
            return ProposalDropReason.NotMember;
        }

        if (LeadTransferee != 0)
        {
            return ProposalDropReason.LeaderTransferInProgress;
        }

        var entries = m.Entries;
        Entry[]? rewritten = null;
        var membership = Tracker.Membership;
        var confIndex = PendingConfIndex;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Type != EntryType.ConfChange)
            {
                continue;
            }

            // One change at a time (the previous must be committed), and only once an entry of this term is
            // committed: otherwise a change from an earlier term that we do not know committed could combine
            // with this one into two overlapping majorities (the single-server-change bug found by Ongaro).
            if (confIndex > Log.Committed || !CommittedEntryInCurrentTerm)
            {
                return ProposalDropReason.ConfChangePending;
            }

            var (change, _) = ConfChangeCodec.Decode(entries[i].Data.Span);
            if (!membership.CanApply(change) || !LeavesAVoter(membership, change))
            {
                return ProposalDropReason.InvalidConfChange;
            }

            // The entry carries the membership it produces, computed here against the leader's current view.
            membership = membership.Apply(change);
            rewritten ??= [.. entries];
            rewritten[i] = new Entry(0, 0, EntryType.ConfChange, ConfChangeCodec.Encode(change, membership));
            confIndex = Log.LastIndex + (ulong)i + 1;
        }

        if (!AppendEntries(rewritten ?? entries, enforceLimit: true))
        {
            return ProposalDropReason.UncommittedSizeLimit;
        }

        if (rewritten is not null)
        {
            PendingConfIndex = confIndex;
        }

        if (Role == RaftRole.Leader)
        {
            BroadcastAppend();
        }

        return null;
    }

    private static bool LeavesAVoter(Membership membership, ConfChange change) =>
        change.Type != ConfChangeType.RemoveNode || membership.Voters.Count != 1 || !membership.IsVoter(change.NodeId);

    /// <summary>
    /// Stamps and appends entries to the leader's log. In a group with other voters the leader acknowledges them to
    /// itself only after they are persisted (the self-addressed answer is released on Advance), so it never counts
    /// unpersisted entries towards a commit while its appends travel early (<see cref="Ready.EarlyMessages"/>). A lone
    /// voter commits them at once instead (<see cref="CommitAsLoneVoter"/>).
    /// </summary>
    private bool AppendEntries(IReadOnlyList<Entry> entries, bool enforceLimit)
    {
        var last = Log.LastIndex;
        var stamped = new Entry[entries.Count];
        var size = 0UL;
        for (var i = 0; i < entries.Count; i++)
        {
            stamped[i] = entries[i].WithPosition(Term, last + 1 + (ulong)i);
            size += (ulong)entries[i].PayloadSize;
        }

        var limit = config.MaxUncommittedEntriesSize;
        if (enforceLimit && limit != 0 && UncommittedSize > 0 && size > 0 && UncommittedSize + size > limit)
        {
            return false;
        }

        UncommittedSize += size;
        last = Log.Append(stamped);
        if (!CommitAsLoneVoter(last))
        {
            Send(new Message { Type = MessageType.AppendResponse, From = Id, To = Id, Term = Term, Index = last });
        }

        return true;
    }

    /// <summary>
    /// When this leader is the only voter (in the membership in force after the append: a conf change takes effect
    /// when appended), its own copy is the whole quorum: it counts entries up to <paramref name="last"/> and commits
    /// them now, so they come out of one Ready as both entries to persist and committed entries to apply, as etcd's
    /// classic raft did. That stays safe because a Ready's entries are durable before its committed entries are
    /// applied, and because a Ready whose commit covers unpersisted entries releases no message early (a learner's
    /// append carries the commit index; see <see cref="RaftNode.GetReady"/>). Saves a second Ready per write.
    /// Returns false (nothing done) when other voters must acknowledge.
    /// </summary>
    private bool CommitAsLoneVoter(ulong last)
    {
        var voters = Tracker.Membership.Voters;
        if (voters.Count != 1 || voters[0] != Id || Tracker.Get(Id) is not { } self)
        {
            return false;
        }

        self.MaybeUpdate(last);
        if (MaybeCommit())
        {
            // Not OnCommitAdvanced: both callers (Propose, the election) broadcast right after appending, and that
            // broadcast carries the new commit to learners; a second one here would only add empty appends. A lone
            // voter is never the removed leader OnCommitAdvanced steps down.
            ReleasePendingReadIndexMessages();
        }

        return true;
    }

    /// <summary>Lowers the uncommitted byte count as committed entries are handed to the application.</summary>
    public void ReduceUncommittedSize(IReadOnlyList<Entry> committed)
    {
        if (Role != RaftRole.Leader)
        {
            return;
        }

        var size = 0UL;
        for (var i = 0; i < committed.Count; i++)
        {
            size += (ulong)committed[i].PayloadSize;
        }

        UncommittedSize = size > UncommittedSize ? 0 : UncommittedSize - size;
    }

    private void HandleAppendResponse(Message m, Progress progress)
    {
        progress.RecentActive = true;
        if (m.Reject)
        {
            var nextProbe = m.RejectHint;
            if (m.LogTerm > 0)
            {
                // The follower's entry at RejectHint has term LogTerm: skip to our last entry of at most that term.
                nextProbe = Log.FindConflictByTerm(m.RejectHint, m.LogTerm).Index;
            }

            if (progress.MaybeDecrTo(m.Index, nextProbe))
            {
                if (progress.State == ProgressState.Replicate)
                {
                    progress.BecomeProbe();
                }

                SendAppend(m.From, progress, sendIfEmpty: true);
            }

            return;
        }

        if (!progress.MaybeUpdate(m.Index) && !(progress.Match == m.Index && progress.State == ProgressState.Probe))
        {
            return;
        }

        switch (progress.State)
        {
            case ProgressState.Probe:
                progress.BecomeReplicate();
                break;
            case ProgressState.Snapshot when progress.Match + 1 >= Log.FirstIndex:
                // The follower caught up past the compaction point (through the snapshot or otherwise): the
                // snapshot is acknowledged by this ordinary append answer.
                progress.BecomeProbe();
                progress.BecomeReplicate();
                break;
            case ProgressState.Replicate:
                progress.Inflights.FreeLE(m.Index);
                break;
        }

        if (MaybeCommit())
        {
            OnCommitAdvanced();
        }

        if (Role == RaftRole.Leader && m.From != Id)
        {
            // The window may have opened: send as many (size-limited) appends as it allows; if there is nothing to
            // send but the member has not heard the latest commit index, tell it with an empty append.
            var sent = false;
            while (SendAppend(m.From, progress, sendIfEmpty: false))
            {
                sent = true;
            }

            if (!sent && progress.CanBumpCommit(Log.Committed) && !AppendsInFlight && config.CommitOnlyAppends)
            {
                commitBroadcastDue = true;
            }
        }

        if (Role == RaftRole.Leader && m.From == LeadTransferee && progress.Match == Log.LastIndex)
        {
            SendTimeoutNow(m.From);
        }
    }

    private void HandleHeartbeatResponse(Message m, Progress progress)
    {
        progress.RecentActive = true;
        progress.MsgAppFlowPaused = false;
        RecordLeaseAck(m);

        // Every append of a full window may have been lost (dropped, or the follower crashed before persisting):
        // no acknowledgement would ever free it. The member answers, so free one slot and send again, as
        // etcd-io/raft does; the resend fills the gap or draws a rejection that rewinds Next.
        if (progress.State == ProgressState.Replicate && progress.Inflights.Full)
        {
            progress.Inflights.FreeFirstOne();
        }

        if (progress.Match < Log.LastIndex)
        {
            SendAppend(m.From, progress, sendIfEmpty: true);
        }

        // Lease mode confirms reads this way too while it holds no valid lease.
        if (!m.Context.IsEmpty)
        {
            ConfirmReads(m);
        }
    }

    /// <summary>Commit moved: tell followers (with the next Ready, or with the appends that follow), release reads
    /// waiting for an own-term commit, step down if removed.</summary>
    private void OnCommitAdvanced()
    {
        ReleasePendingReadIndexMessages();
        if (!AppendsInFlight && config.CommitOnlyAppends)
        {
            commitBroadcastDue = true;
        }

        if (!Tracker.Membership.IsVoter(Id) && Log.Committed >= Configs.CurrentIndex)
        {
            // Our removal is committed (dissertation §4.2.2): stop leading. We are not promotable, so we never
            // campaign again; the remaining voters elect a leader once their election timers fire. They hear the
            // commit of the removal first, while we still lead (whatever CommitOnlyAppends says: no heartbeat follows).
            TellFollowersTheCommit();
            BecomeFollower(Term, 0);
        }
    }

    private bool MaybeCommit() => Log.MaybeCommit(Tracker.Committed(), Term);

    /// <summary>
    /// Entries beyond the commit index are on their way: their acknowledgements will move the commit again, and every
    /// append sent from then on carries it. A commit that moves while this holds needs no message of its own; the
    /// followers hear it with the next append, or with the empty append broadcast when the commit catches up with the
    /// log (this is false then), or with a heartbeat. Under a steady stream of writes this halves the leader's
    /// messages per write (an empty append per follower per group, and its answer) at the price of followers applying
    /// a group later (docs/PERFORMANCE.md, "Commit rides on the next append"). The leader's own answers, and reads
    /// anywhere, do not wait on it: a follower's read index comes with a heartbeat round that carries the commit.
    /// </summary>
    internal bool AppendsInFlight => Log.LastIndex > Log.Committed;

    /// <summary>
    /// The commit caught up with the log and some follower has not heard it: an empty append goes to each such follower
    /// when the node hands out its next Ready (<see cref="FlushCommitBroadcast"/>), not at once. A proposal stepped in
    /// between (a leader that held its writes until this commit proposes them right after) sends its entries with the
    /// new commit, and the empty append would then be a wasted message and a wasted answer per follower.
    /// </summary>
    internal bool CommitBroadcastDue => commitBroadcastDue;

    /// <summary>Sends the empty appends <see cref="CommitBroadcastDue"/> asks for, to the followers that still lack the
    /// commit. Called when a Ready is handed out.</summary>
    internal void FlushCommitBroadcast()
    {
        if (!commitBroadcastDue)
        {
            return;
        }

        commitBroadcastDue = false;
        if (Role == RaftRole.Leader)
        {
            TellFollowersTheCommit();
        }
    }

    /// <summary>An empty append carrying the commit index to each follower that has not heard it.</summary>
    private void TellFollowersTheCommit()
    {
        var ids = Tracker.Ids;
        var progresses = Tracker.Progresses;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] != Id && progresses[i].CanBumpCommit(Log.Committed))
            {
                SendAppend(ids[i], progresses[i], sendIfEmpty: true);
            }
        }
    }

    private ProposalDropReason? TransferLeadership(ulong transferee, Progress progress)
    {
        if (progress.IsLearner)
        {
            return ProposalDropReason.NotMember;
        }

        if (LeadTransferee != 0)
        {
            if (LeadTransferee == transferee)
            {
                return null;
            }

            AbortLeaderTransfer();
        }

        if (transferee == Id)
        {
            return null;
        }

        // The transfer must finish within an election timeout (TickHeartbeat abandons it then).
        electionElapsed = 0;
        LeadTransferee = transferee;
        if (progress.Match == Log.LastIndex)
        {
            SendTimeoutNow(transferee);
        }
        else
        {
            SendAppend(transferee, progress, sendIfEmpty: true);
        }

        return null;
    }

    private void SendTimeoutNow(ulong to)
    {
        // The target may now win at once (voters let a transfer campaign override their lease), even if this
        // transfer is later abandoned: from here on this term, reads must be confirmed by a heartbeat round.
        leaseRevoked = true;
        Messages.Add(new Message { Type = MessageType.TimeoutNow, From = Id, To = to, Term = Term });
    }
}
