using System.Collections.Immutable;
using ReefDB.FullText;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Functions;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

/// <summary>
/// GIN index scans: a conjunct <c>v @@ q</c> (bound as <c>ts_match_vq(v, q)</c> or <c>ts_match_qv(q, v)</c>)
/// whose vector side is a GIN index's key (its column, or the same expression as the index's) and whose
/// query side is known before the table is read (a constant, a parameter, an outer reference).
/// </summary>
internal sealed partial class Planner
{
    /// <summary>PostgreSQL's default selectivity of <c>@@</c> when the query is not known at plan time (a parameter).</summary>
    private static double DefaultGinEstimate(double rows) => Math.Max(1, rows / 100);

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
                var estimate = PlanTimeQuery(query) is { } known ? GinEstimate(t.Table.Name, index.Name, known, rows) : DefaultGinEstimate(rows);
                return new GinScanNode(t.Table, t.Variable.Alias ?? t.Table.Name, index, ExpressionCompiler.Compile(query, keyEnv),
                    layout, estimate, new GinScanNode.Filters(recheck, residual), ExpressionText.Of(And(local)));
            }
        }

        return null;
    }

    /// <summary>
    /// Rows a GIN scan for a known query returns at most, from its terms' posting-list sizes (bucketed, see
    /// <see cref="Statistics"/>): the shortest list of a term every match needs, else the sum of all lists,
    /// else (a query that can match without its terms, <c>!a</c>) every row.
    /// </summary>
    private double GinEstimate(string table, string index, TsQuery query, double rows)
    {
        if (!query.RequiresMatch)
        {
            return Math.Max(1, rows);
        }

        double Postings(TsQueryTerm term) => Statistics.GinPostings(table, index, term.Lexeme, term.Prefix);
        var required = query.RequiredTerms();
        var bound = required.Count > 0 ? required.Min(Postings) : query.IndexTerms().Sum(Postings);
        return Math.Max(1, Math.Min(rows, bound));
    }

    /// <summary>
    /// The tsquery of a GIN probe when it is known at plan time: a constant, or a <c>to_tsquery</c>-family
    /// call with an explicit configuration and constant text (deterministic, so evaluating it early is
    /// safe); null otherwise (parameters, outer references, the session's default configuration) and when
    /// evaluating fails (the error is the statement's to report, at execution).
    /// </summary>
    private static TsQuery? PlanTimeQuery(BoundExpr query)
    {
        switch (query)
        {
            case BoundConstant { Value.IsNull: false } constant when constant.Type == SqlType.TsQuery:
                return (TsQuery)constant.Value.AsPayload;
            case BoundCall { Name: "to_tsquery" or "plainto_tsquery" or "phraseto_tsquery" or "websearch_to_tsquery", Arguments: [BoundConstant config, BoundConstant text] } call
                when !config.Value.IsNull && !text.Value.IsNull:
                try
                {
                    var value = call.Implementation([config.Value, text.Value], new FunctionContext(0, 0));
                    return value.IsNull ? null : (TsQuery)value.AsPayload;
                }
                catch (Exception e) when (e is FullTextException or Errors.SqlException)
                {
                    return null;
                }

            default:
                return null;
        }
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
