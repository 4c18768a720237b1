using System.Globalization;

namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// One client operation of a history: when it was invoked and when its answer came back, in the
/// history's own event order (a counter, so no two events share a time).
/// </summary>
/// <param name="Id">Unique within the history; used in reports.</param>
/// <param name="ClientId">The client that issued it (reports only: the checker does not need it).</param>
/// <param name="Kind">Put, Get or Cas.</param>
/// <param name="Key">Operations on different keys are independent and checked separately.</param>
/// <param name="Value">Put: the value written. Cas: the new value. Get: unused.</param>
/// <param name="Expected">Cas: the value the key must hold for the swap to happen (null = never written).</param>
/// <param name="Invoke">Time of the invocation event.</param>
/// <param name="Return">Time of the answer; <see cref="long.MaxValue"/> when the outcome is unknown.</param>
/// <param name="Outcome">Ok, Fail (definitely no effect) or Unknown.</param>
/// <param name="ReadValue">Get with outcome Ok: the value read (null = never written).</param>
/// <param name="Swapped">Cas with outcome Ok: whether the swap happened.</param>
internal sealed record KvOperation(
    int Id,
    int ClientId,
    KvOperationKind Kind,
    string Key,
    string? Value,
    string? Expected,
    long Invoke,
    long Return,
    KvOutcome Outcome,
    string? ReadValue,
    bool Swapped)
{
    /// <summary>A one-line description for failure reports, e.g. <c>#12 c3 put(k1, v7) [40, 52] ok</c>.</summary>
    public string Describe()
    {
        var call = Kind switch
        {
            KvOperationKind.Put => $"put({Key}, {Value})",
            KvOperationKind.Get => $"get({Key})",
            _ => $"cas({Key}, {Show(Expected)} -> {Value})",
        };
        var result = Outcome switch
        {
            KvOutcome.Fail => "fail",
            KvOutcome.Unknown => "unknown",
            _ => Kind switch
            {
                KvOperationKind.Get => "ok " + Show(ReadValue),
                KvOperationKind.Cas => Swapped ? "ok swapped" : "ok not-swapped",
                _ => "ok",
            },
        };
        var end = Return == long.MaxValue ? "∞" : Return.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"#{Id} c{ClientId} {call} [{Invoke}, {end}] {result}");
    }

    private static string Show(string? value) => value ?? "nil";
}
