using ReefDB.Raft.Messages;
using ReefDB.Raft.Quorum;

namespace ReefDB.Raft.Core;

/// <summary>Elections (§5.2) and pre-vote (dissertation §9.6).</summary>
internal sealed partial class RaftCore
{
    private void Hup(bool transfer)
    {
        if (Role == RaftRole.Leader || !Promotable)
        {
            return;
        }

        if (config.PreVote && !transfer)
        {
            Campaign(preElection: true, transfer: false);
        }
        else
        {
            Campaign(preElection: false, transfer);
        }
    }

    private void Campaign(bool preElection, bool transfer)
    {
        MessageType voteType;
        ulong term;
        if (preElection)
        {
            BecomePreCandidate();
            voteType = MessageType.PreVote;
            term = Term + 1;
        }
        else
        {
            BecomeCandidate();
            voteType = MessageType.Vote;
            term = Term;
        }

        var lastIndex = Log.LastIndex;
        var lastTerm = Log.LastTerm;
        foreach (var voter in Tracker.Membership.Voters)
        {
            if (voter == Id)
            {
                // Our own vote counts once it is persisted: it comes back through Advance.
                Send(new Message
                {
                    Type = voteType == MessageType.Vote ? MessageType.VoteResponse : MessageType.PreVoteResponse,
                    From = Id,
                    To = Id,
                    Term = term,
                });
                continue;
            }

            Messages.Add(new Message
            {
                Type = voteType,
                From = Id,
                To = voter,
                Term = term,
                Index = lastIndex,
                LogTerm = lastTerm,
                Context = transfer ? Message.TransferContext : ReadOnlyMemory<byte>.Empty,
            });
        }
    }

    private ProposalDropReason? StepCandidate(Message m)
    {
        var myResponse = Role == RaftRole.PreCandidate ? MessageType.PreVoteResponse : MessageType.VoteResponse;
        switch (m.Type)
        {
            case MessageType.Propose or MessageType.ReadIndex or MessageType.TransferLeader:
                return ProposalDropReason.NoLeader;
            case MessageType.Append:
                BecomeFollower(m.Term, m.From);
                HandleAppend(m);
                return null;
            case MessageType.Heartbeat:
                BecomeFollower(m.Term, m.From);
                HandleHeartbeat(m);
                return null;
            case MessageType.Snapshot:
                BecomeFollower(m.Term, m.From);
                HandleSnapshot(m);
                return null;
            case MessageType.TimeoutNow:
                return null;
            default:
                if (m.Type == myResponse)
                {
                    Tracker.RecordVote(m.From, !m.Reject);
                    switch (Tracker.TallyVotes().Result)
                    {
                        case VoteResult.Won:
                            if (Role == RaftRole.PreCandidate)
                            {
                                Campaign(preElection: false, transfer: false);
                            }
                            else
                            {
                                BecomeLeader();
                                BroadcastAppend();
                            }

                            break;
                        case VoteResult.Lost:
                            BecomeFollower(Term, 0);
                            break;
                    }
                }

                return null;
        }
    }
}
