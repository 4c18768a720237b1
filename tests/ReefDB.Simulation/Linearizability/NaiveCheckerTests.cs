namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// The checker against the definition: small random histories on one key (many timed-out writes and
/// compare-and-swaps, reads of any written value) are decided by brute force, trying every subset of the
/// unknown-outcome writes in every order that respects real time. The verdicts must agree, so the checker's
/// shortcuts (<see cref="UnknownWrites"/>, memoization) neither hide a violation nor invent one.
/// </summary>
public sealed class NaiveCheckerTests
{
    [Fact]
    public void The_checker_agrees_with_brute_force_on_small_histories()
    {
        var linearizable = 0;
        for (var seed = 1; seed <= 3000; seed++)
        {
            var operations = RandomHistory(new Random(seed));
            var expected = NaiveLinearizable(operations);
            var result = LinearizabilityChecker.Check(operations);
            var actual = result.Verdict == LinearizabilityVerdict.Linearizable;
            Assert.True(expected == actual, $"seed {seed}: brute force says {expected}, checker says {result.Describe()}");
            linearizable += expected ? 1 : 0;
        }

        // Both verdicts must be common, or the comparison proves little.
        Assert.InRange(linearizable, 300, 2700);
    }

    /// <summary>2 to 7 operations with random overlapping intervals; reads return a random written value or nil.</summary>
    private static List<KvOperation> RandomHistory(Random random)
    {
        var count = random.Next(2, 8);
        var operations = new List<KvOperation>();
        var values = new List<string?> { null };
        for (var i = 0; i < count; i++)
        {
            values.Add("v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < count; i++)
        {
            // Times are distinct: an operation's times are all congruent to its index modulo 16.
            var invoke = (random.Next(0, 12) * 16L) + i;
            var outcome = random.Next(3) == 0 ? KvOutcome.Unknown : KvOutcome.Ok;
            var end = outcome == KvOutcome.Unknown ? long.MaxValue : invoke + (random.Next(1, 6) * 16L);
            var kind = (KvOperationKind)random.Next(3);
            var value = kind == KvOperationKind.Get ? null : values[i + 1];
            var expected = kind == KvOperationKind.Cas ? values[random.Next(values.Count)] : null;
            var read = kind == KvOperationKind.Get && outcome == KvOutcome.Ok ? values[random.Next(values.Count)] : null;
            var swapped = kind == KvOperationKind.Cas && outcome == KvOutcome.Ok && random.Next(2) == 0;
            operations.Add(new KvOperation(i, i, kind, "k", value, expected, invoke, end, outcome, read, swapped));
        }

        return operations;
    }

    private static bool NaiveLinearizable(List<KvOperation> operations)
    {
        var relevant = operations.Where(op => !(op.Kind == KvOperationKind.Get && op.Outcome == KvOutcome.Unknown)).ToList();
        var unknown = relevant.Where(op => op.Outcome == KvOutcome.Unknown).ToList();
        var known = relevant.Where(op => op.Outcome == KvOutcome.Ok).ToList();
        for (var mask = 0; mask < 1 << unknown.Count; mask++)
        {
            var chosen = new List<KvOperation>(known);
            for (var i = 0; i < unknown.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    chosen.Add(unknown[i]);
                }
            }

            if (AnyOrder(chosen, [], null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the remaining operations can follow <paramref name="done"/> in some real-time-respecting order.</summary>
    private static bool AnyOrder(List<KvOperation> remaining, List<KvOperation> done, string? state)
    {
        if (remaining.Count == 0)
        {
            return true;
        }

        foreach (var next in remaining)
        {
            // Real time: nothing still to come may have returned before `next` was invoked.
            if (remaining.Any(other => other != next && other.Return < next.Invoke))
            {
                continue;
            }

            // An included unknown compare-and-swap is one that took effect: it must have found its expectation.
            if (next is { Kind: KvOperationKind.Cas, Outcome: KvOutcome.Unknown } && !string.Equals(state, next.Expected, StringComparison.Ordinal))
            {
                continue;
            }

            if (KvRegisterModel.TryStep(state, next, out var after)
                && AnyOrder([.. remaining.Where(op => op != next)], [.. done, next], after))
            {
                return true;
            }
        }

        return false;
    }
}
