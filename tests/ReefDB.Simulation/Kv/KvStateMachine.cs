using System.Text;
using ReefDB.Simulation.Linearizability;

namespace ReefDB.Simulation.Kv;

/// <summary>
/// The replicated key-value store each simulated node applies committed entries to. Deterministic: sorted
/// collections only, so two replicas that applied the same entries serialize to the same bytes.
/// </summary>
/// <remarks>
/// Exactly-once: the outcome of every request id is remembered (in snapshots too), and a duplicate entry
/// of the same request (a proposal the network duplicated) is answered with the first outcome, not re-applied.
/// </remarks>
internal sealed class KvStateMachine
{
    private readonly SortedDictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, KvApplyResult> outcomes = [];

    public string? Get(string key) => values.TryGetValue(key, out var value) ? value : null;

    public KvApplyResult Apply(KvCommand command)
    {
        if (outcomes.TryGetValue(command.RequestId, out var earlier))
        {
            return earlier;
        }

        var current = Get(command.Key);
        var result = command.Kind switch
        {
            KvOperationKind.Put => Set(command.Key, command.Value, swapped: false),
            KvOperationKind.Get => new KvApplyResult(current, false),
            _ => string.Equals(current, command.Expected, StringComparison.Ordinal)
                ? Set(command.Key, command.Value, swapped: true)
                : new KvApplyResult(null, false),
        };
        outcomes[command.RequestId] = result;
        return result;
    }

    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(values.Count);
            foreach (var (key, value) in values)
            {
                writer.Write(key);
                writer.Write(value);
            }

            writer.Write(outcomes.Count);
            foreach (var (id, outcome) in outcomes)
            {
                writer.Write(id);
                writer.Write(outcome.ReadValue is not null);
                writer.Write(outcome.ReadValue ?? string.Empty);
                writer.Write(outcome.Swapped);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Replaces the whole state with a snapshot's (empty data = the initial state).</summary>
    public void Restore(ReadOnlyMemory<byte> data)
    {
        values.Clear();
        outcomes.Clear();
        if (data.IsEmpty)
        {
            return;
        }

        using var stream = new MemoryStream(data.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var key = reader.ReadString();
            values[key] = reader.ReadString();
        }

        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var id = reader.ReadInt64();
            var hasValue = reader.ReadBoolean();
            var value = reader.ReadString();
            outcomes[id] = new KvApplyResult(hasValue ? value : null, reader.ReadBoolean());
        }
    }

    private KvApplyResult Set(string key, string? value, bool swapped)
    {
        values[key] = value ?? throw new InvalidOperationException("a write needs a value");
        return new KvApplyResult(null, swapped);
    }
}
