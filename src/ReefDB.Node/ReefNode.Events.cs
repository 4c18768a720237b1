using System.Text;
using System.Text.Json;
using ReefDB.Node.Membership;
using ReefDB.Node.Observability;
using ReefDB.Node.Replicas;
using ReefDB.Raft.Configuration;
using ReefDB.Replication;

namespace ReefDB.Node;

public sealed partial class ReefNode
{
    /// <summary>
    /// Follows the replica's events: leader changes (logged, counted), membership changes (addresses recorded from the
    /// change's context, peers added to or removed from the transport). Handlers run on the Raft loop thread, so the
    /// work is handed to the thread pool.
    /// </summary>
    private void Watch(RaftReplica raft, MemberDirectory members, NodeMetrics metrics)
    {
        var lastLeader = 0UL;
        raft.LeaderChanged += (_, change) =>
        {
            // Events run on the thread that drives the replica, one at a time, so the captured leader needs no lock.
            if (change.LeaderId != 0 && change.LeaderId != lastLeader)
            {
                metrics.LeaderChanged();
                lastLeader = change.LeaderId;
            }

            // A pre-vote is not an election: it changes no term, and most of those a partitioned node runs go nowhere.
            if (change.Role == ReplicaRole.Candidate && !change.PreVote)
            {
                metrics.ElectionStarted();
                LogMessages.ElectionStarted(logger, NodeId, change.Term);
            }

            LogMessages.LeaderChanged(logger, NodeId, change.LeaderId, members.RpcAddress(change.LeaderId), change.Term, RaftReplicaAdapter.RoleName(change.Role));
        };
        raft.MembershipChanged += (_, change) => _ = Task.Run(async () =>
        {
            LogMessages.MembershipChanged(logger, change.Index, $"{change.Change.Type} {change.Change.NodeId}", string.Join(", ", change.Membership.Voters.Order()));
            if (change.Change.Type == ConfChangeType.RemoveNode)
            {
                if (change.Change.NodeId != NodeId)
                {
                    await transport.RemovePeerAsync(change.Change.NodeId).ConfigureAwait(false);
                }

                return;
            }

            if (MemberContext.Decode(change.Change.NodeId, change.Change.Context) is { } address)
            {
                members.Set(address);
                if (address.NodeId != NodeId)
                {
                    transport.SetPeer(address.NodeId, address.RpcAddr);
                }
            }
        });
        _ = raft.Stopped.ContinueWith(
            _ =>
            {
                if (raft.Failure is { } failure)
                {
                    LogMessages.ReplicaFailed(logger, NodeId, failure);
                }
            },
            TaskScheduler.Default);
    }
}

/// <summary>The context of an add-member change: the new member's addresses, as UTF-8 JSON.</summary>
internal static class MemberContext
{
    public static byte[] Encode(MemberAddress address) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Wire(address.RpcAddr, address.HttpAddr)));

    public static MemberAddress? Decode(ulong nodeId, ReadOnlyMemory<byte> context)
    {
        if (context.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Wire>(context.Span) is { Addr.Length: > 0 } wire
                ? new MemberAddress(nodeId, wire.Addr, wire.HttpAddr)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Wire(string Addr, string? HttpAddr);
}
