using ReefDB.FullText;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// Reads the rows a GIN index says may match <c>vector @@ query</c> (PostgreSQL's bitmap scan over a GIN
/// index): the posting ranges of the query's terms give, per row, which terms it holds; rows that
/// <see cref="TsQuery.MightMatch"/> rules out are skipped, the others are fetched and rechecked with the
/// full filter (which includes the <c>@@</c> itself: phrases, weights and negations need the vector).
/// Rows come out in storage-key order, the order of a sequential scan, so the plan choice never changes
/// results or their order. A query that can match without any of its terms (<c>!a</c>) reads every row.
/// </summary>
internal sealed class GinScanNode : PlanNode
{
    private readonly TableDef table;
    private readonly IndexDef index;
    private readonly Evaluator query;
    private readonly Func<SqlValue[], ExecContext, bool> recheck;
    private readonly string conditionText;

    public GinScanNode(TableDef table, string alias, IndexDef index, Evaluator query, Layout layout, double rows,
        Func<SqlValue[], ExecContext, bool> recheck, string conditionText)
        : base(layout, rows)
    {
        this.table = table;
        Alias = alias;
        this.index = index;
        this.query = query;
        this.recheck = recheck;
        this.conditionText = conditionText;
    }

    public string Alias { get; }

    public override string Label =>
        $"GIN Index Scan using {index.Name} on {table.Name}" + (Alias != table.Name ? $" {Alias}" : "") + $" (recheck: {conditionText})";

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var value = query(Array.Empty<SqlValue>(), ctx);
        if (value.IsNull)
        {
            // vector @@ NULL is NULL: no row passes.
            return [];
        }

        var data = ctx.Version.Data(table.Name);
        var tsQuery = (TsQuery)value.AsPayload;
        return tsQuery.RequiresMatch ? Candidates(data, tsQuery, ctx) : All(data, ctx);
    }

    private IEnumerable<SqlValue[]> All(TableData data, ExecContext ctx)
    {
        foreach (var entry in data.Rows.Range(null, null))
        {
            if (recheck(entry.Value, ctx))
            {
                yield return entry.Value;
            }
        }
    }

    private IEnumerable<SqlValue[]> Candidates(TableData data, TsQuery tsQuery, ExecContext ctx)
    {
        var terms = tsQuery.IndexTerms().Distinct().ToArray();
        var termIndex = new Dictionary<TsQueryTerm, int>(terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            termIndex[terms[i]] = i;
        }

        // Per candidate row (by storage key, in storage order), which terms it holds.
        // Performance note: a merge of the (already sorted) posting ranges would avoid this sorted map.
        var rows = new SortedDictionary<RowKey, bool[]>(RowKeyComparer.Ascending);
        var entries = data.Index(index.Name).Entries;
        for (var i = 0; i < terms.Length; i++)
        {
            foreach (var storageKey in Postings(entries, terms[i]))
            {
                var key = new RowKey(storageKey);
                if (!rows.TryGetValue(key, out var present))
                {
                    rows[key] = present = new bool[terms.Length];
                }

                present[i] = true;
            }
        }

        foreach (var (key, present) in rows)
        {
            if (tsQuery.MightMatch(t => present[termIndex[t]])
                && data.Rows.TryGet(key, out var row) && recheck(row, ctx))
            {
                yield return row;
            }
        }
    }

    /// <summary>The storage keys of the rows holding the term's lexeme (any lexeme it starts, for a prefix term).</summary>
    internal static IEnumerable<SqlValue[]> Postings(RowTree entries, TsQueryTerm term)
    {
        var lexeme = new[] { SqlValue.FromText(term.Lexeme) };
        if (!term.Prefix)
        {
            foreach (var entry in entries.Range(RowKey.Before(lexeme), RowKey.After(lexeme)))
            {
                yield return entry.Value;
            }

            yield break;
        }

        foreach (var entry in entries.Range(RowKey.Before(lexeme), null))
        {
            if (!entry.Key.Values[0].AsText.StartsWith(term.Lexeme, StringComparison.Ordinal))
            {
                yield break;
            }

            yield return entry.Value;
        }
    }
}
