using System.Collections.Concurrent;
using ReefDB.Sql;

namespace ReefDB.Node.Gateway;

/// <summary>
/// Prepared batches by SQL text, shared by every request of the gateway: a client that sends the same statement
/// with other parameters (the common case) has it parsed once, and planned once per catalog, instead of on every
/// request. Only speed depends on it, never results: a prepared statement re-plans itself when the catalog or the
/// statistics it was planned for change.
/// </summary>
/// <remarks>Thread-safe (a <see cref="PreparedBatch"/> may be executed from several threads). Text that fails to
/// parse is not kept. When full the cache is cleared rather than kept in LRU order: simple, and a working set
/// larger than the capacity is rare.</remarks>
internal sealed class PreparedRequestCache(SqlEngine engine, int capacity = PreparedRequestCache.DefaultCapacity)
{
    /// <summary>Distinct SQL texts kept.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>Texts longer than this are prepared each time: a bulk INSERT with literals is rarely repeated, and
    /// keeping it would hold its whole text and tree.</summary>
    public const int MaxCachedTextLength = 4096;

    private readonly ConcurrentDictionary<string, PreparedBatch> batches = new(StringComparer.Ordinal);

    public int Count => batches.Count;

    /// <exception cref="Sql.Errors.SqlException">The text does not parse.</exception>
    public PreparedBatch GetOrPrepare(string sql)
    {
        if (batches.TryGetValue(sql, out var prepared))
        {
            return prepared;
        }

        prepared = engine.Prepare(sql);
        if (sql.Length > MaxCachedTextLength)
        {
            return prepared;
        }

        if (batches.Count >= capacity)
        {
            batches.Clear();
        }

        return batches.GetOrAdd(sql, prepared);
    }
}
