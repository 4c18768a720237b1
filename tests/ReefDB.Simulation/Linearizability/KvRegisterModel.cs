namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// The sequential specification of one key: a register holding a string, or null before the first write.
/// </summary>
internal static class KvRegisterModel
{
    /// <summary>
    /// Whether <paramref name="operation"/>, applied to a register holding <paramref name="state"/>, could
    /// have produced the result the client saw; if so, <paramref name="next"/> is the register afterwards.
    /// An operation with unknown outcome is only ever linearized as "took effect" (the "never took effect"
    /// case is covered by the checker leaving it out), so a Cas with unknown outcome swaps when it can.
    /// </summary>
    public static bool TryStep(string? state, KvOperation operation, out string? next)
    {
        next = state;
        switch (operation.Kind)
        {
            case KvOperationKind.Put:
                next = operation.Value;
                return true;
            case KvOperationKind.Get:
                return operation.Outcome != KvOutcome.Ok || string.Equals(state, operation.ReadValue, StringComparison.Ordinal);
            default:
                var matches = string.Equals(state, operation.Expected, StringComparison.Ordinal);
                if (operation.Outcome == KvOutcome.Ok && operation.Swapped != matches)
                {
                    return false;
                }

                if (matches)
                {
                    next = operation.Value;
                }

                return true;
        }
    }
}
