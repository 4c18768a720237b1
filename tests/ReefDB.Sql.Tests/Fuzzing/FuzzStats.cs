using System.Collections.Concurrent;

namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>How much a run checked, written to the test output so a weak generator shows (e.g. everything an error).</summary>
internal sealed class FuzzStats
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string> examples = new(StringComparer.Ordinal);

    public void Count(string what) => counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    /// <summary>Counts <paramref name="what"/> and keeps the first statement that had it, for errors worth a look.</summary>
    public void Count(string what, string example)
    {
        Count(what);
        examples.TryAdd(what, example);
    }

    public override string ToString() =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"))
        + string.Concat(examples.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"\n  e.g. {e.Key}: {e.Value}"));
}
