namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// Decides whether a history of key-value operations is linearizable: the Wing–Gong search with Lowe's
/// memoization, as Porcupine implements it (Lowe, "Testing for linearizability", 2017; Athalye,
/// github.com/anishathalye/porcupine). Keys are independent registers, so each key's operations are
/// checked on their own (P-compositionality), which keeps the search small.
/// Hand-written: there is no maintained .NET linearizability checker to depend on.
/// </summary>
/// <remarks>
/// Operations that failed definitely are dropped (they had no effect), as are reads whose outcome is
/// unknown (they had no effect either). Writes with unknown outcome stay, with a return time of infinity:
/// they may be linearized anywhere after their invocation, and if the search orders every operation
/// with a known outcome it stops, which is the "never took effect" case. Such writes are what makes the
/// search explode, so the checker narrows them down without losing any valid linearization (see
/// <see cref="UnknownWrites"/>): those whose value was seen become writes with a deadline; the rest are
/// first left out (a pass without them is a pass), and only if that fails are they put back, each one
/// only as the write that makes the next compare-and-swap fail.
/// </remarks>
internal static class LinearizabilityChecker
{
    /// <summary>Default bound on search steps per key, so a pathological history cannot hang a test run.</summary>
    public const long DefaultStepBudget = 5_000_000;

    /// <summary>Checks every key's operations; the first key that fails (in ordinal key order) is reported.</summary>
    public static LinearizabilityResult Check(IEnumerable<KvOperation> history, long stepBudgetPerKey = DefaultStepBudget)
    {
        var byKey = history
            .Where(Matters)
            .GroupBy(operation => operation.Key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        LinearizabilityResult? undecided = null;
        foreach (var group in byKey)
        {
            var original = group.OrderBy(operation => operation.Invoke).ToList();
            var operations = UnknownWrites.WithProvenOnesResolved(original);
            var reduced = operations.FindAll(operation => operation.Outcome != KvOutcome.Unknown);
            var result = CheckKey(group.Key, reduced, stepBudgetPerKey);
            if (result.Verdict != LinearizabilityVerdict.Linearizable && reduced.Count < operations.Count)
            {
                result = CheckKey(group.Key, operations, stepBudgetPerKey);
            }

            if (result.Verdict != LinearizabilityVerdict.Linearizable)
            {
                // Report what the clients saw, not the rewritten operations.
                var byId = original.ToDictionary(operation => operation.Id);
                result = result with
                {
                    FailedKeyOperations = original,
                    LongestLinearization = [.. result.LongestLinearization.Select(operation => byId[operation.Id])],
                };
            }

            if (result.Verdict == LinearizabilityVerdict.NotLinearizable)
            {
                return result;
            }

            if (result.Verdict == LinearizabilityVerdict.Undecided)
            {
                undecided ??= result;
            }
        }

        return undecided ?? LinearizabilityResult.Pass;
    }

    private static bool Matters(KvOperation operation) => operation.Outcome switch
    {
        KvOutcome.Fail => false,
        KvOutcome.Unknown => operation.Kind != KvOperationKind.Get,
        _ => true,
    };

    private static LinearizabilityResult CheckKey(string key, List<KvOperation> operations, long budget)
    {
        var head = SearchEntry.BuildList(operations);
        var unobservable = UnknownWrites.Unobservable(operations);
        var interchangeable = UnknownWrites.Interchangeable(operations, unobservable);
        var linearized = new LinearizedSet(operations.Count);
        var seen = new HashSet<(LinearizedSet, string?, Expectation)>();
        var stack = new Stack<Frame>();
        var remainingKnown = operations.Count(operation => operation.Outcome == KvOutcome.Ok);
        string? state = null;

        // After an unobservable write: the compare-and-swap it must enable (it expected the state before it).
        var pending = Expectation.None;

        // Whether the scan at this depth already tried one of the interchangeable writes: trying another would
        // explore the same futures under other names.
        var interchangeableTried = false;
        var longest = new List<KvOperation>();
        var entry = head.Next;
        for (long steps = 0; remainingKnown > 0; steps++)
        {
            if (steps >= budget)
            {
                return new LinearizabilityResult(LinearizabilityVerdict.Undecided, key, operations, longest);
            }

            var call = entry!;
            if (call.IsCall)
            {
                var operation = operations[call.Index];
                var allowed = pending.IsNone
                    ? !unobservable[call.Index]
                        || (interchangeable[call.Index] ? !interchangeableTried : operation.Kind == KvOperationKind.Put || string.Equals(state, operation.Expected, StringComparison.Ordinal))
                    : pending.EnabledBy(operation);
                if (allowed && interchangeable[call.Index])
                {
                    interchangeableTried = true;
                }

                if (allowed && KvRegisterModel.TryStep(state, operation, out var next))
                {
                    var nextPending = unobservable[call.Index] ? new Expectation(state) : Expectation.None;
                    linearized.Add(call.Index);
                    if (seen.Add((linearized.Clone(), next, nextPending)))
                    {
                        stack.Push(new Frame(call, state, pending, interchangeableTried));
                        state = next;
                        pending = nextPending;
                        interchangeableTried = false;
                        call.Lift();
                        if (operation.Outcome == KvOutcome.Ok)
                        {
                            remainingKnown--;
                        }

                        if (stack.Count > longest.Count)
                        {
                            longest = [.. stack.Reverse().Select(frame => operations[frame.Call.Index])];
                        }

                        entry = head.Next;
                        continue;
                    }

                    linearized.Remove(call.Index);
                }

                entry = call.Next;
                continue;
            }

            // A return whose call is still in the list: that operation cannot be ordered this late. Undo the last choice.
            if (stack.Count == 0)
            {
                return new LinearizabilityResult(LinearizabilityVerdict.NotLinearizable, key, operations, longest);
            }

            var undone = stack.Pop();
            state = undone.StateBefore;
            pending = undone.PendingBefore;
            interchangeableTried = undone.InterchangeableTriedBefore;
            linearized.Remove(undone.Call.Index);
            undone.Call.Unlift();
            if (operations[undone.Call.Index].Outcome == KvOutcome.Ok)
            {
                remainingKnown++;
            }

            entry = undone.Call.Next;
        }

        return LinearizabilityResult.Pass;
    }

    private readonly record struct Frame(SearchEntry Call, string? StateBefore, Expectation PendingBefore, bool InterchangeableTriedBefore);

    /// <summary>
    /// "The next operation must be a compare-and-swap that did not swap because the register no longer held
    /// <see cref="Value"/>", or no such demand.
    /// </summary>
    private readonly record struct Expectation(string? Value, bool IsSet = true)
    {
        public static Expectation None => new(null, IsSet: false);

        public bool IsNone => !IsSet;

        public bool EnabledBy(KvOperation operation) =>
            operation is { Kind: KvOperationKind.Cas, Outcome: KvOutcome.Ok, Swapped: false }
            && string.Equals(operation.Expected, Value, StringComparison.Ordinal);
    }
}
