namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// Histories from long runs that the checker could not decide (seeds 44029 and 76547 of the 3504e8c run exhausted
/// 5 M search steps on key k0, with 20 and 28 writes of unknown outcome). Both are decided now, within a small
/// fraction of that budget, and still caught when one read is corrupted.
/// </summary>
public sealed class RecordedHistoryTests
{
    private const long Budget = 100_000;

    [Theory]
    [InlineData("seed44029-k0.txt")]
    [InlineData("seed76547-k0.txt")]
    public void Long_run_histories_that_exhausted_the_budget_are_decided(string file)
    {
        var operations = RecordedHistory.Load(file);
        Assert.Contains(operations, operation => operation.Outcome == KvOutcome.Unknown);

        var result = LinearizabilityChecker.Check(operations, Budget);

        Assert.True(result.Verdict == LinearizabilityVerdict.Linearizable, result.Describe());
    }

    [Theory]
    [InlineData("seed44029-k0.txt")]
    [InlineData("seed76547-k0.txt")]
    public void A_stale_read_planted_in_them_is_found(string file)
    {
        var operations = RecordedHistory.Load(file);

        // The last read answers with the value of the first acknowledged put: stale, since later writes were
        // acknowledged before it began.
        var firstPut = operations.First(op => op is { Kind: KvOperationKind.Put, Outcome: KvOutcome.Ok });
        var lastRead = operations.FindLastIndex(op => op is { Kind: KvOperationKind.Get, Outcome: KvOutcome.Ok });
        operations[lastRead] = operations[lastRead] with { ReadValue = firstPut.Value };

        var result = LinearizabilityChecker.Check(operations, Budget);

        Assert.True(result.Verdict == LinearizabilityVerdict.NotLinearizable, result.Describe());
    }

    [Fact]
    public void Describe_lines_read_back_as_the_same_operations()
    {
        var history = new KvHistory();
        var put = history.InvokePut(1, "k0", "v0");
        var cas = history.InvokeCas(2, "k0", null, "v1");
        history.Ok(put);
        history.Ok(cas, swapped: false);
        var get = history.InvokeGet(3, "k0");
        history.Ok(get, "v0");
        history.InvokePut(4, "k0", "v3");

        foreach (var operation in history.Operations())
        {
            Assert.Equal(operation, RecordedHistory.Parse(operation.Describe()));
        }
    }
}
