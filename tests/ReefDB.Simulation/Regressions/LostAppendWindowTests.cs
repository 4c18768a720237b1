using ReefDB.Raft.Messages;

namespace ReefDB.Simulation.Regressions;

/// <summary>
/// Found by the simulation (seeds 4, 39, 74, 129, 131 of the first runs): a follower in Replicate state whose whole
/// in-flight window of appends was lost (dropped, or the follower crashed before persisting them) never caught
/// up again: nothing acknowledged those appends, so the window stayed full and the leader sent nothing more.
/// </summary>
public sealed class LostAppendWindowTests
{
    [Fact]
    public void A_follower_whose_inflight_appends_were_all_lost_catches_up_on_heartbeats()
    {
        var group = new ScriptedGroup(voters: 3, maxInflight: 2);
        group[1].Campaign();
        group.Deliver();
        group[1].Propose(new byte[] { 1 });
        group.Deliver(); // node 3 acknowledged an append: the leader now streams to it (Replicate)

        group.Drop = m => m.Type == MessageType.Append && m.To == 3;
        for (byte i = 2; i <= 6; i++)
        {
            group[1].Propose(new[] { i });
            group.Deliver();
        }

        group.Drop = _ => false;
        for (var tick = 0; tick < 10; tick++)
        {
            group.TickAll();
            group.Deliver();
        }

        Assert.Equal(group.Disk(1).LastIndex, group.Disk(3).LastIndex);
    }
}
