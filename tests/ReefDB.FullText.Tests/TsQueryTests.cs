using CsCheck;

namespace ReefDB.FullText.Tests;

public sealed class TsQueryTests
{
    [Theory]
    [InlineData("1|!2&3", "'1' | !'2' & '3'")]
    [InlineData("!(1|2)&3", "!( '1' | '2' ) & '3'")]
    [InlineData("a <-> (b <-> c)", "'a' <-> ( 'b' <-> 'c' )")]
    [InlineData("(a <-> b) <-> c", "'a' <-> 'b' <-> 'c'")]
    [InlineData("a <3> b:*AB", "'a' <3> 'b':*AB")]
    [InlineData("!!!b", "!!!'b'")]
    [InlineData("", "")]
    public void Parses_and_prints_like_PostgreSQL(string input, string output) =>
        Assert.Equal(output, TsQuery.Parse(input).ToString());

    [Theory]
    [InlineData("a b", SqlStates.SyntaxError)]
    [InlineData("a &", SqlStates.SyntaxError)]
    [InlineData("& a", SqlStates.SyntaxError)]
    [InlineData("a <16385> b", SqlStates.InvalidParameterValue)]
    public void Malformed_input_raises_PostgreSQL_errors(string input, string state)
    {
        var e = Assert.Throws<FullTextException>(() => TsQuery.Parse(input));
        Assert.Equal(state, e.SqlState);
    }

    [Fact]
    public void Combinators_join_queries_and_skip_empty_ones()
    {
        var a = TsQuery.Parse("a & b");
        var c = TsQuery.Parse("c | d");
        Assert.Equal("'a' & 'b' & ( 'c' | 'd' )", TsQuery.And(a, c).ToString());
        Assert.Equal("'a' & 'b' | 'c' | 'd'", TsQuery.Or(a, c).ToString());
        Assert.Equal("!( 'a' & 'b' )", TsQuery.Not(a).ToString());
        Assert.Equal("( 'a' & 'b' ) <-> ( 'c' | 'd' )", TsQuery.Phrase(a, c).ToString());
        Assert.Same(a, TsQuery.And(a, TsQuery.Empty));
        Assert.Equal(7, TsQuery.And(a, c).NumNode);
    }

    [Fact]
    public void To_tsquery_normalizes_operands_and_removes_stop_words()
    {
        Assert.Equal("'supernova':*A & !'star'", TextSearch.ToTsQuery("english", "supernovae:*A & !stars").ToString());
        Assert.Equal("'fat' <2> 'rat'", TextSearch.PhraseToTsQuery("english", "fat the rat").ToString());
        Assert.Equal("'fat' & 'rat'", TextSearch.PlainToTsQuery("english", "The fat & rat").ToString());
        Assert.Equal("'foo-bar' <-> 'foo' <-> 'bar'", TextSearch.ToTsQuery("simple", "foo-bar").ToString());
        Assert.True(TextSearch.PlainToTsQuery("english", "the and of").IsEmpty);
    }

    [Fact]
    public void Querytree_drops_negations() =>
        Assert.Equal("'a' & 'c'", TsQuery.Parse("a & !b & c").QueryTree());

    [Fact]
    public void Unknown_configuration_is_undefined_object()
    {
        var e = Assert.Throws<FullTextException>(() => TextSearch.ToTsVector("klingon", "x"));
        Assert.Equal(SqlStates.UndefinedObject, e.SqlState);
    }

    private static Gen<string> Query(int depth) => depth == 0
        ? Gen.Int[0, 5].Select(i => new[] { "a", "b:*", "'c d'", "'it''s':AB", "e:*CD", "\\\\x" }[i])
        : Gen.Frequency(
            (2, Query(0)),
            (1, Query(depth - 1).Select(q => "!" + q)),
            (3, Gen.Select(Gen.Int[0, 4], Query(depth - 1), Query(depth - 1), (o, l, r) =>
                "(" + l + (o switch { 0 => " & ", 1 => " | ", 2 => " <-> ", 3 => " <0> ", _ => " <7> " }) + r + ")")));

    /// <remarks>
    /// Not tree equality with the original: printing drops parentheses around associative operators, so
    /// <c>a &amp; (b &amp; c)</c> reparses as <c>(a &amp; b) &amp; c</c>, which PostgreSQL's = also tells apart.
    /// </remarks>
    [Fact]
    public void Printed_text_is_a_fixed_point_of_parse_and_print() =>
        Query(4).Sample(
            text =>
            {
                var q = TsQuery.Parse(text);
                var again = TsQuery.Parse(q.ToString());
                return again.ToString() == q.ToString() && TsQuery.Parse(again.ToString()) == again && again.NumNode == q.NumNode;
            },
            seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Storage_text_rebuilds_the_identical_tree() =>
        Query(4).Sample(
            text =>
            {
                var q = TsQuery.Parse(text);
                var back = TsQuery.Parse(q.ToStorageText());
                return back == q && back.ToString() == q.ToString();
            },
            seed: "0N0XIzNsQ0O2");
}
