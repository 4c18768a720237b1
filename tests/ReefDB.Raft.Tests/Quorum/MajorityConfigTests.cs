using ReefDB.Raft.Quorum;

namespace ReefDB.Raft.Tests.Quorum;

public sealed class MajorityConfigTests
{
    /// <summary>The sorted-pick commit index equals the naive definition: the largest index that at least a
    /// majority of voters have acknowledged.</summary>
    [Fact]
    public void Committed_index_matches_the_naive_definition()
    {
        const int seed = 20261126;
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var acks = Enumerable.Range(0, random.Next(1, 10)).Select(_ => (ulong)random.Next(0, 21)).ToArray();
            var quorum = (acks.Length / 2) + 1;
            var naive = acks.Where(candidate => acks.Count(a => a >= candidate) >= quorum).DefaultIfEmpty(0UL).Max();
            Assert.True(naive == MajorityConfig.CommittedIndex(acks.ToArray()), $"seed {seed}, case {i}: [{string.Join(',', acks)}]");
        }
    }

    [Theory]
    [InlineData(3, 2, 0, "Won")]
    [InlineData(3, 1, 1, "Pending")]
    [InlineData(3, 1, 2, "Lost")]
    [InlineData(4, 2, 0, "Pending")]
    [InlineData(4, 2, 2, "Lost")]
    [InlineData(4, 3, 1, "Won")]
    [InlineData(1, 1, 0, "Won")]
    [InlineData(0, 0, 0, "Lost")]
    public void Tally_needs_a_strict_majority(int voters, int granted, int rejected, string expected) =>
        Assert.Equal(expected, MajorityConfig.Tally(voters, granted, rejected).ToString());

    [Fact]
    public void No_voters_commit_nothing() => Assert.Equal(0UL, MajorityConfig.CommittedIndex([]));
}
