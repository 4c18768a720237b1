using ReefDB.Sql.Catalog;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// Reads the rows of a table whose index keys fall in one or more ranges (several for IN lists), in
/// index order (descending when asked, for ORDER BY … DESC LIMIT). The primary key's "index" is the row
/// tree itself.
/// </summary>
internal sealed class IndexScanNode : PlanNode
{
    private readonly TableDef table;
    private readonly IndexDef index;
    private readonly IndexRange[] ranges;
    private readonly bool descending;
    private readonly Func<SqlValue[], ExecContext, bool>? filter;
    private readonly string? conditionText;

    public IndexScanNode(TableDef table, string alias, IndexDef index, IndexRange[] ranges, bool descending, Layout layout, double rows,
        Func<SqlValue[], ExecContext, bool>? filter, string? conditionText)
        : base(layout, rows)
    {
        this.table = table;
        Alias = alias;
        this.index = index;
        this.ranges = ranges;
        this.descending = descending;
        this.filter = filter;
        this.conditionText = conditionText;
        exactKey = ranges is [{ IsPoint: true } only] && only.Equal.Length == index.Keys.Length &&
            (index.IsPrimaryKey || (index.Unique && index.IsColumnIndex && !index.IsGin));
    }

    // One equality range binding every key part of the primary key or of a unique column index: at most one
    // row, found by an exact lookup instead of a range cursor (a point SELECT's whole scan).
    private readonly bool exactKey;

    public string Alias { get; }

    public override string Label =>
        $"Index Scan{(descending ? " Backward" : "")} using {index.Name} on {table.Name}" + (Alias != table.Name ? $" {Alias}" : "") +
        (conditionText is null ? "" : $" ({conditionText})");

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx) => Lookup(Array.Empty<SqlValue>(), ctx);

    /// <summary>The matching rows for ranges evaluated against <paramref name="outer"/> (index nested loop).</summary>
    public IEnumerable<SqlValue[]> Lookup(SqlValue[] outer, ExecContext ctx)
    {
        if (exactKey)
        {
            return ExactLookup(outer, ctx);
        }

        var data = ctx.Version.Data(table.Name);
        if (ranges.Length == 1)
        {
            return ScanRange(data, ranges[0], outer, ctx);
        }

        return ScanMany(data, outer, ctx);
    }

    /// <summary>True when every lookup finds at most one row (see <see cref="TryLookupOne"/>).</summary>
    public bool IsExactKey => exactKey;

    /// <summary>The one row for <paramref name="outer"/>'s key, for <see cref="IsExactKey"/> scans: an index
    /// nested loop probes this way without an enumerator per outer row.</summary>
    public bool TryLookupOne(SqlValue[] outer, ExecContext ctx, out SqlValue[] row)
    {
        row = null!;
        var data = ctx.Version.Data(table.Name);
        var equal = ranges[0].Equal;
        var key = new SqlValue[equal.Length];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = equal[i](outer, ctx);
            if (key[i].IsNull)
            {
                return false;
            }
        }

        // A unique index keys entries without NULL parts by the parts alone (TableWriter.EntryKey).
        var storageKey = key;
        if (!index.IsPrimaryKey && !data.Index(index.Name).Entries.TryGet(new RowKey(key), out storageKey))
        {
            return false;
        }

        return data.Rows.TryGet(new RowKey(storageKey), out row) && (filter is null || filter(row, ctx));
    }

    private SqlValue[][] ExactLookup(SqlValue[] outer, ExecContext ctx) =>
        TryLookupOne(outer, ctx, out var row) ? [row] : [];

    private IEnumerable<SqlValue[]> ScanMany(TableData data, SqlValue[] outer, ExecContext ctx)
    {
        // IN lists: visit each distinct key once, in index order, so the output is ordered and duplicate-free.
        var bounds = new List<(RowKey From, RowKey To)>();
        foreach (var r in ranges)
        {
            if (r.Bounds(outer, ctx) is { } b)
            {
                bounds.Add(b);
            }
        }

        var cmp = RowKeyComparer.Ascending;
        bounds.Sort((x, y) => cmp.Compare(x.From, y.From));
        if (descending)
        {
            bounds.Reverse();
        }

        RowKey? previous = null;
        foreach (var (from, to) in bounds)
        {
            if (previous is { } p && cmp.Compare(p, from) == 0)
            {
                continue;
            }

            previous = from;
            foreach (var row in Scan(data, from, to, ctx))
            {
                yield return row;
            }
        }
    }

    private IEnumerable<SqlValue[]> ScanRange(TableData data, IndexRange range, SqlValue[] outer, ExecContext ctx)
    {
        if (range.Bounds(outer, ctx) is not { } b)
        {
            return [];
        }

        return Scan(data, b.From, b.To, ctx);
    }

    private IEnumerable<SqlValue[]> Scan(TableData data, RowKey from, RowKey to, ExecContext ctx)
    {
        if (index.IsPrimaryKey)
        {
            foreach (var entry in data.Rows.Range(from, to, descending))
            {
                ctx.Examine();
                if (filter is null || filter(entry.Value, ctx))
                {
                    yield return entry.Value;
                }
            }

            yield break;
        }

        var entries = data.Index(index.Name).Entries;
        if (!descending)
        {
            foreach (var entry in entries.Range(from, to))
            {
                ctx.Examine();
                if (data.Rows.TryGet(new RowKey(entry.Value), out var row) && (filter is null || filter(row, ctx)))
                {
                    yield return row;
                }
            }

            yield break;
        }

        // Backwards, run by run: rows with equal index key parts must come in storage-key order, as the stable
        // sort of a sequential scan gives them, or choosing this plan would change which rows ORDER BY … DESC
        // LIMIT keeps (DESIGN.md §2; found by ExecutorFuzzTests). So find the highest key parts at or below the
        // bound, read that run forwards, then continue below it: one descent per run, nothing buffered.
        var width = index.Keys.Length;
        var below = to;
        while (true)
        {
            SqlValue[]? highest = null;
            foreach (var entry in entries.Range(from, below, descending: true))
            {
                highest = entry.Key.Values;
                break;
            }

            if (highest is null)
            {
                yield break;
            }

            // Range bounds never split a run: they compare at most the key parts, never the storage key.
            var parts = highest[..width];
            foreach (var entry in entries.Range(RowKey.Before(parts), RowKey.After(parts)))
            {
                ctx.Examine();
                if (data.Rows.TryGet(new RowKey(entry.Value), out var row) && (filter is null || filter(row, ctx)))
                {
                    yield return row;
                }
            }

            below = RowKey.Before(parts);
        }
    }
}
