using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Core;

/// <summary>The single entry point for messages: term rules common to all roles, then per-role dispatch.</summary>
internal sealed partial class RaftCore
{
    /// <summary>Processes one message; returns why a proposal-like request was dropped, or null.</summary>
    public ProposalDropReason? Step(Message m)
    {
        if (m.Term == 0)
        {
            // Local message, or a forwarded proposal / read request: no term rules.
        }
        else if (m.Term > Term)
        {
            if (m.Type is MessageType.Vote or MessageType.PreVote)
            {
                var force = m.Context.Span.SequenceEqual(Message.TransferContext.Span);
                if (!force && InFollowerLease)
                {
                    // §4.2.3 / §9.6: we heard from a live leader within the minimum election timeout, so this
                    // vote request comes from a node that is partitioned or removed: ignore it without bumping
                    // our term.
                    return null;
                }
            }

            if (m.Type == MessageType.PreVote)
            {
                // A pre-vote never changes our term.
            }
            else if (m.Type == MessageType.PreVoteResponse && !m.Reject)
            {
                // The future term of our own pre-vote; we adopt it only by campaigning.
            }
            else if (m.Type is MessageType.Append or MessageType.Heartbeat or MessageType.Snapshot)
            {
                BecomeFollower(m.Term, m.From);
            }
            else
            {
                BecomeFollower(m.Term, 0);
            }
        }
        else if (m.Term < Term)
        {
            if ((config.CheckQuorum || config.PreVote) && m.Type is MessageType.Heartbeat or MessageType.Append)
            {
                // A stale leader that we ignore would never learn the new term: with pre-vote or check-quorum,
                // nobody's term rises to meet it. Answer so it steps down.
                Send(new Message { Type = MessageType.AppendResponse, From = Id, To = m.From, Term = Term });
            }
            else if (m.Type == MessageType.PreVote)
            {
                Send(new Message { Type = MessageType.PreVoteResponse, From = Id, To = m.From, Term = Term, Reject = true });
            }

            return null;
        }

        switch (m.Type)
        {
            case MessageType.Hup:
                Hup(transfer: false);
                return null;
            case MessageType.Vote or MessageType.PreVote:
                HandleVoteRequest(m);
                return null;
            default:
                return Role switch
                {
                    RaftRole.Leader => StepLeader(m),
                    RaftRole.Follower => StepFollower(m),
                    _ => StepCandidate(m),
                };
        }
    }

    /// <summary>Advances logical time by one tick.</summary>
    public void Tick()
    {
        ticks++;
        if (Role == RaftRole.Leader)
        {
            TickHeartbeat();
        }
        else
        {
            TickElection();
        }
    }

    /// <summary>§5.1, §5.2, §5.4.1: grant a vote (or pre-vote) at most once per term, and only to an up-to-date log.</summary>
    private void HandleVoteRequest(Message m)
    {
        var canVote = Vote == m.From
            || (Vote == 0 && Lead == 0)
            || (m.Type == MessageType.PreVote && m.Term > Term);
        if (canVote && Vote != m.From && LeaseMode && InFollowerLease
            && !m.Context.Span.SequenceEqual(Message.TransferContext.Span))
        {
            // A leader may be answering reads from a lease we acknowledged (our term moved on since, or we
            // restarted): help nobody else win until that lease has certainly run out.
            canVote = false;
        }

        var responseType = m.Type == MessageType.Vote ? MessageType.VoteResponse : MessageType.PreVoteResponse;
        if (canVote && Log.IsUpToDate(m.Index, m.LogTerm))
        {
            // The answer carries the request's term: a pre-candidate matches answers to its future term.
            Send(new Message { Type = responseType, From = Id, To = m.From, Term = m.Term });
            if (m.Type == MessageType.Vote)
            {
                electionElapsed = 0;
                Vote = m.From;
            }
        }
        else
        {
            Send(new Message { Type = responseType, From = Id, To = m.From, Term = Term, Reject = true });
        }
    }

    private void TickElection()
    {
        electionElapsed++;
        if (Promotable && electionElapsed >= randomizedElectionTimeout)
        {
            electionElapsed = 0;
            Step(new Message { Type = MessageType.Hup, From = Id });
        }
    }

    private void TickHeartbeat()
    {
        heartbeatElapsed++;
        electionElapsed++;
        if (electionElapsed >= electionTimeout)
        {
            electionElapsed = 0;
            if (config.CheckQuorum)
            {
                Step(new Message { Type = MessageType.CheckQuorum, From = Id });
            }

            // A transfer that did not finish within an election timeout is abandoned: accept proposals again.
            if (Role == RaftRole.Leader && LeadTransferee != 0)
            {
                AbortLeaderTransfer();
            }
        }

        if (Role != RaftRole.Leader)
        {
            return;
        }

        if (heartbeatElapsed >= heartbeatTimeout)
        {
            heartbeatElapsed = 0;
            Step(new Message { Type = MessageType.Beat, From = Id });
        }
    }

    /// <summary>Routes an outgoing message: answers that promise durability wait for the next persistence.</summary>
    private void Send(Message m)
    {
        if (m.Type is MessageType.AppendResponse or MessageType.VoteResponse or MessageType.PreVoteResponse)
        {
            MessagesAfterAppend.Add(m);
        }
        else
        {
            Messages.Add(m);
        }
    }
}
