using System.Text;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Tests;

/// <summary>The core driven over the durable storage: a one-voter group restarts with its committed log.</summary>
public sealed class OneVoterTests
{
    private static readonly Membership Solo = new([1UL]);

    [Fact]
    public void A_one_voter_group_commits_and_replays_its_log_after_a_restart()
    {
        using var dir = new TempDirectory();
        var committed = new List<string>();
        ulong term;
        using (var storage = DurableRaftStorage.Open(dir.Path, Fixtures.Identity, Solo))
        {
            var node = new RaftNode(new RaftConfig { Id = 1, Random = new Random(7) }, storage);
            node.Campaign();
            Drive(node, storage, committed);
            foreach (var text in new[] { "a", "b", "c" })
            {
                node.Propose(Encoding.UTF8.GetBytes(text));
                Drive(node, storage, committed);
            }

            term = node.Term;
        }

        Assert.Equal(["a", "b", "c"], committed);

        var replayed = new List<string>();
        using var reopened = DurableRaftStorage.Open(dir.Path, Fixtures.Identity, Membership.Empty);
        Assert.Equal(term, reopened.HardState.Term);
        var restarted = new RaftNode(new RaftConfig { Id = 1, Random = new Random(7) }, reopened);
        restarted.Campaign();
        Drive(restarted, reopened, replayed);
        Assert.Equal(["a", "b", "c"], replayed);
        Assert.True(restarted.Term > term);
    }

    /// <summary>The driver loop: persist entries and hard state before advancing (DESIGN.md §5).</summary>
    private static void Drive(RaftNode node, DurableRaftStorage storage, List<string> applied)
    {
        while (node.HasReady)
        {
            var ready = node.GetReady();
            if (ready.Snapshot is { } snapshot)
            {
                storage.ApplySnapshot(snapshot);
            }

            storage.Append(ready.Entries);
            if (ready.HardState is { } hardState)
            {
                storage.SetHardState(hardState);
            }

            applied.AddRange(ready.CommittedEntries
                .Where(e => e.Type == EntryType.Normal && !e.Data.IsEmpty)
                .Select(e => Encoding.UTF8.GetString(e.Data.Span)));
            node.Advance(ready);
        }
    }
}
