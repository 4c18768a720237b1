using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// Joins <paramref name="unit"/> to the plan so far: through an index of its table when the equality
    /// keys cover an index prefix, else a hash join on the keys, else a nested loop.
    /// </summary>
    private PlanNode Join(PlanNode current, JoinUnit unit, List<(BoundExpr Expr, BoundExpr Outer, BoundExpr Inner)> keys,
        List<(BoundExpr Expr, HashSet<int> Sources)> pending, HashSet<int> available, double rows, int level, ImmutableDictionary<int, Layout> outer)
    {
        foreach (var k in keys)
        {
            pending.RemoveAll(p => ReferenceEquals(p.Expr, k.Expr));
        }

        if (keys.Count == 0)
        {
            return new NestedLoopJoinNode(current, unit.Plan!, JoinKind.Cross, null, rows);
        }

        if (unit.From is BoundTableRef table && TryIndexJoin(current, table, unit.Local, keys, JoinKind.Inner, rows, level, outer) is { } indexJoin)
        {
            return indexJoin;
        }

        return HashJoin(current, unit.Plan!, keys, [], JoinKind.Inner, rows, level, outer);
    }

    private HashJoinNode HashJoin(PlanNode left, PlanNode right, List<(BoundExpr Expr, BoundExpr Outer, BoundExpr Inner)> keys,
        List<BoundExpr> residual, JoinKind kind, double rows, int level, ImmutableDictionary<int, Layout> outer)
    {
        var leftEnv = new CompileEnv(left.Layout, level, outer, this);
        var rightEnv = new CompileEnv(right.Layout, level, outer, this);
        var joinedEnv = new CompileEnv(Layout.Concat(left.Layout, right.Layout), level, outer, this);
        return new HashJoinNode(
            left,
            right,
            kind,
            keys.Select(k => ExpressionCompiler.Compile(k.Outer, leftEnv)).ToArray(),
            keys.Select(k => ExpressionCompiler.Compile(k.Inner, rightEnv)).ToArray(),
            residual.Count == 0 ? null : ExpressionCompiler.CompilePredicate(And(residual), joinedEnv),
            string.Join(" AND ", keys.Select(k => ExpressionText.Of(k.Expr))),
            rows);
    }

    private IndexNestedLoopJoinNode? TryIndexJoin(PlanNode current, BoundTableRef table, List<BoundExpr> local,
        List<(BoundExpr Expr, BoundExpr Outer, BoundExpr Inner)> keys, JoinKind kind, double rows, int level, ImmutableDictionary<int, Layout> outer,
        List<BoundExpr>? extraResidual = null)
    {
        var source = table.Variable.SourceId;
        foreach (var index in ColumnIndexes(table.Table))
        {
            var equal = new List<BoundExpr>();
            var used = new List<(BoundExpr Expr, BoundExpr Outer, BoundExpr Inner)>();
            foreach (var part in index.Keys)
            {
                var match = keys.FirstOrDefault(k => !used.Contains(k) && IsColumn(k.Inner, source, part.Column) && k.Outer.Type.Kind == k.Inner.Type.Kind);
                if (match.Expr is null)
                {
                    break;
                }

                used.Add(match);
                equal.Add(match.Outer);
            }

            if (used.Count == 0)
            {
                continue;
            }

            var layout = Layout.ForSource(source, table.Table.RowWidth);
            var distinct = (double)Statistics.DistinctLeading(table.Table.Name, index.Name);
            var perProbe = used.Count == index.Keys.Length && index.Unique ? 1 : Math.Max(1, Statistics.RowCount(table.Table.Name) / distinct);
            var path = new AccessPath(index, equal, null, false, null, false, null, new HashSet<BoundExpr>(ReferenceEqualityComparer.Instance), perProbe);
            var scan = BuildIndexScan(table, path, local, layout, new CompileEnv(current.Layout, level, outer, this), level, outer);
            var residual = keys.Except(used).Select(k => k.Expr).Concat(extraResidual ?? []).ToList();
            var joinedEnv = new CompileEnv(Layout.Concat(current.Layout, layout), level, outer, this);
            return new IndexNestedLoopJoinNode(
                current,
                scan,
                kind,
                residual.Count == 0 ? null : ExpressionCompiler.CompilePredicate(And(residual), joinedEnv),
                rows);
        }

        return null;
    }

    /// <summary>LEFT/RIGHT/FULL joins keep their written shape; each side is planned on its own.</summary>
    private PlanNode PlanOuterJoin(BoundJoin j, int level, ImmutableDictionary<int, Layout> outer)
    {
        var left = PlanFrom(j.Left, [], level, outer);
        var leftSources = SourcesProvided(j.Left);
        var rightSources = SourcesProvided(j.Right);
        var conjuncts = j.Condition is null ? [] : Conjuncts(j.Condition).ToList();
        var pending = conjuncts.Select(c => (c, SourcesOf(c, level))).ToList();
        var keys = EquiKeys(pending, leftSources, rightSources, level);
        var residual = conjuncts.Where(c => !keys.Any(k => ReferenceEquals(k.Expr, c))).ToList();
        var rows = Math.Max(left.EstimatedRows, 1);

        if (j.Kind == JoinKind.Left && j.Right is BoundTableRef table && keys.Count > 0)
        {
            var rightOnly = residual.Where(c => SourcesOf(c, level).IsSubsetOf(rightSources) && !HasSubquery(c)).ToList();
            var rest = residual.Except(rightOnly).ToList();
            if (TryIndexJoin(left, table, rightOnly, keys, JoinKind.Left, rows, level, outer, rest) is { } indexJoin)
            {
                return indexJoin;
            }
        }

        var right = PlanFrom(j.Right, [], level, outer);
        if (keys.Count > 0)
        {
            return HashJoin(left, right, keys, residual, j.Kind, Math.Max(rows, right.EstimatedRows), level, outer);
        }

        var env = new CompileEnv(Layout.Concat(left.Layout, right.Layout), level, outer, this);
        var condition = conjuncts.Count == 0 ? null : ExpressionCompiler.CompilePredicate(And(conjuncts), env);
        return new NestedLoopJoinNode(left, right, j.Kind, condition, rows * Math.Max(1, right.EstimatedRows) / 2);
    }
}
