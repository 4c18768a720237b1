using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Storage;

namespace ReefDB.Simulation.Cluster;

/// <summary>What an operator does during the chaos phase: leader transfers, membership changes, compactions.</summary>
internal sealed partial class SimCluster
{
    private void RunAdministration()
    {
        var leader = nodes.Values.FirstOrDefault(n => n.IsLeader);
        if (leader?.Raft is { } raft)
        {
            if (random.NextDouble() < 0.01)
            {
                TransferLeadership(leader, raft);
            }

            if (options.AllowMembershipChanges && random.NextDouble() < 0.01)
            {
                ChangeMembership(leader, raft);
            }
        }

        if (random.NextDouble() < 0.03)
        {
            var up = nodes.Values.Where(n => n.IsUp).ToList();
            if (up.Count > 0)
            {
                Compact(up[random.Next(up.Count)]);
            }
        }
    }

    private void TransferLeadership(SimNode leader, RaftNode raft)
    {
        var voters = raft.Membership.Voters.Where(id => id != leader.Id).ToList();
        if (voters.Count == 0)
        {
            return;
        }

        var target = voters[random.Next(voters.Count)];
        Trace.Add(now, Format($"admin: transfer leadership {leader.Id} -> {target}"));
        Stats.TransfersRequested++;
        try
        {
            raft.TransferLeader(target);
        }
        catch (ProposalDroppedException dropped)
        {
            Trace.Add(now, Format($"admin: transfer refused: {dropped.Reason}"));
            return;
        }

        Drain(leader);
    }

    private void ChangeMembership(SimNode leader, RaftNode raft)
    {
        var membership = raft.Membership;
        var newId = nextNodeId;
        ConfChange change;
        switch (random.Next(6))
        {
            case 0 or 1 when newId <= SimOptions.MaxNodes:
                change = new ConfChange(ConfChangeType.AddLearner, newId);
                break;
            case 2 when newId <= SimOptions.MaxNodes:
                change = new ConfChange(ConfChangeType.AddVoter, newId);
                break;
            case 3 when membership.Learners.Count > 0:
                change = new ConfChange(ConfChangeType.PromoteLearner, membership.Learners[random.Next(membership.Learners.Count)]);
                break;
            case 4 when membership.Voters.Count > 3:
                change = new ConfChange(ConfChangeType.RemoveNode, membership.Voters[random.Next(membership.Voters.Count)]);
                break;
            case 5 when membership.Learners.Count > 0:
                change = new ConfChange(ConfChangeType.RemoveNode, membership.Learners[random.Next(membership.Learners.Count)]);
                break;
            default:
                return;
        }

        try
        {
            raft.ProposeConfChange(change);
        }
        catch (ProposalDroppedException dropped)
        {
            Trace.Add(now, Format($"admin: {change} refused by leader {leader.Id}: {dropped.Reason}"));
            return;
        }

        Trace.Add(now, Format($"admin: propose {change} on leader {leader.Id} (membership {membership})"));
        if (change.Type is ConfChangeType.AddLearner or ConfChangeType.AddVoter)
        {
            // A joining node starts empty and learns everything (membership included) from the leader.
            nextNodeId++;
            var joiner = new SimNode(newId, new MemoryRaftStorage());
            nodes[newId] = joiner;
            Start(joiner);
        }

        Drain(leader);
    }

    private void Compact(SimNode node)
    {
        var raft = node.Raft!;
        var disk = node.Disk;
        var snapshotIndex = disk.Snapshot().Metadata.Index;
        var index = Math.Min(node.Applied, disk.LastIndex);
        if (index <= snapshotIndex)
        {
            return;
        }

        disk.CreateSnapshot(index, raft.MembershipAt(index), node.Machine.Serialize());
        Stats.Compactions++;
        var compactTo = Math.Max(disk.FirstIndex, index - (ulong)Math.Min((long)index, random.Next(0, 8)));
        if (compactTo > disk.FirstIndex - 1 && compactTo <= index)
        {
            disk.Compact(compactTo);
        }

        Trace.Add(now, Format($"node {node.Id} snapshots at {index} and compacts to {compactTo}"));
    }
}
