using ReefDB.FullText.Querying;
using ReefDB.FullText.Ranking;

namespace ReefDB.FullText;

/// <summary>
/// PostgreSQL's text-search functions over <see cref="TsVector"/> and <see cref="TsQuery"/>, answering
/// exactly as PostgreSQL 15 does. Pure functions: no state, safe from any thread, deterministic.
/// </summary>
public static partial class TextSearch
{
    /// <summary><c>to_tsvector(config, text)</c>: parse, normalize through the configuration, collect positions.</summary>
    public static TsVector ToTsVector(TextSearchConfig config, string text)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(text);
        return MakeVector(config.ParseText(text));
    }

    /// <summary><c>to_tsvector(config_name, text)</c>.</summary>
    public static TsVector ToTsVector(string config, string text) => ToTsVector(TextSearchConfig.Get(config), text);

    /// <summary>
    /// make_tsvector / uniqueWORD: sort words by (lexeme, position) and keep, per lexeme, distinct
    /// positions up to 255 of them, stopping at the clamp position 16383. All weights are D.
    /// </summary>
    private static TsVector MakeVector(List<(string Lexeme, int Position)> words)
    {
        if (words.Count == 0)
        {
            return TsVector.Empty;
        }

        // Positions arrive in ascending order (parsetext numbers tokens as it goes), so grouping by lexeme
        // keeps each lexeme's positions sorted; only the distinct lexemes need sorting.
        var groups = new Dictionary<string, List<TsPosition>>(words.Count, StringComparer.Ordinal);
        foreach (var (lexeme, position) in words)
        {
            if (!groups.TryGetValue(lexeme, out var positions))
            {
                groups[lexeme] = [new TsPosition((ushort)position)];
                continue;
            }

            var last = positions[^1].Position;
            if (positions.Count < TsVector.MaxPositionsPerLexeme - 1 && last != TsPosition.MaxPosition && last != position)
            {
                positions.Add(new TsPosition((ushort)position));
            }
        }

        var lexemes = groups.Keys.ToArray();
        Array.Sort(lexemes, LexemeOrder.Compare);
        var entries = new TsVectorEntry[lexemes.Length];
        for (var i = 0; i < lexemes.Length; i++)
        {
            entries[i] = new TsVectorEntry(lexemes[i], [.. groups[lexemes[i]]]);
        }

        return TsVector.FromSorted(entries);
    }

    /// <summary>
    /// <c>to_tsquery(config, text)</c>: tsquery syntax whose operands are normalized by the
    /// configuration; an operand yielding several words becomes a phrase (<c>foo-bar</c> →
    /// <c>'foo-bar' &lt;-&gt; 'foo' &lt;-&gt; 'bar'</c>); stop words are removed.
    /// </summary>
    public static TsQuery ToTsQuery(TextSearchConfig config, string text) => Morph(config, text, QueryMode.Standard, QueryOp.Phrase);

    /// <summary><c>to_tsquery(config_name, text)</c>.</summary>
    public static TsQuery ToTsQuery(string config, string text) => ToTsQuery(TextSearchConfig.Get(config), text);

    /// <summary><c>plainto_tsquery(config, text)</c>: the text's words joined by <c>&amp;</c>.</summary>
    public static TsQuery PlainToTsQuery(TextSearchConfig config, string text) => Morph(config, text, QueryMode.Plain, QueryOp.And);

    /// <summary><c>plainto_tsquery(config_name, text)</c>.</summary>
    public static TsQuery PlainToTsQuery(string config, string text) => PlainToTsQuery(TextSearchConfig.Get(config), text);

    /// <summary><c>phraseto_tsquery(config, text)</c>: the text's words joined by <c>&lt;-&gt;</c> (stop words widen the gap).</summary>
    public static TsQuery PhraseToTsQuery(TextSearchConfig config, string text) => Morph(config, text, QueryMode.Plain, QueryOp.Phrase);

    /// <summary><c>phraseto_tsquery(config_name, text)</c>.</summary>
    public static TsQuery PhraseToTsQuery(string config, string text) => PhraseToTsQuery(TextSearchConfig.Get(config), text);

    /// <summary>
    /// <c>websearch_to_tsquery(config, text)</c>: web-search syntax — words (implicit AND), "quoted
    /// phrases", <c>or</c>, and <c>-</c> for negation; never raises a syntax error.
    /// </summary>
    public static TsQuery WebSearchToTsQuery(TextSearchConfig config, string text) => Morph(config, text, QueryMode.Web, QueryOp.Phrase);

    /// <summary><c>websearch_to_tsquery(config_name, text)</c>.</summary>
    public static TsQuery WebSearchToTsQuery(string config, string text) => WebSearchToTsQuery(TextSearchConfig.Get(config), text);

    private static TsQuery Morph(TextSearchConfig config, string text, QueryMode mode, QueryOp joiner)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(text);
        return TsQuery.FromRoot(QueryParser.Parse(text, mode, (parser, value, weight, prefix) =>
            PushMorph(config, parser, value, weight, prefix, joiner)));
    }

    /// <summary>
    /// pushval_morph: push the words of one operand, joined by <paramref name="joiner"/>, with stop-word
    /// placeholders for gaps between words so phrase distances survive their removal.
    /// </summary>
    private static void PushMorph(TextSearchConfig config, QueryParser parser, string value, byte weight, bool prefix, QueryOp joiner)
    {
        var words = config.ParseText(value);
        if (words.Count == 0)
        {
            parser.PushStop();
            return;
        }

        int pos = 0, cntpos = 0, count = 0;
        while (count < words.Count)
        {
            if (pos > 0 && pos + 1 < words[count].Position)
            {
                while (pos + 1 < words[count].Position)
                {
                    parser.PushStop();
                    if (cntpos > 0)
                    {
                        parser.PushOperator(joiner, 1);
                    }

                    cntpos++;
                    pos++;
                }
            }

            pos = words[count].Position;
            var cntvar = 0;
            while (count < words.Count && words[count].Position == pos)
            {
                // Our dictionaries give one variant per token; several words at one position are alternatives.
                parser.PushValue(words[count].Lexeme, weight, prefix);
                if (cntvar > 0)
                {
                    parser.PushOperator(QueryOp.Or, 0);
                }

                cntvar++;
                count++;
            }

            if (cntpos > 0)
            {
                parser.PushOperator(joiner, 1);
            }

            cntpos++;
        }
    }

    /// <summary><c>vector @@ query</c> (and <c>query @@ vector</c>). The empty query matches nothing.</summary>
    public static bool Matches(TsVector vector, TsQuery query)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(query);
        return VectorMatcher.Matches(vector, query);
    }

    /// <summary><c>text @@ text</c>: <c>to_tsvector(config, document) @@ plainto_tsquery(config, query)</c>.</summary>
    public static bool Matches(TextSearchConfig config, string document, string query) =>
        Matches(ToTsVector(config, document), PlainToTsQuery(config, query));

    /// <summary><c>text @@ tsquery</c>: <c>to_tsvector(config, document) @@ query</c>.</summary>
    public static bool Matches(TextSearchConfig config, string document, TsQuery query) =>
        Matches(ToTsVector(config, document), query);

    /// <summary><c>setweight(vector, weight [, lexemes])</c>.</summary>
    public static TsVector SetWeight(TsVector vector, char weight, IEnumerable<string?>? lexemes = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.SetWeight(weight, lexemes);
    }

    /// <summary><c>strip(vector)</c>.</summary>
    public static TsVector Strip(TsVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.Strip();
    }

    /// <summary><c>length(vector)</c>: the number of lexemes.</summary>
    public static int Length(TsVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.Count;
    }

    /// <summary><c>numnode(query)</c>.</summary>
    public static int NumNode(TsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.NumNode;
    }

    /// <summary><c>querytree(query)</c>.</summary>
    public static string QueryTree(TsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.QueryTree();
    }

    /// <summary><c>vector || vector</c>.</summary>
    public static TsVector Concat(TsVector left, TsVector right) => TsVector.Concat(left, right);

    /// <summary>
    /// <c>ts_rank([weights,] vector, query [, normalization])</c>. <paramref name="weights"/> are
    /// {D, C, B, A} (default {0.1, 0.2, 0.4, 1.0}); <paramref name="normalization"/> is PostgreSQL's
    /// bit mask (1 log length, 2 length, 8 unique words, 16 log unique words, 32 rank/(rank+1)).
    /// </summary>
    public static float TsRank(TsVector vector, TsQuery query, IReadOnlyList<float?>? weights = null, int normalization = 0)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(query);
        return Rank.Compute(RankWeights.Resolve(weights), vector, query, normalization);
    }

    /// <summary>
    /// <c>ts_rank_cd([weights,] vector, query [, normalization])</c>: cover density ranking; flag 4
    /// divides by the mean harmonic distance between extents.
    /// </summary>
    public static float TsRankCd(TsVector vector, TsQuery query, IReadOnlyList<float?>? weights = null, int normalization = 0)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(query);
        return CoverDensity.Compute(RankWeights.Resolve(weights), vector, query, normalization);
    }
}
