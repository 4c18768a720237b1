using ReefDB.Raft.Configuration;
using ReefDB.Raft.Quorum;

namespace ReefDB.Raft.Tracker;

/// <summary>
/// The leader's progress for every member of the current membership, and the votes of the current election.
/// </summary>
/// <remarks>
/// Members are held in arrays sorted by id: iteration is deterministic (DESIGN.md §2) and allocation-free, and
/// groups are small enough that binary search beats hashing.
/// </remarks>
internal sealed class ProgressTracker
{
    private readonly int maxInflight;
    private readonly ulong maxInflightBytes;
    private readonly Dictionary<ulong, bool> votes = [];
    private ulong[] ids = [];
    private Progress[] progresses = [];

    public ProgressTracker(int maxInflight, ulong maxInflightBytes)
    {
        this.maxInflight = maxInflight;
        this.maxInflightBytes = maxInflightBytes;
    }

    public Membership Membership { get; private set; } = Membership.Empty;

    /// <summary>Member ids, ascending (voters and learners).</summary>
    public ReadOnlySpan<ulong> Ids => ids;

    public ReadOnlySpan<Progress> Progresses => progresses;

    public Progress? Get(ulong id)
    {
        var at = Array.BinarySearch(ids, id);
        return at >= 0 ? progresses[at] : null;
    }

    /// <summary>
    /// Switches to <paramref name="membership"/>: keeps the progress of members that stay, creates progress for new
    /// ones (probing from <paramref name="nextForNew"/>, marked recently active so check-quorum gives them a
    /// chance), drops the rest.
    /// </summary>
    public void SetMembership(Membership membership, ulong nextForNew)
    {
        var newIds = membership.All.Order().ToArray();
        var newProgress = new Progress[newIds.Length];
        for (var i = 0; i < newIds.Length; i++)
        {
            var id = newIds[i];
            var existing = Get(id);
            if (existing is null)
            {
                existing = new Progress(Math.Max(nextForNew, 1), maxInflight, maxInflightBytes, membership.IsLearner(id))
                {
                    RecentActive = true,
                };
            }

            existing.IsLearner = membership.IsLearner(id);
            newProgress[i] = existing;
        }

        ids = newIds;
        progresses = newProgress;
        Membership = membership;
    }

    /// <summary>The highest index acknowledged by a majority of voters.</summary>
    public ulong Committed()
    {
        var voters = Membership.Voters;
        Span<ulong> acknowledged = voters.Count <= 32 ? stackalloc ulong[voters.Count] : new ulong[voters.Count];
        for (var i = 0; i < voters.Count; i++)
        {
            acknowledged[i] = Get(voters[i])?.Match ?? 0;
        }

        return MajorityConfig.CommittedIndex(acknowledged);
    }

    /// <summary>True when a majority of voters were heard from recently (the leader marks itself active).</summary>
    public bool QuorumActive()
    {
        var voters = Membership.Voters;
        var active = 0;
        for (var i = 0; i < voters.Count; i++)
        {
            if (Get(voters[i])?.RecentActive == true)
            {
                active++;
            }
        }

        return active >= MajorityConfig.QuorumSize(voters.Count);
    }

    public void ResetVotes() => votes.Clear();

    /// <summary>Records a vote (the first answer from a voter wins; repeats are ignored).</summary>
    public void RecordVote(ulong id, bool granted) => votes.TryAdd(id, granted);

    public (int Granted, int Rejected, VoteResult Result) TallyVotes()
    {
        int granted = 0, rejected = 0;
        foreach (var voter in Membership.Voters)
        {
            if (votes.TryGetValue(voter, out var vote))
            {
                if (vote)
                {
                    granted++;
                }
                else
                {
                    rejected++;
                }
            }
        }

        return (granted, rejected, MajorityConfig.Tally(Membership.Voters.Count, granted, rejected));
    }
}
