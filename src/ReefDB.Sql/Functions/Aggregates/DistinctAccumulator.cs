using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions.Aggregates;

/// <summary>
/// Wraps an accumulator for <c>DISTINCT</c>: keeps distinct first arguments (rows whose first argument is
/// NULL are dropped, as every strict aggregate would) and replays them sorted when the result is asked.
/// Further arguments (string_agg's separator) are taken from the first row that brought each value.
/// </summary>
internal sealed class DistinctAccumulator(IAggregateAccumulator inner) : IAggregateAccumulator
{
    private readonly Dictionary<SqlValue, SqlValue[]> seen = [];

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        if (arguments.Length == 0 || arguments[0].IsNull)
        {
            return;
        }
        seen.TryAdd(arguments[0], arguments.ToArray());
    }

    public SqlValue Result()
    {
        var rows = seen.Values.ToList();
        rows.Sort((a, b) => SqlValue.Compare(a[0], b[0]));
        foreach (var row in rows)
        {
            inner.Add(row);
        }
        seen.Clear();
        return inner.Result();
    }
}
