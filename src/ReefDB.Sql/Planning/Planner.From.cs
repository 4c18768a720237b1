using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// Plans a FROM tree with the WHERE conjuncts: inner and cross joins are flattened into units ordered
    /// greedily (smallest first, then always the connected unit that keeps the intermediate result
    /// smallest), which handles dozens of tables in microseconds; outer joins keep their written shape.
    /// Each conjunct is applied as early as its columns are available.
    /// </summary>
    private PlanNode PlanFrom(BoundFrom from, List<BoundExpr> conjuncts, int level, ImmutableDictionary<int, Layout> outer)
    {
        var units = new List<JoinUnit>();
        var all = new List<BoundExpr>(conjuncts);
        Flatten(from, units, all);

        var pending = new List<(BoundExpr Expr, HashSet<int> Sources)>();
        foreach (var c in all)
        {
            var sources = SourcesOf(c, level);
            var owner = sources.Count == 0 ? null : units.FirstOrDefault(u => sources.IsSubsetOf(u.Sources));
            if (owner is not null && owner.From is not BoundJoin)
            {
                owner.Local.Add(c);
            }
            else
            {
                pending.Add((c, sources));
            }
        }

        foreach (var unit in units)
        {
            unit.Plan = PlanUnit(unit, level, outer);
        }

        var remaining = units.OrderBy(u => u.Plan!.EstimatedRows).ThenBy(u => u.Position).ToList();
        var first = remaining[0];
        remaining.RemoveAt(0);
        var current = first.Plan!;
        var available = new HashSet<int>(first.Sources);
        current = ApplyReady(current, pending, available, level, outer);

        while (remaining.Count > 0)
        {
            JoinUnit? best = null;
            List<(BoundExpr Expr, BoundExpr Outer, BoundExpr Inner)>? bestKeys = null;
            var bestRows = double.MaxValue;
            foreach (var u in remaining)
            {
                var keys = EquiKeys(pending, available, u.Sources, level);
                if (keys.Count == 0)
                {
                    continue;
                }

                var rows = Math.Max(current.EstimatedRows, u.Plan!.EstimatedRows);
                if (rows < bestRows)
                {
                    best = u;
                    bestKeys = keys;
                    bestRows = rows;
                }
            }

            if (best is null)
            {
                best = remaining[0];
                bestKeys = [];
                bestRows = current.EstimatedRows * best.Plan!.EstimatedRows;
            }

            remaining.Remove(best);
            current = Join(current, best, bestKeys!, pending, available, bestRows, level, outer);
            available.UnionWith(best.Sources);
            current = ApplyReady(current, pending, available, level, outer);
        }

        if (pending.Count > 0)
        {
            current = Filter(current, pending.Select(p => p.Expr).ToList(), level, outer);
            pending.Clear();
        }

        return current;
    }

    private static void Flatten(BoundFrom from, List<JoinUnit> units, List<BoundExpr> conjuncts)
    {
        if (from is BoundJoin { Kind: JoinKind.Inner or JoinKind.Cross } j)
        {
            Flatten(j.Left, units, conjuncts);
            Flatten(j.Right, units, conjuncts);
            if (j.Condition is not null)
            {
                conjuncts.AddRange(Conjuncts(j.Condition));
            }

            return;
        }

        units.Add(new JoinUnit(from, SourcesProvided(from), units.Count));
    }

    private static HashSet<int> SourcesProvided(BoundFrom from) => from switch
    {
        BoundTableRef t => [t.Variable.SourceId],
        BoundDerivedRef d => [d.Variable.SourceId],
        BoundWorkTableRef w => [w.Variable.SourceId],
        BoundFunctionRef f => [f.Variable.SourceId],
        BoundJoin j => [.. SourcesProvided(j.Left), .. SourcesProvided(j.Right)],
        _ => [],
    };

    /// <summary>Sources of this query level that an expression reads (subquery correlations included).</summary>
    private static HashSet<int> SourcesOf(BoundExpr e, int level) =>
        e.Columns().Where(c => c.Level == level).Select(c => c.Id.Source).ToHashSet();

    private PlanNode ApplyReady(PlanNode node, List<(BoundExpr Expr, HashSet<int> Sources)> pending, HashSet<int> available, int level, ImmutableDictionary<int, Layout> outer)
    {
        var ready = pending.Where(p => p.Sources.IsSubsetOf(available)).ToList();
        if (ready.Count == 0)
        {
            return node;
        }

        pending.RemoveAll(p => p.Sources.IsSubsetOf(available));
        return Filter(node, ready.Select(r => r.Expr).ToList(), level, outer);
    }

    /// <summary>Equality conjuncts with one side over <paramref name="left"/> sources only and the other over <paramref name="right"/> only.</summary>
    private static List<(BoundExpr Expr, BoundExpr Outer, BoundExpr Inner)> EquiKeys(
        List<(BoundExpr Expr, HashSet<int> Sources)> pending, HashSet<int> left, HashSet<int> right, int level)
    {
        var keys = new List<(BoundExpr, BoundExpr, BoundExpr)>();
        foreach (var (expr, _) in pending)
        {
            if (expr is not BoundComparison { Operator: BinaryOperator.Equal } c || c.Left is BoundSubquery || c.Right is BoundSubquery)
            {
                continue;
            }

            var ls = SourcesOf(c.Left, level);
            var rs = SourcesOf(c.Right, level);
            if (ls.Count == 0 || rs.Count == 0 || HasSubquery(c.Left) || HasSubquery(c.Right))
            {
                continue;
            }

            if (ls.IsSubsetOf(left) && rs.IsSubsetOf(right))
            {
                keys.Add((expr, c.Left, c.Right));
            }
            else if (rs.IsSubsetOf(left) && ls.IsSubsetOf(right))
            {
                keys.Add((expr, c.Right, c.Left));
            }
        }

        return keys;
    }

    private static bool HasSubquery(BoundExpr e) => e is BoundSubquery || e.Children.Any(HasSubquery);
}
