using ReefDB.Sql;

namespace ReefDB.StateMachine;

/// <summary>
/// Prepared batches by SQL text, so that a statement replayed many times (the common case: one INSERT
/// with different parameters) is parsed once. Only speed depends on it, never results: the engine
/// re-plans a prepared statement whose catalog changed.
/// </summary>
/// <remarks>Used by the apply thread only. When full it is cleared rather than kept in LRU order: simple,
/// and a working set larger than the capacity is rare.</remarks>
internal sealed class PreparedBatchCache(int capacity)
{
    private readonly Dictionary<string, PreparedBatch> batches = new(StringComparer.Ordinal);

    public PreparedBatch GetOrPrepare(SqlEngine engine, string sql)
    {
        if (batches.TryGetValue(sql, out var prepared))
        {
            return prepared;
        }

        prepared = engine.Prepare(sql);
        if (batches.Count >= capacity)
        {
            batches.Clear();
        }

        batches[sql] = prepared;
        return prepared;
    }
}
