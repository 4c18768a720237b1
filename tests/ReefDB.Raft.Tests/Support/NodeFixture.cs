using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Raft.Tests.Support;

/// <summary>
/// One node driven by hand: the test feeds it messages and inspects what it sends, with a driver that persists
/// every Ready before releasing its messages.
/// </summary>
internal sealed class NodeFixture
{
    public NodeFixture(ulong id, IEnumerable<ulong> voters, IReadOnlyList<(ulong Term, ulong Index)>? log = null,
        ulong term = 0, ulong vote = 0, Func<RaftConfig, RaftConfig>? configure = null)
    {
        Storage = new MemoryRaftStorage(new Membership(voters));
        if (log is not null)
        {
            Storage.Append([.. log.Select(e => new Entry(e.Term, e.Index, EntryType.Normal, default))]);
        }

        if (term != 0)
        {
            Storage.SetHardState(new HardState(term, vote, 0));
        }

        var config = TestCluster.Config(id);
        Raft = new RaftNode(configure?.Invoke(config) ?? config, Storage);
    }

    public RaftNode Raft { get; }

    public MemoryRaftStorage Storage { get; }

    public List<Entry> Committed { get; } = [];

    /// <summary>Handles every pending Ready and returns the messages they released, in order.</summary>
    public List<Message> Drain()
    {
        var messages = new List<Message>();
        while (Raft.HasReady)
        {
            var ready = Raft.GetReady();
            if (ready.Snapshot is not null)
            {
                Storage.ApplySnapshot(ready.Snapshot);
            }

            Storage.Append(ready.Entries);
            if (ready.HardState is { } hard)
            {
                Storage.SetHardState(hard);
            }

            Committed.AddRange(ready.CommittedEntries);
            messages.AddRange(ready.Messages);
            Raft.Advance(ready);
        }

        return messages;
    }

    /// <summary>Campaigns and grants every (pre-)vote, returning once this node leads (messages drained).</summary>
    public void BecomeLeader()
    {
        Raft.Campaign();
        for (var round = 0; round < 3 && Raft.Role != RaftRole.Leader; round++)
        {
            foreach (var vote in Drain().Where(m => m.Type is MessageType.Vote or MessageType.PreVote))
            {
                var granted = vote.Type == MessageType.Vote ? MessageType.VoteResponse : MessageType.PreVoteResponse;
                Raft.Step(new Message { Type = granted, From = vote.To, To = Raft.Id, Term = vote.Term });
            }
        }

        Drain();
    }

    public void Tick(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Raft.Tick();
        }
    }

    public static Message Append(ulong from, ulong to, ulong term, ulong index, ulong logTerm, ulong commit,
        params (ulong Term, ulong Index)[] entries) => new()
        {
            Type = MessageType.Append,
            From = from,
            To = to,
            Term = term,
            Index = index,
            LogTerm = logTerm,
            Commit = commit,
            Entries = [.. entries.Select(e => new Entry(e.Term, e.Index, EntryType.Normal, default))],
        };
}
