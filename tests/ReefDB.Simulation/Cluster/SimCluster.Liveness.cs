using ReefDB.Simulation.Invariants;
using ReefDB.Simulation.Linearizability;

namespace ReefDB.Simulation.Cluster;

/// <summary>
/// After every fault heals, the group must recover on its own within <see cref="SimOptions.LivenessTicks"/>:
/// one leader that every live member follows, a fresh write acknowledged for every client, and every member
/// caught up with the last acknowledged write. A client whose write times out or is refused (a forwarded
/// proposal can be dropped silently, e.g. during a leader transfer) simply tries again: only the bound counts.
/// </summary>
internal sealed partial class SimCluster
{
    private readonly HashSet<int> acknowledgedAfterHeal = [];
    private bool inLivenessPhase;

    private void RunLivenessPhase()
    {
        inLivenessPhase = true;
        var deadline = now + options.LivenessTicks;
        while (now < deadline)
        {
            Step(chaos: false);
            var leader = StableLeader();
            if (leader is null)
            {
                continue;
            }

            var members = leader.Raft!.Membership.All.Select(id => nodes[id]).ToList();
            foreach (var client in clients.Where(c => c.Current is null && !acknowledgedAfterHeal.Contains(c.Id)))
            {
                // Any member will do (followers forward); a node outside the membership never hears the outcome.
                Invoke(client, KvOperationKind.Put, members[random.Next(members.Count)]);
            }

            if (acknowledgedAfterHeal.Count == clients.Count && MembersCaughtUp(leader))
            {
                Trace.Add(now, Format($"liveness: leader {leader.Id}, every client write acknowledged, members caught up"));
                return;
            }
        }

        var pending = string.Join(", ", requests.Values.Select(r => Format($"#{r.HistoryId}@{r.Node}")));
        var states = string.Join("; ", nodes.Values.Select(n => Format($"{n.Id}:{(n.IsUp ? n.SoftState.Role.ToString() : n.Removed ? "removed" : "down")} term={n.HardState.Term} applied={n.Applied} leader={n.SoftState.Leader}")));
        var progress = string.Join("; ", nodes.Values.Where(n => n.IsLeader).SelectMany(n => n.Raft!.Status.Progress.Select(p => Format($"leader {n.Id} sees {p.Id}: {p.Description}"))));
        RaftInvariants.Fail(Format($"liveness: not recovered {options.LivenessTicks} ticks after faults healed; {acknowledgedAfterHeal.Count}/{clients.Count} clients got a write acknowledged, pending [{pending}]; nodes {states}; {progress}"));
    }

    private void NoteAcknowledged(int clientId)
    {
        if (inLivenessPhase)
        {
            acknowledgedAfterHeal.Add(clientId);
        }
    }

    /// <summary>
    /// The leader that every member of its membership follows (at most one can be: memberships of
    /// successive configurations overlap in a majority). Another node may still call itself leader: a node
    /// outside the membership (its joining entry was never committed, or it was removed) that led an older
    /// term, and that nobody contacts any more. Without pre-vote and check-quorum nothing tells it a newer term
    /// exists, as in etcd-io/raft; it is harmless, since it cannot commit anything.
    /// </summary>
    private SimNode? StableLeader() =>
        nodes.Values.FirstOrDefault(leader => leader.IsLeader && leader.Raft!.Membership.All.All(
            id => nodes.TryGetValue(id, out var member) && member.IsUp && member.SoftState.Leader == leader.Id));

    private bool MembersCaughtUp(SimNode leader) =>
        leader.Raft!.Membership.All.All(id => nodes[id].Applied >= maxAcknowledgedWriteIndex);
}
