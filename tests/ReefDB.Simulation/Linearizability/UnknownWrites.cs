namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// The checker's handling of writes with unknown outcome (a client timed out), which may take effect at any
/// moment after their invocation, or never. Each rule here is exact: it removes orderings, never a valid
/// linearization, so a verdict on the narrowed history is a verdict on the history.
/// </summary>
/// <remarks>
/// Why a write whose value nobody saw is only needed before a compare-and-swap that failed: say it wrote
/// <c>u</c> over <c>p</c> in some linearization. Until the next write, nothing saw <c>u</c>: no read returned
/// it and no compare-and-swap swapped from it (either would prove the write, see
/// <see cref="WithProvenOnesResolved"/>), so the operations there are compare-and-swaps that did not swap.
/// Move the write later, to just before the first of them that expected <c>p</c> (or drop it if none did):
/// the ones it passes see <c>p</c> instead of <c>u</c> and still fail, it is still after its invocation, and
/// its return is unbounded. So some valid linearization, if any exists, places every such write directly
/// before a compare-and-swap that did not swap and expected the value the write replaced; the search only
/// tries those places.
/// </remarks>
internal static class UnknownWrites
{
    /// <summary>
    /// Rewrites each write with unknown outcome whose value was provably seen as a write that took effect, due
    /// before the earliest answer that saw it. Exact, not a heuristic: when one operation alone writes a value,
    /// a read that returned it, or a compare-and-swap that swapped from it, must be linearized after that write
    /// (and before its own answer); so the write happened (a compare-and-swap that put the value there swapped),
    /// and happened before that answer. Every linearization of the history satisfies this, so nothing valid is
    /// excluded; the write simply stops being orderable "anywhere after its invocation". Applied until nothing
    /// changes, because a rewritten compare-and-swap proves in turn the write of the value it expected.
    /// </summary>
    public static List<KvOperation> WithProvenOnesResolved(List<KvOperation> operations)
    {
        var writers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation.Kind != KvOperationKind.Get)
            {
                writers[operation.Value!] = writers.GetValueOrDefault(operation.Value!) + 1;
            }
        }

        var seenBy = new Dictionary<string, long>(StringComparer.Ordinal);
        void Seen(string? value, long answer)
        {
            if (value is not null && (!seenBy.TryGetValue(value, out var earliest) || answer < earliest))
            {
                seenBy[value] = answer;
            }
        }

        foreach (var operation in operations)
        {
            if (operation is { Outcome: KvOutcome.Ok, Kind: KvOperationKind.Get })
            {
                Seen(operation.ReadValue, operation.Return);
            }
            else if (operation is { Outcome: KvOutcome.Ok, Kind: KvOperationKind.Cas, Swapped: true })
            {
                Seen(operation.Expected, operation.Return);
            }
        }

        var result = new List<KvOperation>(operations);
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < result.Count; i++)
            {
                var write = result[i];
                if (write.Outcome != KvOutcome.Unknown || write.Kind == KvOperationKind.Get || writers[write.Value!] != 1
                    || !seenBy.TryGetValue(write.Value!, out var due) || due < write.Invoke)
                {
                    // (Seen before it was invoked: impossible, left for the search to reject.)
                    continue;
                }

                result[i] = write with { Outcome = KvOutcome.Ok, Return = due, Swapped = write.Kind == KvOperationKind.Cas };
                if (write.Kind == KvOperationKind.Cas)
                {
                    Seen(write.Expected, due);
                }

                changed = true;
            }
        }

        return result;
    }

    /// <summary>
    /// Per operation: whether it is a write of unknown outcome whose value no read returned and no swapping
    /// compare-and-swap expected. The search places such a write only directly before a compare-and-swap that
    /// did not swap (see the remarks on <see cref="UnknownWrites"/>).
    /// </summary>
    public static bool[] Unobservable(List<KvOperation> operations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation is { Outcome: KvOutcome.Ok, Kind: KvOperationKind.Get, ReadValue: { } read })
            {
                seen.Add(read);
            }
            else if (operation is { Outcome: KvOutcome.Ok, Kind: KvOperationKind.Cas, Swapped: true, Expected: { } expected })
            {
                seen.Add(expected);
            }
        }

        return [.. operations.Select(operation =>
            operation.Outcome == KvOutcome.Unknown && operation.Kind != KvOperationKind.Get && !seen.Contains(operation.Value!))];
    }

    /// <summary>
    /// Per operation: whether it is an unobservable put whose value no compare-and-swap expected either. All of
    /// these that the search may place at some point are interchangeable there: each was invoked already and may
    /// return at any time, so each stays available for exactly the same later places, and the register holds a
    /// value that nothing ever compares. The search tries only one of them per place.
    /// </summary>
    public static bool[] Interchangeable(List<KvOperation> operations, bool[] unobservable)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation is { Kind: KvOperationKind.Cas, Expected: { } value })
            {
                expected.Add(value);
            }
        }

        return [.. operations.Select((operation, i) =>
            unobservable[i] && operation.Kind == KvOperationKind.Put && !expected.Contains(operation.Value!))];
    }
}
