using ReefDB.FullText;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// Reads the rows a GIN index says match <c>vector @@ query</c> (PostgreSQL's bitmap scan over a GIN
/// index): the posting lists of the query's terms, each sorted by storage key, are merged, giving per row
/// which terms it holds. When those decide the match (<see cref="TsQuery.DecidedByTerms"/>: no phrase, no
/// weights) the row is fetched and only the other conjuncts are checked, as PostgreSQL's GIN needs no
/// recheck for such queries; otherwise rows that <see cref="TsQuery.MightMatch"/> rules out are skipped and
/// the others rechecked with the full filter, <c>@@</c> included (phrases and weights need positions).
/// Rows come out in storage-key order, the order of a sequential scan, so the plan choice never changes
/// results or their order. A query that can match without any of its terms (<c>!a</c>) reads every row.
/// When the consumer reads no column (<see cref="WithoutColumns"/>: a <c>count(*)</c>) and the index decides
/// the match with nothing else to check, no row is fetched: each matching posting yields one shared,
/// empty placeholder row, so the count is the number of postings that match (PostgreSQL's bitmap scan
/// skipping the heap for all-visible pages).
/// </summary>
internal sealed partial class GinScanNode : PlanNode
{
    private readonly TableDef table;
    private readonly IndexDef index;
    private readonly Evaluator query;
    private readonly Filters filters;
    private readonly string conditionText;
    private readonly bool columnsUnread;

    public GinScanNode(TableDef table, string alias, IndexDef index, Evaluator query, Layout layout, double rows, Filters filters, string conditionText, bool columnsUnread = false)
        : base(layout, rows)
    {
        this.table = table;
        Alias = alias;
        this.index = index;
        this.query = query;
        this.filters = filters;
        this.conditionText = conditionText;
        this.columnsUnread = columnsUnread;
    }

    /// <summary>
    /// The row filters: <paramref name="Recheck"/> is the whole WHERE of this table (the <c>@@</c> included);
    /// <paramref name="Residual"/> the same without the indexed <c>@@</c>, null when nothing else remains.
    /// </summary>
    internal sealed record Filters(Func<SqlValue[], ExecContext, bool> Recheck, Func<SqlValue[], ExecContext, bool>? Residual);

    public string Alias { get; }

    public override string Label =>
        $"GIN Index Scan using {index.Name} on {table.Name}" + (Alias != table.Name ? $" {Alias}" : "") + $" (recheck: {conditionText})" +
        (columnsUnread ? " (no columns read: counts postings when the index decides)" : "");

    /// <summary>
    /// The same scan for a consumer that reads none of the row's columns (only how many rows come): rows the
    /// index alone decides are not fetched (see the class summary); the others still are, for their recheck.
    /// </summary>
    public GinScanNode WithoutColumns() =>
        new(table, Alias, index, query, Layout, EstimatedRows, filters, conditionText, columnsUnread: true);

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
            ctx.Examine();
            if (filters.Recheck(entry.Value, ctx))
            {
                yield return entry.Value;
            }
        }
    }

    private IEnumerable<SqlValue[]> Candidates(TableData data, TsQuery tsQuery, ExecContext ctx)
    {
        var terms = tsQuery.IndexTerms().Distinct().ToArray();
        var entries = data.Index(index.Name).Entries;
        if (columnsUnread && tsQuery.DecidedByTerms && filters.Residual is null && terms is [{ Prefix: false } only])
        {
            // One exact term decides: the rows are its posting range, whose length the tree counts in O(log n).
            var lexeme = new[] { SqlValue.FromText(only.Lexeme) };
            var count = tsQuery.TermMatcher(terms)([true]) ? entries.CountRange(RowKey.Before(lexeme), RowKey.After(lexeme)) : 0;
            var placeholder = Array.Empty<SqlValue>();
            for (var i = 0; i < count; i++)
            {
                yield return placeholder;
            }

            yield break;
        }

        var postings = new List<SqlValue[]>[terms.Length];
        long[][]? numbers = new long[terms.Length][];
        for (var i = 0; i < terms.Length; i++)
        {
            (postings[i], var numeric) = PostingList(entries, terms[i]);
            if (numeric is null)
            {
                numbers = null;
            }
            else if (numbers is not null)
            {
                numbers[i] = numeric;
            }
        }

        var present = new bool[terms.Length];
        Func<bool[], bool> matches;
        Func<SqlValue[], ExecContext, bool>? filter;
        if (tsQuery.DecidedByTerms)
        {
            matches = tsQuery.TermMatcher(terms);
            filter = filters.Residual;
        }
        else
        {
            matches = flags => tsQuery.MightMatch(t => flags[Array.IndexOf(terms, t)]);
            filter = filters.Recheck;
        }

        // A row missing a required term cannot match: walk the shortest required posting list and look the
        // others up (an intersection); only a query without required terms (a | b) needs the union of all lists.
        var required = tsQuery.RequiredTerms().Select(t => Array.IndexOf(terms, t)).ToArray();
        var keys = (required.Length > 0, numbers) switch
        {
            (true, null) => Drive(postings, required.MinBy(i => postings[i].Count), present),
            (true, { } n) => Drive(postings, n, required.MinBy(i => postings[i].Count), present),
            (false, null) => Merge(postings, present),
            (false, { } n) => Merge(postings, n, present),
        };
        if (columnsUnread && tsQuery.DecidedByTerms && filter is null)
        {
            // Nobody reads the row and nothing is left to check: the posting is the answer.
            var placeholder = Array.Empty<SqlValue>();
            foreach (var _ in keys)
            {
                if (matches(present))
                {
                    yield return placeholder;
                }
            }

            yield break;
        }

        foreach (var storageKey in keys)
        {
            ctx.Examine();
            if (matches(present) && data.Rows.TryGet(new RowKey(storageKey), out var row) && (filter is null || filter(row, ctx)))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// The keys of posting list <paramref name="driver"/> in order; before each is yielded,
    /// <paramref name="present"/> says which lists hold it (each other list is searched forward from where
    /// the previous key left it, galloping, so a long list costs the logarithm of the gaps, not its length).
    /// </summary>
    private static IEnumerable<SqlValue[]> Drive(List<SqlValue[]>[] postings, int driver, bool[] present)
    {
        var next = new int[postings.Length];
        foreach (var key in postings[driver])
        {
            for (var i = 0; i < postings.Length; i++)
            {
                if (i == driver)
                {
                    present[i] = true;
                    continue;
                }

                next[i] = Seek(postings[i], next[i], key);
                present[i] = next[i] < postings[i].Count && CompareKeys(postings[i][next[i]], key) == 0;
            }

            yield return key;
        }
    }

    /// <summary>The first index at or after <paramref name="from"/> whose key is not below <paramref name="key"/>.</summary>
    private static int Seek(List<SqlValue[]> list, int from, SqlValue[] key)
    {
        var step = 1;
        var high = from;
        while (high < list.Count && CompareKeys(list[high], key) < 0)
        {
            from = high + 1;
            high += step;
            step *= 2;
        }

        high = Math.Min(high, list.Count);
        while (from < high)
        {
            var mid = from + ((high - from) / 2);
            if (CompareKeys(list[mid], key) < 0)
            {
                from = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return from;
    }

    /// <summary>
    /// The union of sorted posting lists in storage-key order; before each key is yielded,
    /// <paramref name="present"/> says which lists hold it.
    /// </summary>
    private static IEnumerable<SqlValue[]> Merge(List<SqlValue[]>[] postings, bool[] present)
    {
        var next = new int[postings.Length];
        while (true)
        {
            SqlValue[]? smallest = null;
            for (var i = 0; i < postings.Length; i++)
            {
                if (next[i] < postings[i].Count && (smallest is null || CompareKeys(postings[i][next[i]], smallest) < 0))
                {
                    smallest = postings[i][next[i]];
                }
            }

            if (smallest is null)
            {
                yield break;
            }

            for (var i = 0; i < postings.Length; i++)
            {
                present[i] = next[i] < postings[i].Count && CompareKeys(postings[i][next[i]], smallest) == 0;
                if (present[i])
                {
                    next[i]++;
                }
            }

            yield return smallest;
        }
    }

    /// <summary>Storage-key order (the key parts ascending), the order both the posting ranges and a sequential scan have.</summary>
    private static int CompareKeys(SqlValue[] a, SqlValue[] b) => RowKeyComparer.Ascending.Compare(new RowKey(a), new RowKey(b));

    /// <summary>The storage keys of the rows holding the term, sorted and distinct (a prefix term's lexemes may share rows).</summary>
    /// <remarks>
    /// Also the keys as numbers when each is one BIGINT (see <see cref="NumericKeys"/>), read in the same
    /// pass: each key is a separate object, and reading it twice costs a second cache miss per posting.
    /// </remarks>
    private static (List<SqlValue[]> Keys, long[]? Numbers) PostingList(RowTree entries, TsQueryTerm term)
    {
        if (!term.Prefix)
        {
            // The tree's own cursor, without an iterator around it: posting lists run to tens of thousands.
            var lexeme = new[] { SqlValue.FromText(term.Lexeme) };
            var from = RowKey.Before(lexeme);
            var to = RowKey.After(lexeme);
            var count = entries.CountRange(from, to);
            var exact = new List<SqlValue[]>(count);
            var numbers = new long[count];
            var numeric = true;
            foreach (var entry in entries.Range(from, to))
            {
                var key = entry.Value;
                if (numeric && key is [{ Kind: SqlValueKind.Int64 } number])
                {
                    numbers[exact.Count] = number.AsInt64;
                }
                else
                {
                    numeric = false;
                }

                exact.Add(key);
            }

            return (exact, numeric ? numbers : null);
        }

        var list = new List<SqlValue[]>();
        foreach (var storageKey in Postings(entries, term))
        {
            list.Add(storageKey);
        }

        list.Sort(CompareKeys);
        var distinct = new List<SqlValue[]>(list.Count);
        foreach (var key in list)
        {
            if (distinct.Count == 0 || CompareKeys(distinct[^1], key) != 0)
            {
                distinct.Add(key);
            }
        }

        return (distinct, NumericKeys(distinct));
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
