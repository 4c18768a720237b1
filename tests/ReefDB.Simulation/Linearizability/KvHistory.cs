namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// Records client operations as they are invoked and answered. Time is the order of recording, so the
/// recorder must be told about events in the order they happened (the simulation is single-threaded).
/// An operation still pending when the history is read has an unknown outcome.
/// </summary>
internal sealed class KvHistory
{
    private readonly List<Pending> operations = [];
    private long clock;

    /// <summary>Number of operations invoked so far.</summary>
    public int Count => operations.Count;

    /// <summary>Records an invocation and returns the operation's id for <see cref="Ok"/>, <see cref="Fail"/> or <see cref="Timeout"/>.</summary>
    public int InvokePut(int clientId, string key, string value) => Invoke(clientId, KvOperationKind.Put, key, value, null);

    /// <inheritdoc cref="InvokePut"/>
    public int InvokeGet(int clientId, string key) => Invoke(clientId, KvOperationKind.Get, key, null, null);

    /// <inheritdoc cref="InvokePut"/>
    public int InvokeCas(int clientId, string key, string? expected, string value) => Invoke(clientId, KvOperationKind.Cas, key, value, expected);

    /// <summary>Records a successful answer: the value read for a Get, whether it swapped for a Cas.</summary>
    public void Ok(int id, string? readValue = null, bool swapped = false) =>
        Resolve(id, KvOutcome.Ok, readValue, swapped);

    /// <summary>Records a definite failure: the operation had no effect.</summary>
    public void Fail(int id) => Resolve(id, KvOutcome.Fail, null, false);

    /// <summary>Records that the client stopped waiting: the outcome is unknown.</summary>
    public void Timeout(int id) => Resolve(id, KvOutcome.Unknown, null, false);

    /// <summary>Whether the operation has been answered (ok, fail or timeout).</summary>
    public bool IsResolved(int id) => operations[id].Outcome is not null;

    /// <summary>The operations, in invocation order; pending ones have outcome Unknown.</summary>
    public IReadOnlyList<KvOperation> Operations() =>
        operations.Select((p, id) => new KvOperation(
            id,
            p.ClientId,
            p.Kind,
            p.Key,
            p.Value,
            p.Expected,
            p.Invoke,
            p.Outcome is null or KvOutcome.Unknown ? long.MaxValue : p.Return,
            p.Outcome ?? KvOutcome.Unknown,
            p.ReadValue,
            p.Swapped)).ToList();

    private int Invoke(int clientId, KvOperationKind kind, string key, string? value, string? expected)
    {
        operations.Add(new Pending(clientId, kind, key, value, expected, clock++));
        return operations.Count - 1;
    }

    private void Resolve(int id, KvOutcome outcome, string? readValue, bool swapped)
    {
        var pending = operations[id];
        if (pending.Outcome is not null)
        {
            throw new InvalidOperationException($"operation #{id} was already resolved as {pending.Outcome}");
        }

        pending.Outcome = outcome;
        pending.Return = clock++;
        pending.ReadValue = readValue;
        pending.Swapped = swapped;
    }

    private sealed class Pending(int clientId, KvOperationKind kind, string key, string? value, string? expected, long invoke)
    {
        public int ClientId { get; } = clientId;

        public KvOperationKind Kind { get; } = kind;

        public string Key { get; } = key;

        public string? Value { get; } = value;

        public string? Expected { get; } = expected;

        public long Invoke { get; } = invoke;

        public long Return { get; set; }

        public KvOutcome? Outcome { get; set; }

        public string? ReadValue { get; set; }

        public bool Swapped { get; set; }
    }
}
