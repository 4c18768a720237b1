namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// Property tests: histories produced by a model system that applies each operation atomically at some
/// moment between its invocation and its answer are linearizable by construction; corrupting one read
/// makes them not linearizable.
/// </summary>
public sealed class GeneratedHistoryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Histories_of_an_atomic_register_are_linearizable(int seed)
    {
        var history = Generate(seed);

        var result = LinearizabilityChecker.Check(history.Operations());

        Assert.True(result.Verdict == LinearizabilityVerdict.Linearizable, $"seed {seed}: {result.Describe()}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_read_of_a_value_nobody_wrote_is_caught(int seed)
    {
        var operations = Generate(seed).Operations().ToList();
        var victim = operations.FindLast(op => op.Kind == KvOperationKind.Get && op.Outcome == KvOutcome.Ok)!;
        operations[victim.Id] = victim with { ReadValue = "never-written" };

        var result = LinearizabilityChecker.Check(operations);

        Assert.True(result.Verdict == LinearizabilityVerdict.NotLinearizable, $"seed {seed}: {result.Describe()}");
        Assert.Equal(victim.Key, result.FailedKey);
    }

    /// <summary>
    /// Four clients on two keys; each step either invokes an operation for an idle client, applies a
    /// pending one to the true register, answers an applied one, or times one out (applied or not; a
    /// timed-out unapplied write may still be applied later, as a lost-then-delivered proposal would be).
    /// </summary>
    private static KvHistory Generate(int seed)
    {
        var random = new Random(seed);
        var history = new KvHistory();
        var registers = new Dictionary<string, string?>(StringComparer.Ordinal) { ["a"] = null, ["b"] = null };
        var busy = new Dictionary<int, Call>();
        var orphans = new List<Call>();
        var written = 0;
        for (var step = 0; step < 400; step++)
        {
            var client = random.Next(4);
            if (!busy.TryGetValue(client, out var call))
            {
                var key = random.Next(2) == 0 ? "a" : "b";
                busy[client] = random.Next(3) switch
                {
                    0 => new Call(history.InvokeGet(client, key), KvOperationKind.Get, key, null, null),
                    1 => new Call(history.InvokePut(client, key, $"v{++written}"), KvOperationKind.Put, key, $"v{written}", null),
                    _ => new Call(history.InvokeCas(client, key, registers[key], $"v{++written}"), KvOperationKind.Cas, key, $"v{written}", registers[key]),
                };
            }
            else if (!call.Applied && random.Next(8) != 0)
            {
                Apply(call, registers);
            }
            else if (call.Applied && random.Next(6) != 0)
            {
                history.Ok(call.Id, call.ReadValue, call.Swapped);
                busy.Remove(client);
            }
            else
            {
                history.Timeout(call.Id);
                busy.Remove(client);
                if (!call.Applied && call.Kind != KvOperationKind.Get)
                {
                    orphans.Add(call);
                }
            }

            if (orphans.Count > 0 && random.Next(10) == 0)
            {
                var orphan = orphans[random.Next(orphans.Count)];
                orphans.Remove(orphan);
                if (random.Next(2) == 0)
                {
                    Apply(orphan, registers);
                }
            }
        }

        return history;
    }

    private static void Apply(Call call, Dictionary<string, string?> registers)
    {
        call.Applied = true;
        switch (call.Kind)
        {
            case KvOperationKind.Get:
                call.ReadValue = registers[call.Key];
                break;
            case KvOperationKind.Put:
                registers[call.Key] = call.Value;
                break;
            default:
                call.Swapped = string.Equals(registers[call.Key], call.Expected, StringComparison.Ordinal);
                if (call.Swapped)
                {
                    registers[call.Key] = call.Value;
                }

                break;
        }
    }

    private sealed class Call(int id, KvOperationKind kind, string key, string? value, string? expected)
    {
        public int Id { get; } = id;

        public KvOperationKind Kind { get; } = kind;

        public string Key { get; } = key;

        public string? Value { get; } = value;

        public string? Expected { get; } = expected;

        public bool Applied { get; set; }

        public string? ReadValue { get; set; }

        public bool Swapped { get; set; }
    }
}
