using CsCheck;

namespace ReefDB.FullText.Tests.Querying;

/// <summary>The hooks a GIN index uses: the terms to look up, whether a match needs any, and the consistency check.</summary>
public sealed class IndexSupportTests
{
    private static readonly string[] Words = ["a", "b", "c", "ab", "abc"];

    private static Gen<string> Query(int depth) => depth == 0
        ? Gen.Int[0, 6].Select(i => i < 5 ? Words[i] : i == 5 ? "a:*" : "b:A")
        : Gen.Frequency(
            (2, Query(0)),
            (1, Query(depth - 1).Select(q => "!(" + q + ")")),
            (3, Gen.Select(Gen.Int[0, 3], Query(depth - 1), Query(depth - 1), (o, l, r) =>
                "(" + l + (o switch { 0 => " & ", 1 => " | ", 2 => " <-> ", _ => " <2> " }) + r + ")")));

    [Fact]
    public void Consistency_check_never_rejects_a_matching_document() =>
        Gen.Select(Gen.Int[0, 4].Select(i => Words[i]).Array[0, 6], Query(3)).Sample(
            t =>
            {
                var (doc, text) = t;
                var vector = TsVector.Parse(string.Join(" ", doc.Select((w, i) => w + ":" + (i + 1) + "AB"[i % 2])));
                var query = TsQuery.Parse(text);
                var present = vector.ToLexemeArray().ToHashSet(StringComparer.Ordinal);
                var might = query.MightMatch(term => term.Prefix
                    ? present.Any(l => l.StartsWith(term.Lexeme, StringComparison.Ordinal))
                    : present.Contains(term.Lexeme));
                var matches = TextSearch.Matches(vector, query);
                var needsTerm = query.RequiresMatch;
                return (!matches || might) && (!matches || !needsTerm || present.Count > 0);
            },
            seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Term_presence_decides_queries_without_phrases_or_weights_exactly() =>
        Gen.Select(Gen.Int[0, 4].Select(i => Words[i]).Array[0, 6], Query(3)).Sample(
            t =>
            {
                var (doc, text) = t;
                var vector = TsVector.Parse(string.Join(" ", doc.Select((w, i) => w + ":" + (i + 1))));
                var query = TsQuery.Parse(text);
                var decided = !text.Contains('<', StringComparison.Ordinal) && !text.Contains(":A", StringComparison.Ordinal);
                if (query.DecidedByTerms != decided)
                {
                    return false;
                }

                var present = vector.ToLexemeArray().ToHashSet(StringComparer.Ordinal);
                bool Holds(TsQueryTerm term) => term.Prefix
                    ? present.Any(l => l.StartsWith(term.Lexeme, StringComparison.Ordinal))
                    : present.Contains(term.Lexeme);
                var matches = TextSearch.Matches(vector, query);
                var terms = query.IndexTerms();
                return (!matches || query.RequiredTerms().All(Holds))
                    && (!decided || (query.MatchesTerms(Holds) == matches && query.TermMatcher(terms)([.. terms.Select(Holds)]) == matches));
            },
            seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Queries_that_need_positions_refuse_a_decision_by_terms()
    {
        Assert.False(TsQuery.Parse("a <-> b").DecidedByTerms);
        Assert.False(TsQuery.Parse("a & b:B").DecidedByTerms);
        Assert.False(TsQuery.Empty.DecidedByTerms);
        Assert.True(TsQuery.Parse("a & !(b | c:*)").DecidedByTerms);
        Assert.Throws<InvalidOperationException>(() => TsQuery.Parse("a <-> b").MatchesTerms(_ => true));
        Assert.Equal([new TsQueryTerm("a", false), new TsQueryTerm("c", true)], TsQuery.Parse("a & !d & (c:* <-> e | c:*)").RequiredTerms());
        Assert.Empty(TsQuery.Parse("a | b").RequiredTerms());
    }

    [Fact]
    public void Terms_and_requirements()
    {
        var q = TsQuery.Parse("fat:* & (cat | !rat) & fat:*");
        Assert.Equal(
            new HashSet<TsQueryTerm> { new("fat", true), new("cat", false), new("rat", false) },
            q.IndexTerms().ToHashSet());
        Assert.Equal(3, q.IndexTerms().Count);
        Assert.True(q.RequiresMatch);
        Assert.False(TsQuery.Parse("!rat").RequiresMatch);
        Assert.False(TsQuery.Parse("cat | !rat").RequiresMatch);
        Assert.False(TsQuery.Parse("cat").MightMatch(_ => false));
        Assert.True(TsQuery.Parse("!cat").MightMatch(_ => false));
    }

    [Fact]
    public void Positive_terms_leave_out_negated_operands_and_keep_prefixes()
    {
        Assert.Equal(
            [new TsQueryTerm("a", false), new TsQueryTerm("d", true)],
            TsQuery.Parse("a & !(b | c:*) & d:* & a:B").PositiveTerms());
        Assert.Equal([new TsQueryTerm("x", false)], TsQuery.Parse("!!x <-> !y").PositiveTerms());
        Assert.Empty(TsQuery.Parse("!cat").PositiveTerms());
        Assert.Empty(TsQuery.Empty.PositiveTerms());
    }
}
