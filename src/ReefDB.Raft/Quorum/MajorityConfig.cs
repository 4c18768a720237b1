namespace ReefDB.Raft.Quorum;

/// <summary>Majority arithmetic over a set of voters.</summary>
internal static class MajorityConfig
{
    public static int QuorumSize(int voters) => (voters / 2) + 1;

    /// <summary>
    /// The highest index that a majority has acknowledged, given each voter's acknowledged index (0 when unknown).
    /// Sorting and picking the quorum-th largest is O(n log n) on a handful of voters; the span is sorted in place,
    /// so callers pass a scratch copy (stack-allocated on the hot commit path). With no voters nothing is
    /// committed.
    /// </summary>
    public static ulong CommittedIndex(Span<ulong> acknowledged)
    {
        if (acknowledged.IsEmpty)
        {
            return 0;
        }

        acknowledged.Sort();
        return acknowledged[acknowledged.Length - QuorumSize(acknowledged.Length)];
    }

    /// <summary>Counts votes: <paramref name="granted"/> and <paramref name="rejected"/> among
    /// <paramref name="voterCount"/> voters; voters not heard from are still pending.</summary>
    public static VoteResult Tally(int voterCount, int granted, int rejected)
    {
        if (voterCount == 0)
        {
            return VoteResult.Lost;
        }

        var quorum = QuorumSize(voterCount);
        if (granted >= quorum)
        {
            return VoteResult.Won;
        }

        return voterCount - rejected >= quorum ? VoteResult.Pending : VoteResult.Lost;
    }
}
