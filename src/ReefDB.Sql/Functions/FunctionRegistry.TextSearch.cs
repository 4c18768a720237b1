using System.Globalization;
using ReefDB.FullText;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;
using SqlStates = ReefDB.Sql.Errors.SqlStates;

namespace ReefDB.Sql.Functions;

/// <summary>
/// Full-text search functions (PostgreSQL 15 names and overloads) over ReefDB.FullText, and the functions
/// behind the text-search operators (PostgreSQL's oprcode names), which the binder calls for
/// <c>@@</c> (<c>ts_match_vq</c>, <c>ts_match_qv</c>, <c>ts_match_tq</c>, <c>ts_match_tt</c>), tsvector
/// <c>||</c> (<c>tsvector_concat</c>), tsquery <c>&amp;&amp;</c>, <c>||</c>, <c>!!</c>, <c>&lt;-&gt;</c>
/// (<c>tsquery_and</c>, <c>tsquery_or</c>, <c>tsquery_not</c>, <c>tsquery_phrase</c>) and <c>@&gt;</c>,
/// <c>&lt;@</c> (<c>tsq_mcontains</c>, <c>tsq_mcontained</c>).
/// </summary>
/// <remarks>
/// Library errors (<see cref="FullTextException"/>) carry PostgreSQL's SQLSTATE and message; the engine
/// reports them unchanged. A configuration is named by text (PostgreSQL's regconfig): <c>english</c>, <c>simple</c>, optionally
/// <c>pg_catalog.</c>-qualified. Forms without one read the batch's <c>default_text_search_config</c> from
/// the <see cref="FunctionContext"/>, never process state. ReefDB has no arrays: array arguments (the weights
/// of <c>ts_rank</c>/<c>ts_rank_cd</c>, the lexemes of <c>setweight</c> and <c>array_to_tsvector</c>, the
/// weights of <c>ts_filter</c>) are given as array text (<c>'{0.1,0.2,0.4,1.0}'</c>, <c>'{fat,cat}'</c>).
/// </remarks>
internal static partial class FunctionRegistry
{
    private static readonly SqlType[] OneVector = [SqlType.TsVector];
    private static readonly SqlType[] OneQuery = [SqlType.TsQuery];
    private static readonly SqlType[] TwoQueries = [SqlType.TsQuery, SqlType.TsQuery];

    private static TsVector Vector(SqlValue v) => (TsVector)v.AsPayload;

    private static TsQuery Query(SqlValue v) => (TsQuery)v.AsPayload;

    private static SqlValue Of(TsVector v) => SqlValue.FromTsVector(v);

    private static SqlValue Of(TsQuery q) => SqlValue.FromTsQuery(q);

    /// <summary>The parameter types of the two-argument function behind a text-search operator (<c>ts_match_vq</c>, …).</summary>
    internal static SqlType[] OperatorParameters(string name) =>
        Functions[name].First(f => f.Parameters.Length == 2).Parameters;

    /// <summary>The named configuration; 42704 when it does not exist.</summary>
    internal static TextSearchConfig Config(string name) => TextSearchValues.Translate(() => TextSearchConfig.Get(name));

    private static TextSearchConfig DefaultConfig(FunctionContext context) => Config(context.DefaultTextSearchConfig);

    private static void AddTextSearchFunctions(Action<ScalarFunction> add)
    {
        AddParsing(add);
        AddVectorFunctions(add);
        AddQueryFunctions(add);
        AddRanking(add);
        AddOperatorFunctions(add);
        AddSettings(add);
    }

    private static void AddParsing(Action<ScalarFunction> add)
    {
        add(Fn("to_tsvector", OneText, SqlType.TsVector,
            (a, c) => Of(TextSearch.ToTsVector(DefaultConfig(c), a[0].AsText))));
        add(Fn("to_tsvector", TwoTexts, SqlType.TsVector,
            (a, _) => Of(TextSearch.ToTsVector(Config(a[0].AsText), a[1].AsText))));
        foreach (var (name, parse) in new (string, Func<TextSearchConfig, string, TsQuery>)[]
        {
            ("to_tsquery", TextSearch.ToTsQuery),
            ("plainto_tsquery", TextSearch.PlainToTsQuery),
            ("phraseto_tsquery", TextSearch.PhraseToTsQuery),
            ("websearch_to_tsquery", TextSearch.WebSearchToTsQuery),
        })
        {
            add(Fn(name, OneText, SqlType.TsQuery,
                (a, c) => Of(parse(DefaultConfig(c), a[0].AsText))));
            add(Fn(name, TwoTexts, SqlType.TsQuery,
                (a, _) => Of(parse(Config(a[0].AsText), a[1].AsText))));
        }
        add(new ScalarFunction("get_current_ts_config", [], Returns(SqlType.Text),
            (_, c) => Text(DefaultConfig(c).Name)));
    }

    private static void AddVectorFunctions(Action<ScalarFunction> add)
    {
        add(Fn("length", OneVector, SqlType.Integer, (a, _) => Int(Vector(a[0]).Count)));
        add(Fn("strip", OneVector, SqlType.TsVector, (a, _) => Of(Vector(a[0]).Strip())));
        add(Fn("setweight", [SqlType.TsVector, SqlType.Text], SqlType.TsVector,
            (a, _) => Of(Vector(a[0]).SetWeight(WeightChar(a[1].AsText)))));
        add(Fn("setweight", [SqlType.TsVector, SqlType.Text, SqlType.Text], SqlType.TsVector,
            (a, _) => Of(Vector(a[0]).SetWeight(WeightChar(a[1].AsText), ArrayText.Parse(a[2].AsText)))));
        add(Fn("ts_filter", [SqlType.TsVector, SqlType.Text], SqlType.TsVector,
            (a, _) => Of(Vector(a[0]).Filter(ArrayText.Parse(a[1].AsText).Select(FilterWeight)))));
        add(Fn("array_to_tsvector", OneText, SqlType.TsVector, (a, _) => Of(TsVector.FromLexemes(ArrayText.Parse(a[0].AsText)))));
        add(Fn("ts_delete", [SqlType.TsVector, SqlType.Text], SqlType.TsVector,
            (a, _) => Of(Vector(a[0]).Delete([a[1].AsText]))));
        add(Fn("tsvector_concat", [SqlType.TsVector, SqlType.TsVector], SqlType.TsVector,
            (a, _) => Of(TsVector.Concat(Vector(a[0]), Vector(a[1])))));
    }

    private static void AddQueryFunctions(Action<ScalarFunction> add)
    {
        add(Fn("numnode", OneQuery, SqlType.Integer, (a, _) => Int(Query(a[0]).NumNode)));
        add(Fn("querytree", OneQuery, SqlType.Text, (a, _) => Text(Query(a[0]).QueryTree())));
        add(Fn("tsquery_and", TwoQueries, SqlType.TsQuery, (a, _) => Of(TsQuery.And(Query(a[0]), Query(a[1])))));
        add(Fn("tsquery_or", TwoQueries, SqlType.TsQuery, (a, _) => Of(TsQuery.Or(Query(a[0]), Query(a[1])))));
        add(Fn("tsquery_not", OneQuery, SqlType.TsQuery, (a, _) => Of(TsQuery.Not(Query(a[0])))));
        add(Fn("tsquery_phrase", TwoQueries, SqlType.TsQuery,
            (a, _) => Of(TsQuery.Phrase(Query(a[0]), Query(a[1])))));
        add(Fn("tsquery_phrase", [SqlType.TsQuery, SqlType.TsQuery, SqlType.Integer], SqlType.TsQuery,
            (a, _) => Of(TsQuery.Phrase(Query(a[0]), Query(a[1]), PhraseDistance(a[2].AsInt64)))));
        add(Fn("tsq_mcontains", TwoQueries, SqlType.Boolean, (a, _) => SqlValue.FromBoolean(Query(a[0]).Contains(Query(a[1])))));
        add(Fn("tsq_mcontained", TwoQueries, SqlType.Boolean, (a, _) => SqlValue.FromBoolean(Query(a[1]).Contains(Query(a[0])))));
    }

    private static void AddRanking(Action<ScalarFunction> add)
    {
        foreach (var (name, rank) in new (string, Func<TsVector, TsQuery, IReadOnlyList<float?>?, int, float>)[]
        {
            ("ts_rank", TextSearch.TsRank),
            ("ts_rank_cd", TextSearch.TsRankCd),
        })
        {
            ScalarEvaluator Ranked(bool hasWeights, bool hasNormalization) => (a, _) =>
            {
                var at = hasWeights ? 1 : 0;
                var weights = hasWeights ? ParseWeights(a[0].AsText) : null;
                var normalization = hasNormalization ? (int)a[at + 2].AsInt64 : 0;
                return SqlValue.FromReal(rank(Vector(a[at]), Query(a[at + 1]), weights, normalization));
            };
            add(Fn(name, [SqlType.TsVector, SqlType.TsQuery], SqlType.Real, Ranked(false, false)));
            add(Fn(name, [SqlType.TsVector, SqlType.TsQuery, SqlType.Integer], SqlType.Real, Ranked(false, true)));
            add(Fn(name, [SqlType.Text, SqlType.TsVector, SqlType.TsQuery], SqlType.Real, Ranked(true, false)));
            add(Fn(name, [SqlType.Text, SqlType.TsVector, SqlType.TsQuery, SqlType.Integer], SqlType.Real, Ranked(true, true)));
        }

        add(Fn("ts_headline", [SqlType.Text, SqlType.TsQuery], SqlType.Text,
            (a, c) => Text(TextSearch.TsHeadline(DefaultConfig(c), a[0].AsText, Query(a[1])))));
        add(Fn("ts_headline", [SqlType.Text, SqlType.TsQuery, SqlType.Text], SqlType.Text,
            (a, c) => Text(TextSearch.TsHeadline(DefaultConfig(c), a[0].AsText, Query(a[1]), a[2].AsText))));
        add(Fn("ts_headline", [SqlType.Text, SqlType.Text, SqlType.TsQuery], SqlType.Text,
            (a, _) => Text(TextSearch.TsHeadline(Config(a[0].AsText), a[1].AsText, Query(a[2])))));
        add(Fn("ts_headline", [SqlType.Text, SqlType.Text, SqlType.TsQuery, SqlType.Text], SqlType.Text,
            (a, _) => Text(TextSearch.TsHeadline(Config(a[0].AsText), a[1].AsText, Query(a[2]), a[3].AsText))));
    }

    private static void AddOperatorFunctions(Action<ScalarFunction> add)
    {
        add(Fn("ts_match_vq", [SqlType.TsVector, SqlType.TsQuery], SqlType.Boolean,
            (a, _) => SqlValue.FromBoolean(TextSearch.Matches(Vector(a[0]), Query(a[1])))));
        add(Fn("ts_match_qv", [SqlType.TsQuery, SqlType.TsVector], SqlType.Boolean,
            (a, _) => SqlValue.FromBoolean(TextSearch.Matches(Vector(a[1]), Query(a[0])))));
        add(Fn("ts_match_tq", [SqlType.Text, SqlType.TsQuery], SqlType.Boolean,
            (a, c) => SqlValue.FromBoolean(TextSearch.Matches(DefaultConfig(c), a[0].AsText, Query(a[1])))));
        add(Fn("ts_match_tt", TwoTexts, SqlType.Boolean,
            (a, c) => SqlValue.FromBoolean(TextSearch.Matches(DefaultConfig(c), a[0].AsText, a[1].AsText))));
    }

    private static void AddSettings(Action<ScalarFunction> add)
    {
        add(new ScalarFunction("set_config", [SqlType.Text, SqlType.Text, SqlType.Boolean], Returns(SqlType.Text),
            (a, c) => Text(SessionSettings.Set(c, a[0].AsText, a[1].AsText, a[2].AsBoolean)), IsVolatile: true));
        add(new ScalarFunction("current_setting", OneText, Returns(SqlType.Text),
            (a, c) => Text(SessionSettings.Show(c, a[0].AsText)), IsVolatile: true));
    }

    /// <summary>setweight's "char" argument: its first character (PostgreSQL reads one byte).</summary>
    private static char WeightChar(string weight) =>
        weight.Length > 0 ? weight[0] : throw new SqlException(SqlStates.InvalidParameterValue, "unrecognized weight: 0");

    /// <summary>ts_filter's "char"[] elements: NULL is an error, as in PostgreSQL.</summary>
    private static char FilterWeight(string? weight) =>
        weight is { Length: > 0 } w ? w[0] : throw new SqlException(SqlStates.NullValueNotAllowed, "weight array may not contain nulls");

    private static int PhraseDistance(long distance) => distance is < 0 or > TsQuery.MaxPhraseDistance
        ? throw new SqlException(SqlStates.InvalidParameterValue,
            string.Create(CultureInfo.InvariantCulture, $"distance in phrase operator must be an integer value between zero and {TsQuery.MaxPhraseDistance} inclusive"))
        : (int)distance;

    /// <summary>
    /// A float4[] in its text form (<c>{0.1,0.2,NULL,1}</c>); the ranking functions check the length,
    /// NULLs and range themselves, with PostgreSQL's errors.
    /// </summary>
    internal static float?[] ParseWeights(string text) =>
        [.. ArrayText.Parse(text).Select(w => w is null ? (float?)null : TextInput.ParseReal(w))];
}
