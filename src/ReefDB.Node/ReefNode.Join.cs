using ReefDB.Node.Admin;
using ReefDB.Node.Membership;
using ReefDB.Replication;

namespace ReefDB.Node;

public sealed partial class ReefNode
{
    private static readonly TimeSpan FirstJoinDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestJoinDelay = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With <c>join</c> set and no membership in the raft directory (a new node, or one that stopped before it was
    /// added), asks the member at the join address to add this node as a learner, retrying with exponential backoff
    /// and jitter until it is accepted or the node stops. The leader then sends the log (or a snapshot) and promotes
    /// this node once it has caught up. A node that already knows a membership never asks again: restarts of a joined
    /// node recover from the raft directory like any other.
    /// </summary>
    private async Task JoinAsync(string joinAddress, MemberDirectory members, CancellationToken stopping)
    {
        try
        {
            if ((await replica.GetStatusAsync(stopping).ConfigureAwait(false)).Members.Count > 0)
            {
                return;
            }
        }
        catch (Exception e) when (e is ReplicaStoppedException or OperationCanceledException)
        {
            return;
        }

        var delay = FirstJoinDelay;
        for (var attempt = 1; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                using var client = new AdminClient(joinAddress, TimeSpan.FromMilliseconds(Options.RequestTimeoutMs));
                // The cluster's addresses first: the leader's first append needs an answer, and members bootstrapped
                // from configuration are known to this node only through the member it asks.
                LearnAddresses(await client.ListMembersAsync(stopping).ConfigureAwait(false), members);
                var added = await client.AddMemberAsync(NodeId, Options.RpcAddr, Options.HttpAddr, stopping).ConfigureAwait(false);
                LogMessages.Joined(logger, NodeId, joinAddress, added.NodeId, added.Result);
                LearnAddresses(await client.ListMembersAsync(stopping).ConfigureAwait(false), members);
                return;
            }
            catch (AdminException e)
            {
                LogMessages.JoinRetry(logger, NodeId, joinAddress, attempt, e.Code, e.Message, delay.TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next((int)(delay.TotalMilliseconds / 2) + 1)), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestJoinDelay.Ticks));
        }
    }

    private void LearnAddresses(AdminMembers cluster, MemberDirectory members)
    {
        foreach (var member in cluster.Members.Where(m => m.NodeId != NodeId && m.Addr is not null))
        {
            members.Set(new MemberAddress(member.NodeId, member.Addr!, member.HttpAddr));
            transport.SetPeer(member.NodeId, member.Addr!);
        }
    }
}
