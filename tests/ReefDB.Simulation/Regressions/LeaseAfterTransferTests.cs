using ReefDB.Raft;
using ReefDB.Raft.Messages;

namespace ReefDB.Simulation.Regressions;

/// <summary>
/// Found by the simulation (seeds 46183 and 52559 of the 3504e8c long run, lease-read seeds): after sending
/// TimeoutNow, a leader cut off from the group kept answering lease reads with its old commit index while the
/// transfer target, elected at once, acknowledged newer writes.
/// </summary>
public sealed class LeaseAfterTransferTests
{
    [Fact]
    public void A_leader_that_sent_timeout_now_no_longer_answers_reads_from_its_lease()
    {
        var group = new ScriptedGroup(voters: 3, maxInflight: 8, ReadOnlyOption.LeaseBased);
        group[1].Campaign();
        group.Deliver();
        group[1].Propose(new byte[] { 1 });
        group.Deliver();

        group[1].TransferLeader(2);
        group.Drop = m => (m.From == 1 && m.Type != MessageType.TimeoutNow) || m.To == 1;
        group.Deliver();
        Assert.Equal(RaftRole.Leader, group[2].Role);
        group[2].Propose(new byte[] { 2 });
        group.Deliver();
        var newCommit = group[2].Status.HardState.Commit;

        group[1].ReadIndex(new byte[] { 9 });
        group.Deliver();

        Assert.DoesNotContain(group.ReadStates.GetValueOrDefault(1UL, []), r => r.Context.Span.SequenceEqual(new byte[] { 9 }) && r.Index < newCommit);
    }
}
