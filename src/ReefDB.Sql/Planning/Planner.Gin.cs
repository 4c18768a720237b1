using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Planning.Nodes;

namespace ReefDB.Sql.Planning;

/// <summary>
/// GIN index scans: a conjunct <c>v @@ q</c> (bound as <c>ts_match_vq(v, q)</c> or <c>ts_match_qv(q, v)</c>)
/// whose vector side is a GIN index's key (its column, or the same expression as the index's) and whose
/// query side is known before the table is read (a constant, a parameter, an outer reference).
/// </summary>
internal sealed partial class Planner
{
    /// <summary>Rows a GIN scan is assumed to return: PostgreSQL's default selectivity of @@ is small too.</summary>
    private static double GinEstimate(double rows) => Math.Max(1, rows / 100);

    private GinScanNode? PlanGinAccess(BoundTableRef t, List<BoundExpr> local, Layout layout, int level, ImmutableDictionary<int, Layout> outer, double rows)
    {
        foreach (var index in Catalog.IndexesOf(t.Table.Name).Where(i => i.IsGin).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var key = Binder.GinIndexKey(Catalog, t.Table, t.Variable, index);
            foreach (var conjunct in local)
            {
                if (GinQueryOf(conjunct, key, level) is not { } query)
                {
                    continue;
                }

                var keyEnv = new CompileEnv(Layout.Empty, level, outer, this);
                var env = new CompileEnv(layout, level, outer, this);
                var recheck = ExpressionCompiler.CompilePredicate(And(local), env);
                // When the index decides the match (no phrase, no weights), only the other conjuncts need checking.
                var others = local.Where(c => !ReferenceEquals(c, conjunct)).ToList();
                var residual = others.Count == 0 ? null : ExpressionCompiler.CompilePredicate(And(others), env);
                return new GinScanNode(t.Table, t.Variable.Alias ?? t.Table.Name, index, ExpressionCompiler.Compile(query, keyEnv),
                    layout, GinEstimate(rows), new GinScanNode.Filters(recheck, residual), ExpressionText.Of(And(local)));
            }
        }

        return null;
    }

    /// <summary>The query side of <paramref name="conjunct"/> when it is <c>key @@ query</c> with a probe-able query.</summary>
    private static BoundExpr? GinQueryOf(BoundExpr conjunct, string key, int level)
    {
        var (vector, query) = conjunct switch
        {
            BoundCall { Name: Binder.MatchVectorQuery, Arguments: [var v, var q] } => (v, q),
            BoundCall { Name: Binder.MatchQueryVector, Arguments: [var q, var v] } => (v, q),
            _ => (null, null),
        };
        return vector is not null && query is not null && IsProbeValue(query, level) && ExpressionKey.Of(vector) == key ? query : null;
    }
}
