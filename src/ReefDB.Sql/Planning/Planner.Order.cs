using ReefDB.Sql.Binding;
using ReefDB.Sql.Catalog;

namespace ReefDB.Sql.Planning;

internal sealed partial class Planner
{
    /// <summary>The ORDER BY of a one-table SELECT, which that table's access may satisfy by reading an index in order.</summary>
    private OrderRequest? orderRequest;

    /// <summary>
    /// What ORDER BY asks of the table access: keys over the table's columns, and whether a LIMIT follows
    /// (then reading an index in order pays even where a lookup could be more selective: the scan stops early).
    /// </summary>
    private sealed class OrderRequest(int source, IReadOnlyList<BoundOrderKey> keys, bool hasLimit)
    {
        public int Source { get; } = source;

        public IReadOnlyList<BoundOrderKey> Keys { get; } = keys;

        public bool HasLimit { get; } = hasLimit;

        /// <summary>Set by the table access when its output is already in the requested order.</summary>
        public bool Satisfied { get; set; }
    }

    private static OrderRequest? OrderRequestFor(BoundSelect s)
    {
        if (s.From is not BoundTableRef t || s.IsAggregate || s.Distinct || !s.DistinctOn.IsEmpty || s.OrderBy.IsEmpty)
        {
            return null;
        }

        var keys = s.OrderBy.Select(o => o.Expression is BoundOutputRef r ? o with { Expression = s.Outputs[r.Index] } : o).ToList();
        return new OrderRequest(t.Variable.SourceId, keys, s.Limit is not null);
    }

    /// <summary>
    /// An index read in order (forward or backward) that yields the rows in the requested order, after key
    /// parts fixed by equalities and within a range on the next part; null when none fits or when a lookup
    /// is the better plan. Key parts order NULLs last ascending (first descending), as ORDER BY's default
    /// does, so a key asking for the other NULL placement fits only a NOT NULL column.
    /// </summary>
    private (AccessPath Path, bool Backward)? OrderedPath(BoundTableRef t, List<BoundExpr> local, int level, double rows, AccessPath? best, OrderRequest request)
    {
        var source = t.Variable.SourceId;
        var candidates = Catalog.IndexesOf(t.Table.Name).Where(i => !i.IsGin && i.IsColumnIndex)
            .OrderBy(i => i.IsPrimaryKey ? 0 : 1).ThenBy(i => i.Name, StringComparer.Ordinal);
        foreach (var index in candidates)
        {
            var (equal, consumed, part) = MatchEqualityPrefix(source, index, local, level);

            if (FollowsIndex(t, index, part, request.Keys) is not { } backward)
            {
                continue;
            }

            BoundExpr? lower = null, upper = null;
            bool lowerInclusive = false, upperInclusive = false;
            if (part < index.Keys.Length && !index.Keys[part].Descending)
            {
                (lower, lowerInclusive, upper, upperInclusive) = MatchRange(local, consumed, source, index.Keys[part].Column, level);
            }

            var estimate = part == 0 ? rows : index.Unique && part == index.Keys.Length
                ? 1
                : Math.Max(1, rows / Statistics.DistinctLeading(t.Table.Name, index.Name) / Math.Pow(4, part - 1));
            estimate = lower is null && upper is null ? estimate : Math.Max(1, estimate / 4);
            var path = new AccessPath(index, equal, lower, lowerInclusive, upper, upperInclusive, null, consumed, estimate);

            // Worth it when the lookup alternative is a sequential scan, when this index uses at least every
            // condition that lookup would, or (without LIMIT) when it reads the row tree itself.
            var lookupWouldScan = best is null || best.Rows >= rows / 2;
            var asSelective = best is not null && consumed.Count >= best.Consumed.Count && estimate <= best.Rows;
            if (request.HasLimit ? lookupWouldScan || asSelective : (lookupWouldScan && index.IsPrimaryKey) || asSelective)
            {
                return (path, backward);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the index, with its first <paramref name="fixedParts"/> parts fixed by equalities, yields rows
    /// in the order of <paramref name="keys"/>: null when not, else whether it is read backward.
    /// </summary>
    private static bool? FollowsIndex(BoundTableRef t, IndexDef index, int fixedParts, IReadOnlyList<BoundOrderKey> keys)
    {
        bool? backward = null;
        var next = fixedParts;
        foreach (var key in keys)
        {
            if (key.Expression is not BoundColumn c || c.Id.Source != t.Variable.SourceId)
            {
                return null;
            }

            var column = c.Id.Ordinal;
            if (index.Keys.Take(fixedParts).Any(k => k.Column == column))
            {
                continue; // one value throughout: orders nothing
            }

            if (next >= index.Keys.Length || index.Keys[next].Column != column)
            {
                return null;
            }

            var reversed = key.Descending != index.Keys[next].Descending;
            if ((backward is { } b && b != reversed) || (key.NullsFirst != key.Descending && !t.Table.Columns[column].NotNull))
            {
                return null;
            }

            backward = reversed;
            next++;
        }

        // Rows tied on the ORDER BY keys must keep storage-key order, as the stable sort of a sequential scan
        // keeps them, or the plan would change which rows LIMIT returns (DESIGN.md §2; ExecutorFuzzTests).
        // An index orders ties by its remaining key parts, so it qualifies only when ORDER BY reads all of
        // them, except the primary key's tree read forwards: that is storage-key order itself.
        if (next < index.Keys.Length && !(index.IsPrimaryKey && backward != true))
        {
            return null;
        }

        return backward ?? false;
    }
}
