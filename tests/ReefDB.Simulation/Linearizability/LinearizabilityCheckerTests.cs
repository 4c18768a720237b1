namespace ReefDB.Simulation.Linearizability;

/// <summary>Known linearizable and non-linearizable histories, written event by event in real-time order.</summary>
public sealed class LinearizabilityCheckerTests
{
    private readonly KvHistory history = new();

    [Fact]
    public void Sequential_put_then_get_of_the_value_is_linearizable()
    {
        var put = history.InvokePut(1, "x", "1");
        history.Ok(put);
        var get = history.InvokeGet(1, "x");
        history.Ok(get, "1");

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void Stale_read_after_an_acknowledged_put_is_not_linearizable()
    {
        var put = history.InvokePut(1, "x", "1");
        history.Ok(put);
        var get = history.InvokeGet(2, "x");
        history.Ok(get, null);

        AssertVerdict(LinearizabilityVerdict.NotLinearizable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public void Read_concurrent_with_a_put_may_see_the_old_or_the_new_value(string? seen)
    {
        var put = history.InvokePut(1, "x", "1");
        var get = history.InvokeGet(2, "x");
        history.Ok(get, seen);
        history.Ok(put);

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void New_then_old_read_inversion_during_a_put_is_not_linearizable()
    {
        var put = history.InvokePut(1, "x", "1");
        var first = history.InvokeGet(2, "x");
        history.Ok(first, "1");
        var second = history.InvokeGet(3, "x");
        history.Ok(second, null);
        history.Ok(put);

        AssertVerdict(LinearizabilityVerdict.NotLinearizable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public void Put_with_unknown_outcome_may_or_may_not_have_taken_effect(string? seen)
    {
        var put = history.InvokePut(1, "x", "1");
        history.Timeout(put);
        var get = history.InvokeGet(2, "x");
        history.Ok(get, seen);

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void Put_with_unknown_outcome_may_take_effect_long_after_the_timeout()
    {
        var put = history.InvokePut(1, "x", "1");
        history.Timeout(put);
        var early = history.InvokeGet(2, "x");
        history.Ok(early, null);
        var late = history.InvokeGet(2, "x");
        history.Ok(late, "1");

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void Put_with_unknown_outcome_cannot_take_effect_twice()
    {
        var put1 = history.InvokePut(1, "x", "1");
        history.Timeout(put1);
        var first = history.InvokeGet(2, "x");
        history.Ok(first, "1");
        var put2 = history.InvokePut(2, "x", "2");
        history.Ok(put2);
        var second = history.InvokeGet(2, "x");
        history.Ok(second, "1");

        AssertVerdict(LinearizabilityVerdict.NotLinearizable);
    }

    [Fact]
    public void Put_with_unknown_outcome_cannot_take_effect_before_its_invocation()
    {
        var get = history.InvokeGet(2, "x");
        history.Ok(get, "1");
        var put = history.InvokePut(1, "x", "1");
        history.Timeout(put);

        AssertVerdict(LinearizabilityVerdict.NotLinearizable);
    }

    [Fact]
    public void Never_answered_operations_count_as_unknown()
    {
        history.InvokePut(1, "x", "1");
        var get = history.InvokeGet(2, "x");
        history.Ok(get, "1");

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void A_failed_put_must_not_be_visible()
    {
        var put = history.InvokePut(1, "x", "1");
        history.Fail(put);
        var get = history.InvokeGet(2, "x");
        history.Ok(get, "1");

        AssertVerdict(LinearizabilityVerdict.NotLinearizable);
    }

    [Fact]
    public void Failed_and_timed_out_reads_constrain_nothing()
    {
        var put = history.InvokePut(1, "x", "1");
        history.Ok(put);
        var failed = history.InvokeGet(2, "x");
        history.Fail(failed);
        var timedOut = history.InvokeGet(3, "x");
        history.Timeout(timedOut);

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void Two_concurrent_cas_from_the_same_value_cannot_both_swap()
    {
        var a = history.InvokeCas(1, "x", null, "a");
        var b = history.InvokeCas(2, "x", null, "b");
        history.Ok(a, swapped: true);
        history.Ok(b, swapped: true);

        AssertVerdict(LinearizabilityVerdict.NotLinearizable);
    }

    [Fact]
    public void Concurrent_cas_where_one_swaps_and_the_other_does_not_is_linearizable()
    {
        var a = history.InvokeCas(1, "x", null, "a");
        var b = history.InvokeCas(2, "x", null, "b");
        history.Ok(b, swapped: false);
        history.Ok(a, swapped: true);
        var get = history.InvokeGet(3, "x");
        history.Ok(get, "a");

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void Cas_with_unknown_outcome_may_swap_after_a_later_write_made_its_expectation_true()
    {
        var cas = history.InvokeCas(1, "x", "b", "a");
        history.Timeout(cas);
        var put = history.InvokePut(2, "x", "b");
        history.Ok(put);
        var get = history.InvokeGet(2, "x");
        history.Ok(get, "a");

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void Cas_with_unknown_outcome_cannot_explain_a_value_after_an_overwrite()
    {
        var cas = history.InvokeCas(1, "x", null, "a");
        history.Timeout(cas);
        var put = history.InvokePut(2, "x", "b");
        history.Ok(put);
        var first = history.InvokeGet(2, "x");
        history.Ok(first, "b");
        var second = history.InvokeGet(2, "x");
        history.Ok(second, "a");

        AssertVerdict(LinearizabilityVerdict.NotLinearizable);
    }

    [Fact]
    public void Keys_are_checked_independently_and_the_failing_key_is_reported()
    {
        var px = history.InvokePut(1, "x", "1");
        var py = history.InvokePut(2, "y", "1");
        history.Ok(px);
        history.Ok(py);
        var gx = history.InvokeGet(1, "x");
        var gy = history.InvokeGet(2, "y");
        history.Ok(gx, "1");
        history.Ok(gy, "2");

        var result = LinearizabilityChecker.Check(history.Operations());

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, result.Verdict);
        Assert.Equal("y", result.FailedKey);
        Assert.Contains("get(y) ", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_beyond_its_budget_is_undecided_rather_than_wrong()
    {
        var puts = Enumerable.Range(0, 12).Select(i => history.InvokePut(i, "x", $"v{i}")).ToList();
        var get = history.InvokeGet(99, "x");
        history.Ok(get, "missing");
        puts.ForEach(put => history.Ok(put));

        Assert.Equal(LinearizabilityVerdict.Undecided, LinearizabilityChecker.Check(history.Operations(), stepBudgetPerKey: 50).Verdict);
        Assert.Equal(LinearizabilityVerdict.NotLinearizable, LinearizabilityChecker.Check(history.Operations()).Verdict);
    }

    [Fact]
    public void An_unknown_write_nobody_read_can_still_explain_a_cas_that_did_not_swap()
    {
        var put = history.InvokePut(1, "x", "a");
        history.Ok(put);
        var lost = history.InvokePut(2, "x", "b");
        history.Timeout(lost);
        var cas = history.InvokeCas(1, "x", "a", "c");
        history.Ok(cas, swapped: false);

        AssertVerdict(LinearizabilityVerdict.Linearizable);
    }

    [Fact]
    public void Many_timed_out_writes_nobody_read_are_decided_quickly()
    {
        var put = history.InvokePut(0, "x", "known");
        history.Ok(put);
        for (var i = 1; i <= 40; i++)
        {
            history.Timeout(history.InvokePut(i, "x", $"lost{i}"));
            var get = history.InvokeGet(100 + i, "x");
            history.Ok(get, "known");
        }

        var result = LinearizabilityChecker.Check(history.Operations(), stepBudgetPerKey: 10_000);

        Assert.True(result.Verdict == LinearizabilityVerdict.Linearizable, result.Describe());
    }

    private void AssertVerdict(LinearizabilityVerdict expected)
    {
        var result = LinearizabilityChecker.Check(history.Operations());
        Assert.True(expected == result.Verdict, result.Describe());
    }
}
