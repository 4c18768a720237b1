using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Planning.Nodes;

namespace ReefDB.Sql.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// Plans GROUP BY / aggregates. The aggregation's output row is [group keys…, aggregates…] under a new
    /// source; the returned rewrite maps expressions above it (select list, HAVING, ORDER BY) onto that row.
    /// A group key that is a plain column stays readable under its own id, so correlated subqueries that
    /// read grouped columns keep working, and so do those that contain aggregates of this level
    /// (<see cref="BoundSelect.NestedAggregates"/>).
    /// </summary>
    private (PlanNode Node, Func<BoundExpr, BoundExpr> Rewrite) PlanAggregate(
        BoundSelect s, PlanNode input, int level, ImmutableDictionary<int, Layout> outer,
        List<BoundExpr> outputs, BoundExpr? having, List<BoundExpr> orderExprs, List<BoundExpr> distinctOn)
    {
        var keys = new List<BoundExpr>();
        var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in s.GroupBy)
        {
            var k = ExpressionKey.Of(g);
            if (keyIndex.TryAdd(k, keys.Count))
            {
                keys.Add(g);
            }
        }

        var aggregates = new List<BoundAggregateCall>();
        var aggIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        void Collect(BoundExpr e)
        {
            if (e is BoundAggregateCall a)
            {
                if (aggIndex.TryAdd(a.Key, aggregates.Count))
                {
                    aggregates.Add(a);
                }

                return;
            }

            foreach (var c in e.Children)
            {
                Collect(c);
            }
        }

        foreach (var e in outputs.Concat(having is null ? [] : [having]).Concat(orderExprs).Concat(distinctOn))
        {
            Collect(e);
        }

        foreach (var (_, call) in s.NestedAggregates)
        {
            Collect(call);
        }

        // count(*) without grouping reads no column of its input: a GIN scan can then count postings.
        if (keys.Count == 0 && input is GinScanNode gin && aggregates.All(a => a.IsStar && a.Filter is null && a.OrderBy.IsEmpty))
        {
            input = gin.WithoutColumns();
        }

        var env = new CompileEnv(input.Layout, level, outer, this);
        var keyEvaluators = keys.Select(k => ExpressionCompiler.Compile(k, env)).ToArray();
        var specs = aggregates.Select(a => new AggregateSpec(
            a.Function.CreateAccumulator,
            a.Arguments.Select(x => ExpressionCompiler.Compile(x, env)).ToArray(),
            a.Distinct && !a.OrderBy.IsEmpty,
            a.Filter is null ? null : ExpressionCompiler.CompilePredicate(a.Filter, env),
            a.OrderBy.Select(o => ExpressionCompiler.Compile(o.Expression, env)).ToArray(),
            a.OrderBy.Select(o => o.Descending).ToArray(),
            a.OrderBy.Select(o => o.NullsFirst).ToArray())).ToArray();

        var source = NewSyntheticSource();
        var layout = Layout.ForSource(source, keys.Count + aggregates.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is BoundColumn c)
            {
                layout = layout.WithAlias(c.Id, i);
            }
        }

        // Subqueries evaluated on the aggregation's rows read their outer aggregates under their own ids.
        foreach (var (id, call) in s.NestedAggregates)
        {
            layout = layout.WithAlias(id, keys.Count + aggIndex[call.Key]);
        }

        var rows = keys.Count == 0 ? 1 : Math.Max(1, input.EstimatedRows / 4);
        var node = new AggregateNode(input, keyEvaluators, specs, layout, rows);

        BoundExpr Rewrite(BoundExpr e)
        {
            if (keyIndex.TryGetValue(ExpressionKey.Of(e), out var ki))
            {
                return new BoundColumn(new ColumnId(source, ki), level, e.Type, e is BoundColumn bc ? bc.Name : "?column?");
            }

            if (e is BoundAggregateCall a)
            {
                return new BoundColumn(new ColumnId(source, keys.Count + aggIndex[a.Key]), level, a.Type, a.Name);
            }

            return ExpressionRewriter.MapChildren(e, Rewrite);
        }

        return (node, Rewrite);
    }
}
