using CsCheck;

namespace ReefDB.FullText.Tests.Querying;

/// <summary>@@ for queries without phrase operators is plain boolean logic over lexeme presence.</summary>
public sealed class MatchPropertyTests
{
    private static readonly string[] Words = ["a", "b", "c", "d", "e"];

    private abstract record Q;

    private sealed record W(string Word) : Q;

    private sealed record Not(Q Operand) : Q;

    private sealed record Bin(char Op, Q Left, Q Right) : Q;

    private static Gen<Q> Query(int depth) => depth == 0
        ? Gen.Int[0, 4].Select(i => Words[i]).Select(w => (Q)new W(w))
        : Gen.Frequency(
            (2, Gen.Int[0, 4].Select(i => Words[i]).Select(w => (Q)new W(w))),
            (1, Query(depth - 1).Select(q => (Q)new Not(q))),
            (2, Gen.Select(Gen.Int[0, 1].Select(i => i == 0 ? '&' : '|'), Query(depth - 1), Query(depth - 1), (o, l, r) => (Q)new Bin(o, l, r))));

    private static string Text(Q q) => q switch
    {
        W w => w.Word,
        Not n => "!(" + Text(n.Operand) + ")",
        Bin b => "(" + Text(b.Left) + " " + b.Op + " " + Text(b.Right) + ")",
        _ => throw new InvalidOperationException(),
    };

    private static bool Eval(Q q, HashSet<string> doc) => q switch
    {
        W w => doc.Contains(w.Word),
        Not n => !Eval(n.Operand, doc),
        Bin b => b.Op == '&' ? Eval(b.Left, doc) && Eval(b.Right, doc) : Eval(b.Left, doc) || Eval(b.Right, doc),
        _ => throw new InvalidOperationException(),
    };

    [Fact]
    public void Boolean_queries_match_a_naive_model() =>
        Gen.Select(Gen.Int[0, 4].Select(i => Words[i]).Array[0, 6], Query(3)).Sample(
            t =>
            {
                var (docWords, q) = t;
                var vector = TsVector.Parse(string.Join(" ", docWords.Select((w, i) => w + ":" + (i + 1))));
                return TextSearch.Matches(vector, TsQuery.Parse(Text(q))) == Eval(q, [.. docWords]);
            },
            seed: "0N0XIzNsQ0O2");

    [Theory]
    [InlineData("fat cat sat", "fat <-> cat", true)]
    [InlineData("fat cat sat", "fat <2> sat", true)]
    [InlineData("fat cat sat", "fat <-> sat", false)]
    [InlineData("fat cat sat", "!fat <-> sat", true)]
    [InlineData("fat cat sat", "ca:* <-> sat", true)]
    [InlineData("fat cat sat", "cat <0> ca:*", true)]
    public void Phrase_operators_respect_distances(string text, string query, bool expected) =>
        Assert.Equal(expected, TextSearch.Matches(TextSearch.ToTsVector("simple", text), TsQuery.Parse(query)));
}
