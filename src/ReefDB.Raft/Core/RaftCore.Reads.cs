using ReefDB.Raft.Messages;
using ReefDB.Raft.Quorum;

namespace ReefDB.Raft.Core;

/// <summary>Linearizable reads without log writes: ReadIndex (dissertation §6.4) and lease reads (§6.4.1).</summary>
internal sealed partial class RaftCore
{
    private ProposalDropReason? HandleReadIndex(Message m)
    {
        if (Tracker.Membership.Voters.Count == 1 && Tracker.Membership.IsVoter(Id))
        {
            // A single voter is always up to date with itself.
            RespondToReadIndex(m, Log.Committed);
            return null;
        }

        if (!CommittedEntryInCurrentTerm)
        {
            // Until an entry of our term commits, our commit index may lag the previous leader's: answering now
            // could miss writes it acknowledged. Hold the request until the no-op commits.
            pendingReadIndexMessages.Add(m);
            return null;
        }

        ServeReadIndex(m);
        return null;
    }

    private void ServeReadIndex(Message m)
    {
        switch (config.ReadOnlyOption)
        {
            case ReadOnlyOption.Safe:
            case ReadOnlyOption.LeaseBased when !LeaseValid():
                // Confirm we are still the leader: a quorum must answer a heartbeat round sent after this moment.
                readOnly.AddRequest(Log.Committed, m);
                readOnly.RecvAck(Id, m.Context.Span);
                BroadcastHeartbeat(m.Context);
                break;
            case ReadOnlyOption.LeaseBased:
                // A quorum acknowledged a heartbeat round recent enough that none of its members will help elect
                // another leader yet (see RaftCore.Lease.cs and ReadOnlyOption.LeaseBased for the clock assumption).
                RespondToReadIndex(m, Log.Committed);
                break;
        }
    }

    private void ConfirmReads(Message m)
    {
        var acks = readOnly.RecvAck(m.From, m.Context.Span);
        if (acks is null)
        {
            return;
        }

        var voters = Tracker.Membership.Voters;
        var granted = 0;
        foreach (var voter in voters)
        {
            if (acks.Contains(voter))
            {
                granted++;
            }
        }

        if (MajorityConfig.Tally(voters.Count, granted, 0) != VoteResult.Won)
        {
            return;
        }

        foreach (var status in readOnly.Advance(m.Context.Span))
        {
            RespondToReadIndex(status.Request, status.Index);
        }
    }

    private void RespondToReadIndex(Message request, ulong index)
    {
        if (request.From == 0 || request.From == Id)
        {
            ReadStates.Add(new ReadState(index, request.Context));
            return;
        }

        Messages.Add(new Message
        {
            Type = MessageType.ReadIndexResponse,
            From = Id,
            To = request.From,
            Term = Term,
            Index = index,
            Context = request.Context,
        });
    }

    private void ReleasePendingReadIndexMessages()
    {
        if (pendingReadIndexMessages.Count == 0 || !CommittedEntryInCurrentTerm)
        {
            return;
        }

        var pending = pendingReadIndexMessages.ToArray();
        pendingReadIndexMessages.Clear();
        foreach (var m in pending)
        {
            ServeReadIndex(m);
        }
    }
}
