using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Core;

/// <summary>
/// The rules of the Raft paper (Ongaro &amp; Ousterhout, "In Search of an Understandable Consensus Algorithm"),
/// section by section, each test naming the section it checks. Pre-vote and check-quorum are off here: the paper's
/// algorithm is tested as written.
/// </summary>
public sealed class RaftPaperTests
{
    private static readonly ulong[] Three = [1, 2, 3];

    /// <summary>§5.1: a server that sees a larger term adopts it and reverts to follower, whatever its role.</summary>
    [Theory]
    [InlineData(RaftRole.Follower)]
    [InlineData(RaftRole.Candidate)]
    [InlineData(RaftRole.Leader)]
    public void Any_role_adopts_a_larger_term_and_follows(RaftRole role)
    {
        var node = new NodeFixture(1, Three);
        if (role == RaftRole.Candidate)
        {
            node.Raft.Campaign();
            node.Drain();
        }
        else if (role == RaftRole.Leader)
        {
            node.BecomeLeader();
        }

        Assert.Equal(role, node.Raft.Role);
        node.Raft.Step(NodeFixture.Append(2, 1, term: 5, index: 0, logTerm: 0, commit: 0));
        Assert.Equal(RaftRole.Follower, node.Raft.Role);
        Assert.Equal(5UL, node.Raft.Term);
        Assert.Equal(2UL, node.Raft.Leader);
    }

    /// <summary>§5.1: a request with a stale term is rejected (here: ignored, and nothing changes).</summary>
    [Fact]
    public void Stale_term_messages_are_ignored()
    {
        var node = new NodeFixture(1, Three, term: 2);
        node.Raft.Step(NodeFixture.Append(2, 1, term: 1, index: 0, logTerm: 0, commit: 0, (1, 1)));
        Assert.Empty(node.Drain());
        Assert.Equal(2UL, node.Raft.Term);
        Assert.Equal(0UL, node.Raft.Status.LastIndex);
    }

    /// <summary>§5.2: servers start as followers.</summary>
    [Fact]
    public void Nodes_start_as_followers()
    {
        var node = new NodeFixture(1, Three);
        Assert.Equal(RaftRole.Follower, node.Raft.Role);
        Assert.Equal(0UL, node.Raft.Term);
    }

    /// <summary>§5.2: a leader sends heartbeats (empty appends) to every follower each heartbeat interval.</summary>
    [Fact]
    public void Leader_sends_heartbeats_every_heartbeat_interval()
    {
        var node = new NodeFixture(1, Three);
        node.BecomeLeader();
        node.Tick(1);
        var beats = node.Drain();
        Assert.Equal([2UL, 3UL], beats.Where(m => m.Type == MessageType.Heartbeat).Select(m => m.To));
    }

    /// <summary>§5.2: a follower that hears nothing for an election timeout becomes a candidate: it increments its
    /// term, votes for itself and requests votes from every other server.</summary>
    [Fact]
    public void Follower_times_out_and_starts_an_election()
    {
        var node = new NodeFixture(1, Three);
        node.Tick(20);
        Assert.Equal(RaftRole.Candidate, node.Raft.Role);
        Assert.Equal(1UL, node.Raft.Term);
        Assert.Equal(1UL, node.Raft.Status.HardState.Vote);
        var votes = node.Drain().Where(m => m.Type == MessageType.Vote).ToList();
        Assert.Equal([2UL, 3UL], votes.Select(m => m.To));
        Assert.All(votes, v => Assert.Equal(1UL, v.Term));
    }

    /// <summary>§5.2: a candidate whose election times out without a winner starts a new one with a higher term.</summary>
    [Fact]
    public void Candidate_restarts_the_election_after_a_timeout()
    {
        var node = new NodeFixture(1, Three);
        node.Raft.Campaign();
        node.Drain();
        node.Tick(20);
        Assert.Equal(RaftRole.Candidate, node.Raft.Role);
        Assert.Equal(2UL, node.Raft.Term);
    }

    /// <summary>§5.2: a candidate wins with votes from a majority, loses when a majority refuses, and waits
    /// otherwise.</summary>
    [Theory]
    [InlineData(3, "2", "", RaftRole.Leader)]
    [InlineData(3, "", "2,3", RaftRole.Follower)]
    [InlineData(3, "", "2", RaftRole.Candidate)]
    [InlineData(5, "2,3", "", RaftRole.Leader)]
    [InlineData(5, "2", "3", RaftRole.Candidate)]
    [InlineData(5, "2", "3,4,5", RaftRole.Follower)]
    [InlineData(5, "", "", RaftRole.Candidate)]
    public void Election_outcome_follows_the_majority(int size, string granted, string rejected, RaftRole expected)
    {
        var node = new NodeFixture(1, Enumerable.Range(1, size).Select(i => (ulong)i));
        node.Raft.Campaign();
        node.Drain();
        foreach (var (ids, reject) in new[] { (granted, false), (rejected, true) })
        {
            foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse))
            {
                node.Raft.Step(new Message { Type = MessageType.VoteResponse, From = id, To = 1, Term = 1, Reject = reject });
            }
        }

        node.Drain();
        Assert.Equal(expected, node.Raft.Role);
    }

    /// <summary>§5.2: each server votes for at most one candidate in a term, first come first served (a repeated
    /// request from the same candidate is granted again).</summary>
    [Fact]
    public void A_follower_votes_once_per_term()
    {
        var node = new NodeFixture(1, Three);
        var answers = new List<bool>();
        foreach (var candidate in new ulong[] { 2, 3, 2 })
        {
            node.Raft.Step(new Message { Type = MessageType.Vote, From = candidate, To = 1, Term = 1 });
            answers.Add(!node.Drain().Single().Reject);
        }

        Assert.Equal([true, false, true], answers);
    }

    /// <summary>§5.2: a candidate that hears from a leader of its own term recognises it and becomes a follower.</summary>
    [Fact]
    public void Candidate_follows_a_leader_of_the_same_term()
    {
        var node = new NodeFixture(1, Three);
        node.Raft.Campaign();
        node.Drain();
        node.Raft.Step(NodeFixture.Append(2, 1, term: 1, index: 0, logTerm: 0, commit: 0));
        Assert.Equal(RaftRole.Follower, node.Raft.Role);
        Assert.Equal(2UL, node.Raft.Leader);
    }

    /// <summary>§5.2: election timeouts are drawn at random from [timeout, 2 × timeout), so split votes are rare.</summary>
    [Fact]
    public void Election_timeouts_are_randomized_within_one_to_two_timeouts()
    {
        var seen = new HashSet<int>();
        for (var seed = 0; seed < 60; seed++)
        {
            var storage = new MemoryRaftStorage(new Membership(Three));
            var raft = new RaftNode(TestCluster.Config(1, seed), storage);
            var ticks = 0;
            while (raft.Role == RaftRole.Follower)
            {
                raft.Tick();
                ticks++;
            }

            Assert.InRange(ticks, 10, 19);
            seen.Add(ticks);
        }

        Assert.True(seen.Count >= 5, $"only {seen.Count} distinct timeouts");
    }

    /// <summary>§5.3: the leader appends a proposal to its log and sends it to every follower, with the index and
    /// term of the preceding entry and its commit index.</summary>
    [Fact]
    public void Leader_replicates_a_proposal_with_the_preceding_position()
    {
        var node = new NodeFixture(1, Three);
        node.BecomeLeader();
        AckAll(node, 1);
        node.Raft.Propose("x"u8.ToArray());
        var appends = node.Drain().Where(m => m.Type == MessageType.Append).ToList();
        Assert.Equal([2UL, 3UL], appends.Select(m => m.To));
        Assert.All(appends, m =>
        {
            Assert.Equal(1UL, m.Index);
            Assert.Equal(1UL, m.LogTerm);
            Assert.Equal(1UL, m.Commit);
            Assert.Equal(2UL, Assert.Single(m.Entries).Index);
        });
    }

    /// <summary>§5.3: an entry is committed once a majority stores it; the leader applies it and tells followers the
    /// new commit index.</summary>
    [Fact]
    public void Leader_commits_after_a_majority_stores_the_entry()
    {
        var node = new NodeFixture(1, Three);
        node.BecomeLeader();
        AckAll(node, 1);
        node.Raft.Propose("x"u8.ToArray());
        node.Drain();
        Assert.Equal(1UL, node.Raft.Status.HardState.Commit);
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 2 });
        var messages = node.Drain();
        Assert.Equal(2UL, node.Raft.Status.HardState.Commit);
        Assert.Contains(node.Committed, e => e.Index == 2 && e.Data.Span.SequenceEqual("x"u8));
        Assert.Contains(messages, m => m.To == 2 && m.Commit == 2);
    }

    /// <summary>§5.3: commitment needs a majority of the cluster, counting the leader itself.</summary>
    [Theory]
    [InlineData(5, "", false)]
    [InlineData(5, "2", false)]
    [InlineData(5, "2,3", true)]
    [InlineData(3, "2", true)]
    [InlineData(1, "", true)]
    public void Commit_needs_a_majority_including_the_leader(int size, string acks, bool committed)
    {
        var node = new NodeFixture(1, Enumerable.Range(1, size).Select(i => (ulong)i));
        node.BecomeLeader();
        foreach (var id in acks.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse))
        {
            node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = id, To = 1, Term = 1, Index = 1 });
        }

        node.Drain();
        Assert.Equal(committed, node.Raft.Status.HardState.Commit == 1);
    }

    /// <summary>§5.3 and §5.4.2: a new leader never commits an entry of an earlier term by counting replicas; it
    /// commits it only together with an entry of its own term (its no-op), which commits every preceding entry.</summary>
    [Fact]
    public void Earlier_term_entries_commit_only_with_a_current_term_entry()
    {
        var node = new NodeFixture(1, Three, log: [(1, 1), (1, 2)], term: 1);
        node.BecomeLeader();
        Assert.Equal(2UL, node.Raft.Term);
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 2, Index = 2 });
        node.Drain();
        Assert.Equal(0UL, node.Raft.Status.HardState.Commit);
        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 2, Index = 3 });
        node.Drain();
        Assert.Equal(3UL, node.Raft.Status.HardState.Commit);
        Assert.Equal([1UL, 2UL, 3UL], node.Committed.Select(e => e.Index));
    }

    /// <summary>§5.3: a follower applies entries up to the leader's commit index (bounded by what it holds).</summary>
    [Fact]
    public void Follower_commits_up_to_the_leader_commit_index()
    {
        var node = new NodeFixture(1, Three);
        node.Raft.Step(NodeFixture.Append(2, 1, term: 1, index: 0, logTerm: 0, commit: 1, (1, 1), (1, 2)));
        node.Drain();
        Assert.Equal([1UL], node.Committed.Select(e => e.Index));
    }

    /// <summary>§5.3: a follower refuses an append whose preceding entry it does not hold, hinting where to retry.</summary>
    [Theory]
    [InlineData(2UL, 3UL, true)]
    [InlineData(3UL, 2UL, true)]
    [InlineData(2UL, 2UL, false)]
    [InlineData(0UL, 0UL, false)]
    public void Follower_checks_the_preceding_entry(ulong index, ulong logTerm, bool rejected)
    {
        var node = new NodeFixture(1, Three, log: [(1, 1), (2, 2)], term: 2);
        node.Raft.Step(NodeFixture.Append(2, 1, term: 2, index, logTerm, commit: 0));
        var answer = node.Drain().Single(m => m.Type == MessageType.AppendResponse);
        Assert.Equal(rejected, answer.Reject);
        if (rejected)
        {
            Assert.True(answer.RejectHint <= 2);
        }
    }

    /// <summary>§5.3: a follower deletes a conflicting entry and everything after it, then appends the leader's.</summary>
    [Fact]
    public void Follower_overwrites_conflicting_entries()
    {
        var node = new NodeFixture(1, Three, log: [(1, 1), (2, 2), (2, 3)], term: 2);
        node.Raft.Step(NodeFixture.Append(2, 1, term: 3, index: 1, logTerm: 1, commit: 0, (3, 2)));
        node.Drain();
        var log = node.Storage.Entries(1, node.Storage.LastIndex + 1, ulong.MaxValue);
        Assert.Equal([(1UL, 1UL), (3UL, 2UL)], log.Select(e => (e.Term, e.Index)));
    }

    /// <summary>§5.3, Figure 7: whatever a follower's log looks like (missing entries, extra uncommitted entries,
    /// both), the leader brings it to match its own.</summary>
    [Theory]
    [InlineData("1 1 1 4 4 5 5 6 6")]
    [InlineData("1 1 1 4")]
    [InlineData("1 1 1 4 4 5 5 6 6 6 6")]
    [InlineData("1 1 1 4 4 5 5 6 6 6 7 7")]
    [InlineData("1 1 1 4 4 4 4")]
    [InlineData("1 1 1 2 2 2 3 3 3 3 3")]
    public void Leader_brings_any_follower_log_to_match_its_own(string followerTerms)
    {
        const string leaderTerms = "1 1 1 4 4 5 5 6 6 6";
        var cluster = new TestCluster(0);
        cluster.Add(1, StorageWith(leaderTerms, term: 8));
        cluster.Add(2, StorageWith(followerTerms, term: 8));
        cluster.Add(3, StorageWith(leaderTerms, term: 8));
        cluster.Elect(1);
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
        var leaderLog = cluster[1].Storage.Entries(1, cluster[1].Storage.LastIndex + 1, ulong.MaxValue).Select(e => (e.Term, e.Index));
        var followerLog = cluster[2].Storage.Entries(1, cluster[2].Storage.LastIndex + 1, ulong.MaxValue).Select(e => (e.Term, e.Index));
        Assert.Equal(leaderLog, followerLog);
    }

    /// <summary>§5.4.1: a voter refuses a candidate whose log is less up to date than its own (compare last terms,
    /// then lengths).</summary>
    [Theory]
    [InlineData(2UL, 2UL, true)]
    [InlineData(3UL, 2UL, true)]
    [InlineData(1UL, 2UL, false)]
    [InlineData(5UL, 1UL, false)]
    [InlineData(1UL, 3UL, true)]
    public void Voter_only_grants_to_an_up_to_date_log(ulong lastIndex, ulong lastTerm, bool granted)
    {
        var node = new NodeFixture(1, Three, log: [(1, 1), (2, 2)], term: 2);
        node.Raft.Step(new Message { Type = MessageType.Vote, From = 2, To = 1, Term = 3, Index = lastIndex, LogTerm = lastTerm });
        var answer = node.Drain().Single(m => m.Type == MessageType.VoteResponse);
        Assert.Equal(granted, !answer.Reject);
    }

    /// <summary>§5.4.3 (safety argument, exercised): an entry committed in one term survives the leader's loss:
    /// the next leader holds it and it stays applied everywhere.</summary>
    [Fact]
    public void Committed_entries_survive_a_leader_change()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[1].Raft.Propose("kept"u8.ToArray());
        cluster.Stabilize();
        cluster.Isolate(1);
        cluster.Elect(2);
        cluster[2].Raft.Propose("next"u8.ToArray());
        cluster.Stabilize();
        Assert.Equal(["kept", "next"], cluster[3].AppliedText());
        cluster.Heal();
        cluster.TickAll(3);
        cluster.Stabilize();
        Assert.Equal(["kept", "next"], cluster[1].AppliedText());
    }

    private static MemoryRaftStorage StorageWith(string terms, ulong term)
    {
        var storage = new MemoryRaftStorage(new Membership(Three));
        var entries = terms.Split(' ').Select((t, i) => new Entry(ulong.Parse(t), (ulong)i + 1, EntryType.Normal, default));
        storage.Append([.. entries]);
        storage.SetHardState(new HardState(term, 0, 0));
        return storage;
    }

    /// <summary>Acknowledges everything up to <paramref name="index"/> from every follower.</summary>
    private static void AckAll(NodeFixture node, ulong index)
    {
        foreach (var id in node.Raft.Membership.Voters.Where(v => v != node.Raft.Id))
        {
            node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = id, To = node.Raft.Id, Term = node.Raft.Term, Index = index });
        }

        node.Drain();
    }
}
