using ReefDB.Raft.Messages;
using ReefDB.Raft.Quorum;

namespace ReefDB.Raft.Core;

/// <summary>Linearizable reads without log writes: ReadIndex (dissertation §6.4) and lease reads (§6.4.1).</summary>
/// <remarks>
/// Each read carries its own <see cref="ReadOnlyOption"/>: a request made on this node names it
/// (<see cref="ReadIndex"/>), or takes the configured one; a request forwarded by a follower is always confirmed with
/// a heartbeat round, because the follower's choice does not travel with it and a follower only asks for clock-free
/// reads (a lease read is served by the leader alone). A lease is used only where the group runs
/// <see cref="ReadOnlyOption.LeaseBased"/>: the followers' half of the lease (RaftCore.Lease.cs) exists only there.
/// </remarks>
internal sealed partial class RaftCore
{
    /// <summary>A read asked on this node with its own option: served here when this node leads, else stepped as
    /// usual (forwarded to the leader, or refused without one).</summary>
    public ProposalDropReason? ReadIndex(ReadOnlyMemory<byte> context, ReadOnlyOption option)
    {
        var request = new Message { Type = MessageType.ReadIndex, From = Id, Context = context };
        return Role == RaftRole.Leader ? HandleReadIndex(request, option) : Step(request);
    }

    private ProposalDropReason? HandleReadIndex(Message m) =>
        HandleReadIndex(m, m.From == Id || m.From == 0 ? config.ReadOnlyOption : ReadOnlyOption.Safe);

    private ProposalDropReason? HandleReadIndex(Message m, ReadOnlyOption option)
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
            pendingReadIndexMessages.Add((m, option));
            return null;
        }

        ServeReadIndex(m, option);
        return null;
    }

    private void ServeReadIndex(Message m, ReadOnlyOption option)
    {
        if (option == ReadOnlyOption.LeaseBased && LeaseMode && LeaseValid())
        {
            // A quorum acknowledged a heartbeat round recent enough that none of its members will help elect
            // another leader yet (see RaftCore.Lease.cs and ReadOnlyOption.LeaseBased for the clock assumption).
            RespondToReadIndex(m, Log.Committed);
            return;
        }

        if (RequesterCompletesQuorum(m))
        {
            RespondToReadIndex(m, Log.Committed);
            return;
        }

        // Confirm we are still the leader: a quorum must answer a heartbeat round sent after this moment.
        readOnly.AddRequest(Log.Committed, m);
        readOnly.RecvAck(Id, m.Context.Span);
        BroadcastHeartbeat(m.Context);
    }

    /// <summary>
    /// A follower's request stamped with our term, from a voter that with us makes a quorum (three voters): answered
    /// without a heartbeat round. Sound for that follower's own reads: a write acknowledged before they began was
    /// committed by a leader of our term or earlier (so at or below our commit index: our term's first entry is
    /// committed, and our commit only grows), or by a leader of a later term, elected by a majority that had moved past
    /// our term before the reads began; such a majority includes us or the follower, but we still lead in our term now
    /// and the follower was in it when it asked. It says nothing for other reads queued here (they may have begun
    /// after the follower asked), so they still take a round. Saves the round's two crossings per follower read.
    /// </summary>
    private bool RequesterCompletesQuorum(Message m)
    {
        if (m.Term != Term || m.From == Id || m.From == 0)
        {
            // Term 0: a request from an older node, or relayed without its term: it vouches for nothing.
            return false;
        }

        var membership = Tracker.Membership;
        var granted = (membership.IsVoter(Id) ? 1 : 0) + (membership.IsVoter(m.From) ? 1 : 0);
        return MajorityConfig.Tally(membership.Voters.Count, granted, 0) == VoteResult.Won;
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
        foreach (var (m, option) in pending)
        {
            ServeReadIndex(m, option);
        }
    }
}
