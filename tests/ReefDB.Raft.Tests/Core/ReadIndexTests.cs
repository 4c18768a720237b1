using ReefDB.Raft.Messages;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Core;

/// <summary>Linearizable reads without log writes (dissertation §6.4).</summary>
public sealed class ReadIndexTests
{
    [Fact]
    public void A_new_leader_answers_reads_only_after_committing_an_entry_of_its_term()
    {
        var node = new NodeFixture(1, [1, 2, 3]);
        node.BecomeLeader();
        node.Raft.ReadIndex("r"u8.ToArray());
        var before = node.Drain();
        Assert.DoesNotContain(before, m => m.Type == MessageType.Heartbeat);

        node.Raft.Step(new Message { Type = MessageType.AppendResponse, From = 2, To = 1, Term = 1, Index = 1 });
        var heartbeats = node.Drain().Where(m => m.Type == MessageType.Heartbeat).ToList();
        Assert.Equal(2, heartbeats.Count);
        Assert.All(heartbeats, h => Assert.Equal("r"u8.ToArray(), h.Context.ToArray()));

        var readStates = new List<ReadState>();
        node.Raft.Step(new Message { Type = MessageType.HeartbeatResponse, From = 3, To = 1, Term = 1, Context = "r"u8.ToArray() });
        while (node.Raft.HasReady)
        {
            var ready = node.Raft.GetReady();
            readStates.AddRange(ready.ReadStates);
            node.Raft.Advance(ready);
        }

        var state = Assert.Single(readStates);
        Assert.Equal(1UL, state.Index);
    }

    [Fact]
    public void A_follower_read_is_answered_with_the_leader_commit_index()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster[1].Raft.Propose("w"u8.ToArray());
        cluster.Stabilize();
        cluster[3].Raft.ReadIndex("f"u8.ToArray());
        cluster.Stabilize();
        var state = Assert.Single(cluster[3].ReadStates);
        Assert.Equal(cluster[1].Raft.Status.HardState.Commit, state.Index);
        Assert.Equal("f"u8.ToArray(), state.Context.ToArray());
    }

    [Fact]
    public void A_leader_that_lost_its_quorum_cannot_answer()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(1);
        cluster[1].Raft.ReadIndex("x"u8.ToArray());
        cluster.Stabilize();
        Assert.Empty(cluster[1].ReadStates);
    }

    [Fact]
    public void A_single_voter_answers_at_once()
    {
        var cluster = new TestCluster(1);
        cluster.Elect(1);
        cluster[1].Raft.ReadIndex("s"u8.ToArray());
        cluster.Stabilize();
        Assert.Single(cluster[1].ReadStates);
    }

    private static TestCluster LeaseCluster(int voters = 3) => new(voters, id => new RaftConfig
    {
        Id = id,
        Random = new Random((int)id),
        CheckQuorum = true,
        ReadOnlyOption = ReadOnlyOption.LeaseBased,
    });

    [Fact]
    public void Lease_reads_skip_the_heartbeat_round()
    {
        var cluster = LeaseCluster();
        cluster.Elect(1);
        cluster.Tick(1);
        cluster.Stabilize();

        cluster.Isolate(1);
        cluster[1].Raft.ReadIndex("l"u8.ToArray());
        cluster.ProcessReadies();
        Assert.Single(cluster[1].ReadStates);
    }

    [Fact]
    public void A_new_leader_has_no_lease_until_a_quorum_answers_a_heartbeat()
    {
        var cluster = LeaseCluster();
        cluster.Elect(1);
        cluster.Isolate(1);
        cluster[1].Raft.ReadIndex("l"u8.ToArray());
        cluster.Stabilize();
        Assert.Empty(cluster[1].ReadStates);
    }

    [Fact]
    public void A_lease_ends_lease_ticks_after_the_acknowledged_round_was_sent()
    {
        var cluster = LeaseCluster();
        cluster.Elect(1);
        cluster.Tick(1);
        cluster.Stabilize();
        cluster.Isolate(1);
        var leaseTicks = new RaftConfig().LeaseTicks;

        cluster.Tick(1, leaseTicks - 1);
        cluster.Stabilize();
        cluster[1].Raft.ReadIndex("in"u8.ToArray());
        cluster.Stabilize();
        Assert.Single(cluster[1].ReadStates);

        cluster.Tick(1);
        cluster.Stabilize();
        cluster[1].Raft.ReadIndex("out"u8.ToArray());
        cluster.Stabilize();
        Assert.Single(cluster[1].ReadStates);
        Assert.Equal(RaftRole.Leader, cluster[1].Raft.Role);
    }

    [Fact]
    public void One_leader_serves_a_lease_read_from_its_lease_and_a_safe_read_only_after_a_heartbeat_round()
    {
        var cluster = LeaseCluster();
        cluster.Elect(1);
        cluster.Tick(1);
        cluster.Stabilize();

        cluster.Isolate(1);
        cluster[1].Raft.ReadIndex("safe"u8.ToArray(), ReadOnlyOption.Safe);
        cluster[1].Raft.ReadIndex("lease"u8.ToArray(), ReadOnlyOption.LeaseBased);
        cluster.Stabilize();
        var leased = Assert.Single(cluster[1].ReadStates);
        Assert.Equal("lease"u8.ToArray(), leased.Context.ToArray());

        // The safe read waits for a quorum to answer a round sent after it was asked: the next heartbeat.
        cluster.Heal();
        cluster.Tick(1, new RaftConfig().HeartbeatTick);
        cluster.Stabilize();
        Assert.Equal(["lease", "safe"], cluster[1].ReadStates.Select(r => System.Text.Encoding.ASCII.GetString(r.Context.Span)));
    }

    /// <summary>With five voters the leader and the asking follower are not a quorum: the read takes a heartbeat round,
    /// and the leader's lease is not used for it (the follower's choice of option does not travel).</summary>
    [Fact]
    public void A_read_forwarded_by_a_follower_is_confirmed_with_a_heartbeat_round_even_under_a_lease()
    {
        var cluster = LeaseCluster(voters: 5);
        cluster.Elect(1);
        cluster.Tick(1);
        cluster.Stabilize();

        cluster[3].Raft.ReadIndex("f"u8.ToArray(), ReadOnlyOption.LeaseBased);
        cluster.ProcessReadies();
        Assert.Equal(1, cluster.Deliver());
        cluster.ProcessReadies();
        Assert.DoesNotContain(cluster.InFlight, m => m.Type == MessageType.ReadIndexResponse);
        Assert.Equal(4, cluster.InFlight.Count(m => m.Type == MessageType.Heartbeat && m.Context.Span.SequenceEqual("f"u8)));

        cluster.Stabilize();
        var state = Assert.Single(cluster[3].ReadStates);
        Assert.Equal(cluster[1].Raft.Status.HardState.Commit, state.Index);
    }

    /// <summary>With three voters the asking follower, which stamps its request with its term, and the leader are a
    /// quorum: the leader answers at once, without a heartbeat round (RaftCore.RequesterCompletesQuorum).</summary>
    [Fact]
    public void In_a_three_voter_group_a_follower_read_is_answered_without_a_heartbeat_round()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Stabilize();

        cluster[3].Raft.ReadIndex("f"u8.ToArray());
        cluster.ProcessReadies();
        var request = Assert.Single(cluster.InFlight);
        Assert.Equal(MessageType.ReadIndex, request.Type);
        Assert.Equal(cluster[3].Raft.Term, request.Term);
        Assert.Equal(1, cluster.Deliver());
        cluster.ProcessReadies();
        Assert.DoesNotContain(cluster.InFlight, m => m.Type == MessageType.Heartbeat);
        var answer = Assert.Single(cluster.InFlight, m => m.Type == MessageType.ReadIndexResponse);
        Assert.Equal(3UL, answer.To);

        cluster.Stabilize();
        var state = Assert.Single(cluster[3].ReadStates);
        Assert.Equal(cluster[1].Raft.Status.HardState.Commit, state.Index);
    }

    /// <summary>A request without a term (an older node's) vouches for nothing: it takes the heartbeat round.</summary>
    [Fact]
    public void A_follower_read_without_a_term_takes_a_heartbeat_round()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Stabilize();

        cluster[1].Raft.Step(new Message { Type = MessageType.ReadIndex, From = 3, To = 1, Context = "old"u8.ToArray() });
        cluster.ProcessReadies();
        Assert.DoesNotContain(cluster.InFlight, m => m.Type == MessageType.ReadIndexResponse);
        Assert.Equal(2, cluster.InFlight.Count(m => m.Type == MessageType.Heartbeat && m.Context.Span.SequenceEqual("old"u8)));

        cluster.Stabilize();
        Assert.Single(cluster[3].ReadStates);
    }

    [Fact]
    public void In_a_group_without_leases_a_lease_read_takes_a_heartbeat_round()
    {
        var cluster = new TestCluster(3, id => new RaftConfig { Id = id, Random = new Random((int)id), CheckQuorum = true });
        cluster.Elect(1);
        cluster.Tick(1);
        cluster.Stabilize();

        cluster.Isolate(1);
        cluster[1].Raft.ReadIndex("l"u8.ToArray(), ReadOnlyOption.LeaseBased);
        cluster.Stabilize();
        Assert.Empty(cluster[1].ReadStates);
    }

    [Fact]
    public void Without_a_known_leader_the_read_is_refused()
    {
        var cluster = new TestCluster(3);
        var error = Assert.Throws<ProposalDroppedException>(() => cluster[2].Raft.ReadIndex("x"u8.ToArray()));
        Assert.Equal(ProposalDropReason.NoLeader, error.Reason);
    }

    [Fact]
    public void A_read_needs_a_context_to_match_its_answer()
    {
        var cluster = new TestCluster(1);
        cluster.Elect(1);
        Assert.Throws<ArgumentException>(() => cluster[1].Raft.ReadIndex(ReadOnlyMemory<byte>.Empty));
    }
}
