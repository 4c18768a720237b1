using ReefDB.Raft;

namespace ReefDB.Simulation.Regressions;

/// <summary>
/// Found by the simulation (seed 78002 of the 3504e8c long run, a lease-read seed): a leader cut off from the group
/// kept answering lease reads until check-quorum deposed it, up to two election timeouts after it last heard from a
/// quorum, while the followers, free after one election timeout, had already elected a new leader that acknowledged
/// newer writes. A lease now ends <c>RaftConfig.LeaseTicks</c> after the newest heartbeat round a quorum
/// acknowledged was sent.
/// </summary>
public sealed class LeaseWindowTests
{
    [Fact]
    public void A_cut_off_leader_stops_answering_lease_reads_before_the_followers_can_elect_another()
    {
        var group = new ScriptedGroup(voters: 3, maxInflight: 8, ReadOnlyOption.LeaseBased);
        group[1].Campaign();
        group.Deliver();
        group[1].Propose(new byte[] { 1 });
        group.Deliver();

        // Ten ticks: node 1's check-quorum window restarts at the tenth, and the followers answer that tick's
        // heartbeats, so at the next check (tick 20) node 1 still counts a quorum and stays leader until tick 30.
        for (var tick = 0; tick < 10; tick++)
        {
            group.TickAll();
            group.Deliver();
        }

        group.Drop = m => m.From == 1 || m.To == 1;
        var ticksCutOff = 0;
        while (group[2].Role != RaftRole.Leader && group[3].Role != RaftRole.Leader)
        {
            group.TickAll();
            group.Deliver();
            ticksCutOff++;
            Assert.True(ticksCutOff < 20, "nodes 2 and 3 should elect a leader within two election timeouts");
        }

        var newLeader = group[2].Role == RaftRole.Leader ? group[2] : group[3];
        newLeader.Propose(new byte[] { 2 });
        group.Deliver();
        var newCommit = newLeader.Status.HardState.Commit;

        Assert.Equal(RaftRole.Leader, group[1].Role);
        group[1].ReadIndex(new byte[] { 9 });
        group.Deliver();

        Assert.DoesNotContain(group.ReadStates.GetValueOrDefault(1UL, []), r => r.Context.Span.SequenceEqual(new byte[] { 9 }) && r.Index < newCommit);
    }

    [Fact]
    public void A_leader_in_touch_with_a_quorum_answers_lease_reads_without_a_round()
    {
        var group = new ScriptedGroup(voters: 3, maxInflight: 8, ReadOnlyOption.LeaseBased);
        group[1].Campaign();
        group.Deliver();
        group.TickAll();
        group.Deliver();

        // Nothing leaves node 1 now, so only its lease can answer.
        group.Drop = m => m.From == 1;
        group[1].ReadIndex(new byte[] { 9 });
        group.Deliver();

        Assert.Contains(group.ReadStates.GetValueOrDefault(1UL, []), r => r.Context.Span.SequenceEqual(new byte[] { 9 }));
    }
}
