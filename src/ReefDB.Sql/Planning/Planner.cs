using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Planning.Nodes;

namespace ReefDB.Sql.Planning;

/// <summary>
/// Turns bound queries into plans for one database version. Plan choice reads statistics only through
/// <see cref="Statistics"/>, whose values are coarse (powers of two), so that the plan is a function of
/// the catalog and those buckets: a cached plan and a fresh one agree whenever the buckets agree, and
/// every replica chooses the same plan (DESIGN.md §2).
/// </summary>
internal sealed partial class Planner
{
    private int nextSyntheticSource = -2;

    public Planner(DatabaseVersion version)
    {
        Statistics = new Statistics(version);
        Catalog = version.Catalog;
    }

    public Catalog.DatabaseCatalog Catalog { get; }

    public Statistics Statistics { get; }

    private int NewSyntheticSource() => nextSyntheticSource--;

    /// <summary>Positional layout of a query's output: column <c>i</c> is <c>(-1, i)</c>.</summary>
    public static Layout OutputLayout(int width) => Layout.ForSource(-1, width);

    public PlanNode PlanQuery(BoundQuery query, ImmutableDictionary<int, Layout> outer)
    {
        switch (query)
        {
            case BoundSelect s:
                return PlanSelect(s, outer);
            case BoundValues v:
                {
                    var env = new CompileEnv(Layout.Empty, -1, outer, this);
                    var rows = v.Rows.Select(r => r.Select(e => ExpressionCompiler.Compile(e, env)).ToArray()).ToArray();
                    return new ValuesNode(OutputLayout(v.Width), rows);
                }

            case BoundSetOperation s:
                {
                    var left = PlanQuery(s.Left, outer);
                    var right = PlanQuery(s.Right, outer);
                    var rows = s.Operator == Syntax.SetOperator.Union ? left.EstimatedRows + right.EstimatedRows : left.EstimatedRows;
                    return new SetOperationNode(left, right, s.Operator, s.All, OutputLayout(s.Width), rows);
                }

            case BoundSortedQuery s:
                {
                    PlanNode node = PlanQuery(s.Input, outer);
                    if (s.OrderBy.Length > 0)
                    {
                        node = new SortNode(
                            node,
                            s.OrderBy.Select(k => k.Column).ToArray(),
                            s.OrderBy.Select(k => k.Descending).ToArray(),
                            s.OrderBy.Select(k => k.NullsFirst).ToArray(),
                            string.Join(", ", s.OrderBy.Select(k => s.Names[k.Column])));
                    }

                    return WithLimit(node, s.Limit, s.Offset, outer);
                }

            case BoundConvertedQuery c:
                return new ConvertNode(PlanQuery(c.Input, outer), [.. c.Converters]);
            case BoundRecursiveQuery r:
                return new RecursiveUnionNode(PlanQuery(r.Anchor, outer), PlanQuery(r.Recursive, outer), r.WorkTableId, r.UnionAll, OutputLayout(r.Width));
            default:
                throw new SqlException(SqlStates.InternalError, $"cannot plan {query.GetType().Name}");
        }
    }

    private PlanNode WithLimit(PlanNode node, BoundExpr? limit, BoundExpr? offset, ImmutableDictionary<int, Layout> outer)
    {
        if (limit is null && offset is null)
        {
            return node;
        }

        var env = new CompileEnv(Layout.Empty, -1, outer, this);
        var l = limit is null ? null : ExpressionCompiler.Compile(limit, env);
        var o = offset is null ? null : ExpressionCompiler.Compile(offset, env);
        var rows = limit is BoundConstant { Value.IsNull: false } k ? Math.Min(k.Value.AsInt64, node.EstimatedRows) : node.EstimatedRows;
        // A sort right under the limit need only keep the rows the limit lets through.
        if (node is SortNode sort && l is not null)
        {
            node = sort.WithTopK(l, o);
        }

        return new LimitNode(node, l, o, rows);
    }

    private PlanNode PlanSelect(BoundSelect s, ImmutableDictionary<int, Layout> outer)
    {
        var level = s.Level;
        var conjuncts = s.Where is null ? new List<BoundExpr>() : Conjuncts(s.Where).ToList();
        var request = OrderRequestFor(s);
        var enclosingRequest = orderRequest;
        orderRequest = request;
        var node = s.From is null
            ? new ValuesNode(Layout.Empty, [[]])
            : PlanFrom(s.From, conjuncts, level, outer);
        orderRequest = enclosingRequest;
        if (s.From is null && conjuncts.Count > 0)
        {
            node = Filter(node, conjuncts, level, outer);
        }

        var outputs = s.Outputs.ToList();
        var having = s.Having;
        var orderExprs = s.OrderBy.Select(o => o.Expression).ToList();
        var distinctOn = s.DistinctOn.ToList();
        if (s.IsAggregate)
        {
            (node, var rewrite) = PlanAggregate(s, node, level, outer, outputs, having, orderExprs, distinctOn);
            outputs = outputs.Select(rewrite).ToList();
            having = having is null ? null : rewrite(having);
            orderExprs = orderExprs.Select(e => e is BoundOutputRef ? e : rewrite(e)).ToList();
            distinctOn = distinctOn.Select(rewrite).ToList();
        }

        if (having is not null)
        {
            node = Filter(node, [having], level, outer);
        }

        // Project: outputs, then sort keys that are not outputs, then DISTINCT ON keys.
        var env = new CompileEnv(node.Layout, level, outer, this);
        var projected = outputs.Select(e => ExpressionCompiler.Compile(e, env)).ToList();
        var sortColumns = new int[orderExprs.Count];
        for (var i = 0; i < orderExprs.Count; i++)
        {
            if (orderExprs[i] is BoundOutputRef o)
            {
                sortColumns[i] = o.Index;
            }
            else
            {
                sortColumns[i] = projected.Count;
                projected.Add(ExpressionCompiler.Compile(orderExprs[i], env));
            }
        }

        var distinctColumns = new int[distinctOn.Count];
        for (var i = 0; i < distinctOn.Count; i++)
        {
            distinctColumns[i] = projected.Count;
            projected.Add(ExpressionCompiler.Compile(distinctOn[i], env));
        }

        var width = projected.Count;
        node = new ProjectNode(node, [.. projected], OutputLayout(width));
        var sortText = string.Join(", ", s.OrderBy.Select(o => ExpressionText.Of(o.Expression)));
        if (s.Distinct && distinctOn.Count == 0)
        {
            node = new DistinctNode(node, Enumerable.Range(0, outputs.Count).ToArray(), node.EstimatedRows);
        }

        // An index read in order already sorted the rows (filters and projections keep their order).
        if (sortColumns.Length > 0 && request?.Satisfied != true)
        {
            node = new SortNode(node, sortColumns, s.OrderBy.Select(o => o.Descending).ToArray(), s.OrderBy.Select(o => o.NullsFirst).ToArray(), sortText);
        }

        if (distinctOn.Count > 0)
        {
            node = new DistinctNode(node, distinctColumns, node.EstimatedRows);
        }

        node = WithLimit(node, s.Limit, s.Offset, outer);
        if (width > outputs.Count)
        {
            var keep = Enumerable.Range(0, outputs.Count).Select(i => (Evaluator)((row, _) => row[i])).ToArray();
            node = new ProjectNode(node, keep, OutputLayout(outputs.Count));
        }

        return node;
    }

    /// <summary>The rows of a FROM tree filtered by WHERE (for UPDATE/DELETE targets), at query level 0.</summary>
    public PlanNode PlanRows(BoundFrom from, BoundExpr? where) =>
        PlanFrom(from, where is null ? [] : Conjuncts(where).ToList(), 0, ImmutableDictionary<int, Layout>.Empty);

    public static IEnumerable<BoundExpr> Conjuncts(BoundExpr e) =>
        e is BoundLogical { IsAnd: true } l ? l.Operands.SelectMany(Conjuncts) : [e];

    private PlanNode Filter(PlanNode node, IReadOnlyList<BoundExpr> conjuncts, int level, ImmutableDictionary<int, Layout> outer)
    {
        if (conjuncts.Count == 0)
        {
            return node;
        }

        var condition = conjuncts.Count == 1 ? conjuncts[0] : new BoundLogical(true, [.. conjuncts]);
        var env = new CompileEnv(node.Layout, level, outer, this);
        return new FilterNode(node, ExpressionCompiler.CompilePredicate(condition, env), ExpressionText.Of(condition), node.EstimatedRows / (2 * conjuncts.Count));
    }
}
