using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

internal sealed partial class Planner
{
    private PlanNode PlanUnit(JoinUnit unit, int level, ImmutableDictionary<int, Layout> outer)
    {
        switch (unit.From)
        {
            case BoundTableRef t:
                return PlanTableAccess(t, unit.Local, level, outer);
            case BoundDerivedRef d:
                {
                    var inner = PlanQuery(d.Query, outer);
                    PlanNode node = new RelabelNode(inner, Layout.ForSource(d.Variable.SourceId, d.Query.Width), $"Subquery Scan on {d.Variable.Alias ?? "subquery"}");
                    return Filter(node, unit.Local, level, outer);
                }

            case BoundWorkTableRef w:
                return Filter(new WorkTableScanNode(Layout.ForSource(w.Variable.SourceId, w.Variable.ColumnNames.Length), w.WorkTableId), unit.Local, level, outer);
            case BoundFunctionRef f:
                {
                    var env = new CompileEnv(Layout.Empty, level, outer, this);
                    var node = new GenerateSeriesNode(Layout.ForSource(f.Variable.SourceId, 1), f.Arguments.Select(a => ExpressionCompiler.Compile(a, env)).ToArray());
                    return Filter(node, unit.Local, level, outer);
                }

            case BoundJoin j:
                return Filter(PlanOuterJoin(j, level, outer), unit.Local, level, outer);
            default:
                throw new Errors.SqlException(Errors.SqlStates.InternalError, "unknown FROM item");
        }
    }

    /// <summary>Indexes usable for lookups: all-column B-tree keys (the primary key's index reads the row tree).</summary>
    private IEnumerable<IndexDef> ColumnIndexes(TableDef table) =>
        Catalog.IndexesOf(table.Name).Where(i => !i.IsGin && i.IsColumnIndex && i.Keys.All(k => !k.Descending))
            .OrderBy(i => i.IsPrimaryKey ? 0 : 1).ThenBy(i => i.Name, StringComparer.Ordinal);

    private PlanNode PlanTableAccess(BoundTableRef t, List<BoundExpr> local, int level, ImmutableDictionary<int, Layout> outer)
    {
        var layout = Layout.ForSource(t.Variable.SourceId, t.Table.RowWidth);
        var rows = (double)Statistics.RowCount(t.Table.Name);
        AccessPath? best = null;
        foreach (var index in ColumnIndexes(t.Table))
        {
            var path = MatchIndex(t, index, local, level, rows);
            if (path is not null && (best is null || path.Rows < best.Rows))
            {
                best = path;
            }
        }

        foreach (var path in ExpressionIndexPaths(t, local, level, rows))
        {
            if (best is null || path.Rows < best.Rows)
            {
                best = path;
            }
        }

        if (PlanGinAccess(t, local, layout, level, outer, rows) is { } gin && (best is null || best.Rows > gin.EstimatedRows))
        {
            return gin;
        }

        if (orderRequest is { } request && request.Source == t.Variable.SourceId &&
            OrderedPath(t, local, level, rows, best, request) is { } ordered)
        {
            request.Satisfied = true;
            return BuildIndexScan(t, ordered.Path, local, layout, new CompileEnv(Layout.Empty, level, outer, this), level, outer, ordered.Backward);
        }

        var alias = t.Variable.Alias ?? t.Table.Name;
        if (best is null || best.Rows >= rows / 2)
        {
            var env = new CompileEnv(layout, level, outer, this);
            var filter = local.Count == 0 ? null : ExpressionCompiler.CompilePredicate(And(local), env);
            var estimate = local.Count == 0 ? rows : Math.Max(1, rows / (2 * local.Count));
            return new SeqScanNode(t.Table.Name, alias, layout, estimate, filter, local.Count == 0 ? null : ExpressionText.Of(And(local)));
        }

        return BuildIndexScan(t, best, local, layout, new CompileEnv(Layout.Empty, level, outer, this), level, outer);
    }

    private IndexScanNode BuildIndexScan(
        BoundTableRef t, AccessPath path, List<BoundExpr> local, Layout layout, CompileEnv keyEnv, int level, ImmutableDictionary<int, Layout> outer, bool backward = false)
    {
        var equal = path.Equal.Select(e => ExpressionCompiler.Compile(e, keyEnv)).ToArray();
        IndexRange[] ranges;
        if (path.InItems is { } items)
        {
            ranges = items.Select(i => new IndexRange([.. equal, ExpressionCompiler.Compile(i, keyEnv)], null, false, null, false)).ToArray();
        }
        else
        {
            ranges = [new IndexRange(
                equal,
                path.Lower is null ? null : ExpressionCompiler.Compile(path.Lower, keyEnv),
                path.LowerInclusive,
                path.Upper is null ? null : ExpressionCompiler.Compile(path.Upper, keyEnv),
                path.UpperInclusive)];
        }

        var rest = local.Where(c => !path.Consumed.Contains(c)).ToList();
        var env = new CompileEnv(layout, level, outer, this);
        var filter = rest.Count == 0 ? null : ExpressionCompiler.CompilePredicate(And(rest), env);
        var text = string.Join(" AND ", path.Consumed.Select(ExpressionText.Of).Concat(rest.Select(r => "filter: " + ExpressionText.Of(r))));
        return new IndexScanNode(t.Table, t.Variable.Alias ?? t.Table.Name, path.Index, ranges, backward, layout, path.Rows, filter, text.Length == 0 ? null : text);
    }

    private static BoundExpr And(List<BoundExpr> conjuncts) => conjuncts.Count == 1 ? conjuncts[0] : new BoundLogical(true, [.. conjuncts]);

    /// <summary>
    /// Matches conjuncts of the form <c>key part = value</c> to the leading parts of <paramref name="index"/>, in
    /// key order, until a part has none: the equalities found, the conjuncts they consumed, and how many parts.
    /// </summary>
    private (List<BoundExpr> Equal, HashSet<BoundExpr> Consumed, int Parts) MatchEqualityPrefix(int source, IndexDef index, List<BoundExpr> local, int level)
    {
        var equal = new List<BoundExpr>();
        var consumed = new HashSet<BoundExpr>(ReferenceEqualityComparer.Instance);
        var part = 0;
        for (; part < index.Keys.Length; part++)
        {
            var column = index.Keys[part].Column;
            var match = local.FirstOrDefault(c => !consumed.Contains(c) && EqualityOn(c, source, column, level) is not null);
            if (match is null)
            {
                break;
            }

            equal.Add(EqualityOn(match, source, column, level)!);
            consumed.Add(match);
        }

        return (equal, consumed, part);
    }

    /// <summary>Matches conjuncts to the key parts of <paramref name="index"/>; null when none applies.</summary>
    private AccessPath? MatchIndex(BoundTableRef t, IndexDef index, List<BoundExpr> local, int level, double rows)
    {
        var source = t.Variable.SourceId;
        var (equal, consumed, part) = MatchEqualityPrefix(source, index, local, level);

        var distinct = (double)Statistics.DistinctLeading(t.Table.Name, index.Name);
        if (part == index.Keys.Length)
        {
            var estimate = index.Unique ? 1 : Math.Max(1, rows / distinct / Math.Pow(4, part - 1));
            return new AccessPath(index, equal, null, false, null, false, null, consumed, estimate);
        }

        var next = index.Keys[part].Column;
        var prefixRows = part == 0 ? rows : Math.Max(1, rows / distinct / Math.Pow(4, part - 1));
        foreach (var c in local)
        {
            if (!consumed.Contains(c) && InListOn(c, source, next, level) is { } items)
            {
                consumed.Add(c);
                var perKey = part == 0 ? Math.Max(1, rows / distinct) : Math.Max(1, prefixRows / 4);
                return new AccessPath(index, equal, null, false, null, false, items, consumed, items.Count * perKey);
            }
        }

        var (lower, lowerInclusive, upper, upperInclusive) = MatchRange(local, consumed, source, next, level);

        if (lower is null && upper is null)
        {
            foreach (var c in local)
            {
                if (LikePrefixOn(c, source, next, level) is { } prefix)
                {
                    lower = new BoundConstant(SqlValue.FromText(prefix), SqlType.Text);
                    lowerInclusive = true;
                    upper = new BoundConstant(SqlValue.FromText(prefix[..^1] + (char)(prefix[^1] + 1)), SqlType.Text);
                    upperInclusive = false;
                    break;
                }
            }
        }

        if (lower is null && upper is null)
        {
            return part == 0 ? null : new AccessPath(index, equal, null, false, null, false, null, consumed, prefixRows);
        }

        var rangeRows = prefixRows / (lower is not null && upper is not null ? 8 : 4);
        return new AccessPath(index, equal, lower, lowerInclusive, upper, upperInclusive, null, consumed, Math.Max(1, rangeRows));
    }

    private static bool IsColumn(BoundExpr e, int source, int column) =>
        e is BoundColumn c && c.Id.Source == source && c.Id.Ordinal == column;

    /// <summary>A value known before the table is read: no column of this level and no subquery.</summary>
    private static bool IsProbeValue(BoundExpr e, int level) => !HasSubquery(e) && SourcesOf(e, level).Count == 0 && !HasVolatile(e);

    private static bool HasVolatile(BoundExpr e) => e is BoundCall { Volatile: true } || e.Children.Any(HasVolatile);

    private static BoundExpr? EqualityOn(BoundExpr c, int source, int column, int level)
    {
        if (c is not BoundComparison { Operator: BinaryOperator.Equal } cmp)
        {
            return null;
        }

        if (IsColumn(cmp.Left, source, column) && IsProbeValue(cmp.Right, level))
        {
            return cmp.Right;
        }

        return IsColumn(cmp.Right, source, column) && IsProbeValue(cmp.Left, level) ? cmp.Left : null;
    }

    private static List<BoundExpr>? InListOn(BoundExpr c, int source, int column, int level) =>
        c is BoundInList { Negated: false } i && IsColumn(i.Value, source, column) && i.Items.All(x => IsProbeValue(x, level))
            ? [.. i.Items]
            : null;

    /// <summary>
    /// The range that conjuncts of <paramref name="local"/> not yet in <paramref name="consumed"/> put on
    /// <paramref name="column"/>: the first lower and the first upper bound, whose conjuncts are then consumed.
    /// </summary>
    private static (BoundExpr? Lower, bool LowerInclusive, BoundExpr? Upper, bool UpperInclusive) MatchRange(
        List<BoundExpr> local, HashSet<BoundExpr> consumed, int source, int column, int level)
    {
        BoundExpr? lower = null, upper = null;
        bool lowerInclusive = false, upperInclusive = false;
        foreach (var c in local)
        {
            if (consumed.Contains(c) || RangeOn(c, source, column, level) is not { } r)
            {
                continue;
            }

            if (r.IsLower && lower is null)
            {
                (lower, lowerInclusive) = (r.Bound, r.Inclusive);
                consumed.Add(c);
            }
            else if (!r.IsLower && upper is null)
            {
                (upper, upperInclusive) = (r.Bound, r.Inclusive);
                consumed.Add(c);
            }
        }

        return (lower, lowerInclusive, upper, upperInclusive);
    }

    private static (BoundExpr Bound, bool IsLower, bool Inclusive)? RangeOn(BoundExpr c, int source, int column, int level)
    {
        if (c is not BoundComparison { Operator: not (BinaryOperator.Equal or BinaryOperator.NotEqual) } cmp)
        {
            return null;
        }

        var op = cmp.Operator;
        BoundExpr bound;
        if (IsColumn(cmp.Left, source, column) && IsProbeValue(cmp.Right, level))
        {
            bound = cmp.Right;
        }
        else if (IsColumn(cmp.Right, source, column) && IsProbeValue(cmp.Left, level))
        {
            bound = cmp.Left;
            op = op switch
            {
                BinaryOperator.Less => BinaryOperator.Greater,
                BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
                BinaryOperator.Greater => BinaryOperator.Less,
                _ => BinaryOperator.LessOrEqual,
            };
        }
        else
        {
            return null;
        }

        return op switch
        {
            BinaryOperator.Greater => (bound, true, false),
            BinaryOperator.GreaterOrEqual => (bound, true, true),
            BinaryOperator.Less => (bound, false, false),
            _ => (bound, false, true),
        };
    }

    private static string? LikePrefixOn(BoundExpr c, int source, int column, int level)
    {
        if (c is not BoundCall { Name: "~~", Arguments: [var value, BoundConstant { Value.IsNull: false } pattern] } || !IsColumn(value, source, column))
        {
            return null;
        }

        var text = pattern.Value.AsText;
        var end = text.IndexOfAny(['%', '_', '\\']);
        var prefix = end < 0 ? text : text[..end];
        return prefix.Length == 0 || prefix[^1] == char.MaxValue ? null : prefix;
    }

    /// <summary>
    /// Lookups through a one-part B-tree expression index: a conjunct <c>expr = value</c> whose expression is
    /// the index's (bound the same way, compared by <see cref="ExpressionKey"/>) and whose value is known
    /// before the table is read.
    /// </summary>
    private IEnumerable<AccessPath> ExpressionIndexPaths(BoundTableRef t, List<BoundExpr> local, int level, double rows)
    {
        var indexes = Catalog.IndexesOf(t.Table.Name).Where(i => !i.IsGin && !i.IsColumnIndex && i.Keys.Length == 1 && !i.Keys[0].Descending)
            .OrderBy(i => i.Name, StringComparer.Ordinal);
        foreach (var index in indexes)
        {
            var key = Binder.GinIndexKey(Catalog, t.Table, t.Variable, index);
            foreach (var c in local)
            {
                if (c is not BoundComparison { Operator: BinaryOperator.Equal } cmp)
                {
                    continue;
                }

                var probe = ExpressionKey.Of(cmp.Left) == key && IsProbeValue(cmp.Right, level) ? cmp.Right
                    : ExpressionKey.Of(cmp.Right) == key && IsProbeValue(cmp.Left, level) ? cmp.Left
                    : null;
                if (probe is not null)
                {
                    var estimate = index.Unique ? 1 : Math.Max(1, rows / Statistics.DistinctLeading(t.Table.Name, index.Name));
                    yield return new AccessPath(index, [probe], null, false, null, false, null,
                        new HashSet<BoundExpr>(ReferenceEqualityComparer.Instance) { c }, estimate);
                    break;
                }
            }
        }
    }
}
