using ReefDB.Raft.Configuration;

namespace ReefDB.Raft.Tests.Configuration;

public sealed class MembershipTests
{
    [Fact]
    public void Changes_apply_one_server_at_a_time()
    {
        var m = new Membership([1, 2, 3]);
        m = m.Apply(new ConfChange(ConfChangeType.AddLearner, 4));
        Assert.True(m.IsLearner(4));
        m = m.Apply(new ConfChange(ConfChangeType.PromoteLearner, 4));
        Assert.True(m.IsVoter(4));
        m = m.Apply(new ConfChange(ConfChangeType.RemoveNode, 1));
        Assert.Equal(new Membership([2, 3, 4]), m);
    }

    [Theory]
    [InlineData(ConfChangeType.AddVoter, 1UL)]
    [InlineData(ConfChangeType.AddLearner, 2UL)]
    [InlineData(ConfChangeType.PromoteLearner, 1UL)]
    [InlineData(ConfChangeType.RemoveNode, 9UL)]
    [InlineData(ConfChangeType.AddVoter, 0UL)]
    public void Changes_that_do_not_fit_are_refused(ConfChangeType type, ulong node)
    {
        var m = new Membership([1, 2]);
        var change = new ConfChange(type, node);
        Assert.False(m.CanApply(change));
        if (node != 0)
        {
            Assert.Throws<InvalidOperationException>(() => m.Apply(change));
        }
    }

    [Fact]
    public void A_node_cannot_be_voter_and_learner() =>
        Assert.Throws<ArgumentException>(() => new Membership([1, 2], [2]));

    [Fact]
    public void Codec_round_trips_the_change_and_the_resulting_membership()
    {
        var change = new ConfChange(ConfChangeType.AddLearner, 7, "addr"u8.ToArray());
        var result = new Membership([1, 2, 3], [7]);
        var (decodedChange, decodedResult) = ConfChangeCodec.Decode(ConfChangeCodec.Encode(change, result));
        Assert.Equal(change.Type, decodedChange.Type);
        Assert.Equal(change.NodeId, decodedChange.NodeId);
        Assert.Equal("addr"u8.ToArray(), decodedChange.Context.ToArray());
        Assert.Equal(result, decodedResult);
    }

    [Fact]
    public void Codec_rejects_garbage()
    {
        Assert.Throws<FormatException>(() => ConfChangeCodec.Decode([1, 2, 3]));
        var valid = ConfChangeCodec.Encode(new ConfChange(ConfChangeType.AddVoter, 2), new Membership([1, 2]));
        Assert.Throws<FormatException>(() => ConfChangeCodec.Decode(valid.AsSpan(0, valid.Length - 3)));
    }

    [Fact]
    public void History_falls_back_when_a_conf_change_entry_is_overwritten()
    {
        var history = new ConfigHistory(0, new Membership([1, 2, 3]));
        history.Push(5, new Membership([1, 2, 3, 4]));
        history.Push(9, new Membership([1, 2, 4]));
        Assert.Equal(new Membership([1, 2, 3, 4]), history.At(8));
        history.TruncateFrom(6);
        Assert.Equal(new Membership([1, 2, 3, 4]), history.Current);
        history.TruncateFrom(1);
        Assert.Equal(new Membership([1, 2, 3]), history.Current);
    }
}
