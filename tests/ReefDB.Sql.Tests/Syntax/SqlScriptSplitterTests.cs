using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Tests.Syntax;

public sealed class SqlScriptSplitterTests
{
    [Fact]
    public void Splits_at_top_level_semicolons_only()
    {
        var split = SqlScriptSplitter.Split(
            "SELECT ';'; SELECT \";\"; SELECT E'\\';'; SELECT $$;$$; SELECT $t$ $$; $t$; -- ;\nSELECT /* ; /* ; */ */ 1;");
        Assert.Equal(
            ["SELECT ';'", "SELECT \";\"", "SELECT E'\\';'", "SELECT $$;$$", "SELECT $t$ $$; $t$", "SELECT /* ; /* ; */ */ 1"],
            split.Statements.Select(s => s.Text));
        Assert.True(split.IsComplete);
    }

    [Fact]
    public void Statements_keep_their_position_and_skip_empty_ones()
    {
        var split = SqlScriptSplitter.Split(";;\n  -- a comment\n  INSERT INTO t\nVALUES (1);\n;");
        var statement = Assert.Single(split.Statements);
        Assert.Equal("INSERT INTO t\nVALUES (1)", statement.Text);
        Assert.Equal(3, statement.Position.Line);
        Assert.Equal(3, statement.Position.Column);
    }

    [Theory]
    [InlineData("SELECT 1", false)]
    [InlineData("SELECT 1;", true)]
    [InlineData("SELECT 1; -- done", true)]
    [InlineData("SELECT 1; /* open", false)]
    [InlineData("SELECT 'abc;", false)]
    [InlineData("SELECT \"abc;", false)]
    [InlineData("SELECT $$abc;", false)]
    [InlineData("SELECT E'\\';", false)]
    [InlineData("SELECT 'it''s';", true)]
    [InlineData("", true)]
    [InlineData("   \n", true)]
    [InlineData("SELECT a$$b;", true)]
    public void Reports_whether_the_input_ends_with_a_complete_statement(string input, bool complete) =>
        Assert.Equal(complete, SqlScriptSplitter.Split(input).IsComplete);

    [Theory]
    [InlineData("SELECT 'abc", true)]
    [InlineData("SELECT 1 /* open", true)]
    [InlineData("SELECT $q$ x", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("SELECT 1 -- line comment", false)]
    public void Reports_whether_the_input_ends_inside_a_quote_or_comment(string input, bool inside) =>
        Assert.Equal(inside, SqlScriptSplitter.Split(input).EndsInsideQuoteOrComment);

    [Fact]
    public void Remainder_holds_the_unfinished_statement_for_the_next_line()
    {
        var split = SqlScriptSplitter.Split("SELECT 1; SELECT\n  2");
        Assert.Equal("SELECT 1", Assert.Single(split.Statements).Text);
        Assert.Equal(" SELECT\n  2", split.Remainder);
        Assert.Equal(9, split.RemainderOffset);
        Assert.False(split.IsComplete);

        var next = SqlScriptSplitter.Split(split.Remainder + ";\n");
        Assert.Equal("SELECT\n  2", Assert.Single(next.Statements).Text);
        Assert.True(next.IsComplete);
    }

    [Fact]
    public void Agrees_with_the_parser_on_statement_boundaries()
    {
        const string script = "CREATE TABLE t (a TEXT DEFAULT ';');\nINSERT INTO t VALUES (E'x\\';y'), ($q$;$q$);\nSELECT \"a;\" FROM t /* ; */";
        var parsed = SqlParser.Parse(script);
        var split = SqlScriptSplitter.Split(script + ";");
        Assert.Equal(parsed.Select(s => s.SourceText), split.Statements.Select(s => s.Text));
        Assert.Equal(parsed.Select(s => s.Position), split.Statements.Select(s => s.Position));
    }
}
