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
}
