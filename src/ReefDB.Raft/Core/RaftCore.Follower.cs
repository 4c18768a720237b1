using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Core;

/// <summary>The follower's side: accepting appends, heartbeats and snapshots, forwarding requests to the leader.</summary>
internal sealed partial class RaftCore
{
    private ProposalDropReason? StepFollower(Message m)
    {
        switch (m.Type)
        {
            case MessageType.Propose:
                if (Lead == 0)
                {
                    return ProposalDropReason.NoLeader;
                }

                if (config.DisableProposalForwarding)
                {
                    return ProposalDropReason.NotLeader;
                }

                Messages.Add(m with { To = Lead });
                return null;
            case MessageType.Append:
                electionElapsed = 0;
                Lead = m.From;
                HandleAppend(m);
                return null;
            case MessageType.Heartbeat:
                electionElapsed = 0;
                Lead = m.From;
                HandleHeartbeat(m);
                return null;
            case MessageType.Snapshot:
                electionElapsed = 0;
                Lead = m.From;
                HandleSnapshot(m);
                return null;
            case MessageType.TransferLeader or MessageType.ReadIndex:
                if (Lead == 0)
                {
                    return ProposalDropReason.NoLeader;
                }

                // A read request carries our term: it tells the leader that we had not moved past its term when we
                // asked, which a leader may count towards confirming the read (RaftCore.Reads.cs).
                Messages.Add(m.Type == MessageType.ReadIndex ? m with { To = Lead, Term = Term } : m with { To = Lead });
                return null;
            case MessageType.TimeoutNow:
                // The leader asked us to take over: campaign at once, skipping pre-vote, and tell voters to
                // ignore their leader lease (the leader itself wants this).
                Hup(transfer: true);
                return null;
            case MessageType.ReadIndexResponse:
                ReadStates.Add(new ReadState(m.Index, m.Context));
                return null;
            default:
                return null;
        }
    }

    /// <summary>§5.3: the consistency check and append; on mismatch, answer with a conflict hint.</summary>
    private void HandleAppend(Message m)
    {
        NoteLeaderContact();
        if (m.Index < Log.Committed)
        {
            // Entries up to our commit index are already known to match; tell the leader where we are.
            Send(new Message { Type = MessageType.AppendResponse, From = Id, To = m.From, Term = Term, Index = Log.Committed });
            return;
        }

        if (Log.MaybeAppend(m.Index, m.LogTerm, m.Commit, m.Entries, out var lastNewIndex))
        {
            Send(new Message { Type = MessageType.AppendResponse, From = Id, To = m.From, Term = Term, Index = lastNewIndex });
            return;
        }

        // Fast backtracking: point the leader at our last entry whose term is at most the leader's term at m.Index.
        // Everything after it cannot match, so the leader skips a whole term per round trip instead of an entry.
        var hintIndex = Math.Min(m.Index, Log.LastIndex);
        var (index, term) = Log.FindConflictByTerm(hintIndex, m.LogTerm);
        Send(new Message
        {
            Type = MessageType.AppendResponse,
            From = Id,
            To = m.From,
            Term = Term,
            Index = m.Index,
            Reject = true,
            RejectHint = index,
            LogTerm = term,
        });
    }

    private void HandleHeartbeat(Message m)
    {
        NoteLeaderContact();
        Log.CommitTo(m.Commit);

        // Index echoes the round's send tick: the leader's lease counts from when the round was sent.
        Messages.Add(new Message { Type = MessageType.HeartbeatResponse, From = Id, To = m.From, Term = Term, Index = m.Index, Context = m.Context });
    }

    private void HandleSnapshot(Message m)
    {
        NoteLeaderContact();
        var snapshot = m.Snapshot ?? throw new InvalidOperationException("Snapshot message without a snapshot.");
        var index = Restore(snapshot) ? Log.LastIndex : Log.Committed;
        Send(new Message { Type = MessageType.AppendResponse, From = Id, To = m.From, Term = Term, Index = index });
    }

    /// <summary>
    /// Installs a snapshot from the leader unless our log already covers it. Returns true when the log was
    /// replaced (the snapshot goes out in the next Ready for the application to persist and install).
    /// </summary>
    private bool Restore(Snapshot snapshot)
    {
        var meta = snapshot.Metadata;
        if (meta.Index <= Log.Committed || Role != RaftRole.Follower)
        {
            return false;
        }

        if (Log.MatchTerm(meta.Index, meta.Term))
        {
            // We already hold the snapshot's last entry, hence (log matching) everything before it: just commit.
            Log.CommitTo(meta.Index);
            return false;
        }

        Log.Restore(snapshot);
        Configs.Reset(meta.Index, meta.Membership);
        Tracker.SetMembership(meta.Membership, Log.LastIndex + 1);
        return true;
    }
}
