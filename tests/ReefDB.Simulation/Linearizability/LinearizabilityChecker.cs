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
/// with a known outcome it stops, which is the "never took effect" case.
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
            var operations = group.OrderBy(operation => operation.Invoke).ToList();
            var result = CheckKey(group.Key, WithoutUnobservedUnknownWrites(operations), stepBudgetPerKey);
            if (result.Verdict != LinearizabilityVerdict.Linearizable && result.FailedKeyOperations.Count < operations.Count)
            {
                result = CheckKey(group.Key, operations, stepBudgetPerKey);
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

    /// <summary>
    /// Writes with unknown outcome whose value nobody read or compared against, dropped as if they never took
    /// effect. Why: each such write may be ordered anywhere after its invocation, which multiplies the search
    /// (timeouts under faults are common). A linearization without them is a valid one of the full history
    /// ("never took effect" is allowed), so a pass is a pass; only a failure needs the full history re-checked
    /// (their effect can matter after all, e.g. to explain a compare-and-swap that did not swap).
    /// </summary>
    private static List<KvOperation> WithoutUnobservedUnknownWrites(List<KvOperation> operations)
    {
        var observed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation is { Kind: KvOperationKind.Get, Outcome: KvOutcome.Ok, ReadValue: { } read })
            {
                observed.Add(read);
            }
            else if (operation is { Kind: KvOperationKind.Cas, Expected: { } expected })
            {
                observed.Add(expected);
            }
        }

        return operations.FindAll(operation => operation.Outcome != KvOutcome.Unknown || observed.Contains(operation.Value!));
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
        var linearized = new LinearizedSet(operations.Count);
        var seen = new HashSet<(LinearizedSet, string?)>();
        var stack = new Stack<(SearchEntry Call, string? StateBefore)>();
        var remainingKnown = operations.Count(operation => operation.Outcome == KvOutcome.Ok);
        string? state = null;
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
                if (KvRegisterModel.TryStep(state, operation, out var next))
                {
                    linearized.Add(call.Index);
                    if (seen.Add((linearized.Clone(), next)))
                    {
                        stack.Push((call, state));
                        state = next;
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

            var (undone, before) = stack.Pop();
            state = before;
            linearized.Remove(undone.Index);
            undone.Unlift();
            if (operations[undone.Index].Outcome == KvOutcome.Ok)
            {
                remainingKnown++;
            }

            entry = undone.Next;
        }

        return LinearizabilityResult.Pass;
    }
}
