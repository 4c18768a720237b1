using ReefDB.FullText.Querying;

namespace ReefDB.FullText;

public sealed partial class TsQuery
{
    /// <summary>
    /// The distinct terms an inverted (GIN) index must look up for this query (gin_extract_tsquery).
    /// </summary>
    public IReadOnlyList<TsQueryTerm> IndexTerms() =>
        [.. Items().OfType<OperandNode>().Select(o => new TsQueryTerm(o.Lexeme, o.Prefix)).Distinct()];

    /// <summary>
    /// The distinct terms that count toward relevance (ReefDB's bm25): operands not under a negation
    /// (an odd number of <c>!</c>), in query order. Weight restrictions are not part of a term.
    /// </summary>
    public IReadOnlyList<TsQueryTerm> PositiveTerms()
    {
        var terms = new List<TsQueryTerm>();
        if (Root is not null)
        {
            CollectPositive(Root, negated: false, terms);
        }

        return [.. terms.Distinct()];
    }

    private static void CollectPositive(QueryNode node, bool negated, List<TsQueryTerm> terms)
    {
        switch (node)
        {
            case OperandNode o when !negated:
                terms.Add(new TsQueryTerm(o.Lexeme, o.Prefix));
                break;
            case OperatorNode { Op: QueryOp.Not } not:
                CollectPositive(not.Right, !negated, terms);
                break;
            case OperatorNode op:
                if (op.Left is not null)
                {
                    CollectPositive(op.Left, negated, terms);
                }

                CollectPositive(op.Right, negated, terms);
                break;
        }
    }

    /// <summary>
    /// PostgreSQL's tsquery_requires_match: true when every matching document contains at least one of
    /// the query's terms. When false (e.g. <c>!a</c>, <c>a | !b</c>) an index cannot narrow the search
    /// and every row must be checked (GIN_SEARCH_MODE_ALL).
    /// </summary>
    public bool RequiresMatch => Root is not null && Requires(Root);

    private static bool Requires(QueryNode node) => node switch
    {
        OperandNode => true,
        OperatorNode { Op: QueryOp.Not } => false,
        OperatorNode { Op: QueryOp.Or } or => Requires(or.Left!) && Requires(or.Right),
        OperatorNode op => Requires(op.Left!) || Requires(op.Right),
        _ => false,
    };

    /// <summary>
    /// The index consistency check (gin_tsquery_consistent): given which terms a document's index entry
    /// contains, false means the document cannot match; true means it may, and the caller must confirm
    /// with <see cref="TextSearch.Matches(TsVector, TsQuery)"/> (phrases and weights need positions).
    /// </summary>
    public bool MightMatch(Func<TsQueryTerm, bool> containsTerm)
    {
        ArgumentNullException.ThrowIfNull(containsTerm);
        return Root is not null && QueryExecutor.Execute(
            Root,
            ExecFlags.PhraseNoPos,
            (o, _) => containsTerm(new TsQueryTerm(o.Lexeme, o.Prefix)) ? Ternary.Maybe : Ternary.No);
    }

    /// <summary>
    /// True when which terms a document holds decides whether it matches: no phrase operator and no weight
    /// restriction, the queries PostgreSQL's GIN answers without a recheck. Then
    /// <see cref="MatchesTerms"/> is the exact answer of <c>@@</c> and positions are never needed.
    /// </summary>
    public bool DecidedByTerms => Root is not null && Items().TrueForAll(n => n is OperandNode { Weight: 0 } or OperatorNode { Op: not QueryOp.Phrase });

    /// <summary>
    /// <c>@@</c> for a query that is <see cref="DecidedByTerms"/>, from which terms the document holds (any
    /// lexeme with the prefix, for a prefix term). For other queries use <see cref="MightMatch"/> and recheck.
    /// </summary>
    public bool MatchesTerms(Func<TsQueryTerm, bool> containsTerm)
    {
        ArgumentNullException.ThrowIfNull(containsTerm);
        if (!DecidedByTerms)
        {
            throw new InvalidOperationException("the query needs positions or weights: use MightMatch and recheck");
        }

        return QueryExecutor.Execute(
            Root!,
            ExecFlags.None,
            (o, _) => containsTerm(new TsQueryTerm(o.Lexeme, o.Prefix)) ? Ternary.Yes : Ternary.No);
    }

    /// <summary>
    /// <see cref="MatchesTerms"/> compiled once for many documents: given one flag per entry of
    /// <paramref name="terms"/> (which must hold every index term of the query), whether a document holding
    /// exactly the flagged terms matches. Only for a query that is <see cref="DecidedByTerms"/>.
    /// </summary>
    public Func<bool[], bool> TermMatcher(IReadOnlyList<TsQueryTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!DecidedByTerms)
        {
            throw new InvalidOperationException("the query needs positions or weights: use MightMatch and recheck");
        }

        return CompileMatcher(Root!, terms);
    }

    private static Func<bool[], bool> CompileMatcher(QueryNode node, IReadOnlyList<TsQueryTerm> terms)
    {
        if (node is OperandNode o)
        {
            var term = new TsQueryTerm(o.Lexeme, o.Prefix);
            var index = Enumerable.Range(0, terms.Count).FirstOrDefault(i => terms[i] == term, -1);
            return index >= 0 ? present => present[index] : throw new ArgumentException($"no flag for the term {term}", nameof(terms));
        }

        var op = (OperatorNode)node;
        var right = CompileMatcher(op.Right, terms);
        if (op.Op == QueryOp.Not)
        {
            return present => !right(present);
        }

        var left = CompileMatcher(op.Left!, terms);
        return op.Op == QueryOp.And ? present => left(present) && right(present) : present => left(present) || right(present);
    }

    /// <summary>
    /// Terms every matching document holds: operands under AND and phrase operators, those common to both
    /// sides of an OR, none under a negation. Empty when a match needs no term in particular.
    /// </summary>
    public IReadOnlyList<TsQueryTerm> RequiredTerms() => Root is null ? [] : [.. Required(Root).Distinct()];

    private static IEnumerable<TsQueryTerm> Required(QueryNode node) => node switch
    {
        OperandNode o => [new TsQueryTerm(o.Lexeme, o.Prefix)],
        OperatorNode { Op: QueryOp.Not } => [],
        OperatorNode { Op: QueryOp.Or } or => Required(or.Left!).Intersect(Required(or.Right)),
        OperatorNode op => Required(op.Left!).Union(Required(op.Right)),
        _ => [],
    };

    /// <summary>
    /// <c>a @&gt; b</c> (tsq_mcontains): every lexeme of <paramref name="other"/> occurs in this query and
    /// this query has at least as many nodes. <c>a &lt;@ b</c> is <c>b.Contains(a)</c>.
    /// </summary>
    public bool Contains(TsQuery other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (NumNode < other.NumNode)
        {
            return false;
        }

        var mine = Items().OfType<OperandNode>().Select(o => LegacyCrc32(o.Lexeme)).ToHashSet();
        return other.Items().OfType<OperandNode>().All(o => mine.Contains(LegacyCrc32(o.Lexeme)));
    }
}
