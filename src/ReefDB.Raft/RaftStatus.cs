using ReefDB.Raft.Configuration;
using ReefDB.Raft.Core;
using ReefDB.Raft.Tracker;

namespace ReefDB.Raft;

/// <summary>A snapshot of one node's Raft state, for tests, metrics and admin endpoints.</summary>
/// <param name="Id">The node's id.</param>
/// <param name="HardState">Term, vote and commit index.</param>
/// <param name="SoftState">Leader and role.</param>
/// <param name="Applied">The highest index acknowledged as applied.</param>
/// <param name="FirstIndex">The first index still in the log.</param>
/// <param name="LastIndex">The last index in the log.</param>
/// <param name="Membership">The membership in force.</param>
/// <param name="LeadTransferee">On a leader: the target of a transfer in progress (0: none).</param>
/// <param name="Progress">On a leader: each member's replication progress, by id ascending; empty otherwise.</param>
public sealed record RaftStatus(
    ulong Id,
    HardState HardState,
    SoftState SoftState,
    ulong Applied,
    ulong FirstIndex,
    ulong LastIndex,
    Membership Membership,
    ulong LeadTransferee,
    IReadOnlyList<PeerProgress> Progress)
{
    internal static RaftStatus From(RaftCore core)
    {
        var progress = new List<PeerProgress>();
        if (core.Role == RaftRole.Leader)
        {
            var ids = core.Tracker.Ids;
            var progresses = core.Tracker.Progresses;
            for (var i = 0; i < ids.Length; i++)
            {
                var p = progresses[i];
                progress.Add(new PeerProgress(
                    ids[i], p.State, p.Match, p.Next, p.IsLearner, p.RecentActive, p.Inflights.Count, p.IsPaused, p.ToString()));
            }
        }

        return new RaftStatus(
            core.Id,
            core.HardState,
            core.SoftState,
            core.Log.Applied,
            core.Log.FirstIndex,
            core.Log.LastIndex,
            core.Tracker.Membership,
            core.LeadTransferee,
            progress);
    }
}

/// <summary>The leader's view of one member's replication.</summary>
/// <param name="Id">The member.</param>
/// <param name="State">Probe, replicate or snapshot.</param>
/// <param name="Match">The highest index known to match the leader's log.</param>
/// <param name="Next">The next index the leader will send.</param>
/// <param name="IsLearner">True for a non-voting member.</param>
/// <param name="RecentActive">Heard from since the last check-quorum round.</param>
/// <param name="Inflight">Append messages sent and not yet acknowledged.</param>
/// <param name="Paused">True when the leader sends nothing more for now.</param>
/// <param name="Description">A one-line readable summary.</param>
public sealed record PeerProgress(
    ulong Id,
    ProgressState State,
    ulong Match,
    ulong Next,
    bool IsLearner,
    bool RecentActive,
    int Inflight,
    bool Paused,
    string Description);
