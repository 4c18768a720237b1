using ReefDB.Cli.Shell;

namespace ReefDB.Cli.Tests.Shell;

public sealed class ScriptSplitterTests
{
    private static string[] Texts(string script) => ScriptSplitter.Split(script).Select(s => s.Text).ToArray();

    [Fact]
    public void Splits_at_semicolons_and_keeps_a_last_statement_without_one()
    {
        Assert.Equal(["SELECT 1", "SELECT 2", "SELECT 3"], Texts("SELECT 1; SELECT 2;\nSELECT 3"));
    }

    [Theory]
    [InlineData("SELECT 'a;b'; SELECT 2", "SELECT 'a;b'")]
    [InlineData("SELECT 'it''s;'; SELECT 2", "SELECT 'it''s;'")]
    [InlineData("SELECT E'\\';'; SELECT 2", "SELECT E'\\';'")]
    [InlineData("SELECT \"a;\"\"b\"; SELECT 2", "SELECT \"a;\"\"b\"")]
    [InlineData("SELECT $$a;b$$; SELECT 2", "SELECT $$a;b$$")]
    [InlineData("SELECT $fn$a;$$;b$fn$; SELECT 2", "SELECT $fn$a;$$;b$fn$")]
    [InlineData("SELECT 1 -- no; cut\n; SELECT 2", "SELECT 1")]
    [InlineData("SELECT /* a /* nested; */ still; */ 1; SELECT 2", "SELECT /* a /* nested; */ still; */ 1")]
    public void Does_not_cut_inside_strings_identifiers_or_comments(string script, string first)
    {
        Assert.Equal([first, "SELECT 2"], Texts(script));
    }

    [Fact]
    public void A_backslash_in_a_standard_string_is_not_an_escape()
    {
        Assert.Equal(["SELECT 'a\\'", "SELECT 2"], Texts("SELECT 'a\\'; SELECT 2"));
    }

    [Fact]
    public void Positional_parameters_are_not_dollar_quotes()
    {
        Assert.Equal(["SELECT $1", "SELECT 2"], Texts("SELECT $1; SELECT 2"));
    }

    [Fact]
    public void Drops_statements_of_only_blanks_and_comments()
    {
        Assert.Equal(["SELECT 1"], Texts(";; -- just a comment\n; /* another */ ; SELECT 1;  \n"));
    }

    [Fact]
    public void Reports_where_each_statement_starts()
    {
        var statements = ScriptSplitter.Split("SELECT 1;\n\n  SELECT\n 2; SELECT 3").ToArray();
        Assert.Equal(new ScriptStatement("SELECT 1", 1, 1), statements[0]);
        Assert.Equal(new ScriptStatement("SELECT\n 2", 3, 3), statements[1]);
        Assert.Equal(new ScriptStatement("SELECT 3", 4, 5), statements[2]);
    }

    [Fact]
    public void Gives_each_statement_as_soon_as_its_semicolon_arrives()
    {
        var splitter = new ScriptSplitter();
        splitter.Append("SELECT 'a");
        Assert.False(splitter.TryTake(out _));
        Assert.True(splitter.InsideLiteralOrComment);
        splitter.Append(";b'");
        Assert.True(splitter.HasPendingStatement);
        splitter.Append("; SELECT");
        Assert.True(splitter.TryTake(out var first));
        Assert.Equal("SELECT 'a;b'", first.Text);
        Assert.True(splitter.HasPendingStatement);
        splitter.Append(" 2;\n");
        Assert.True(splitter.TryTake(out var second));
        Assert.Equal(new ScriptStatement("SELECT 2", 1, 15), second);
        Assert.False(splitter.HasPendingStatement);
    }

    [Fact]
    public void Waits_for_the_next_chunk_when_a_token_may_continue_in_it()
    {
        var splitter = new ScriptSplitter();
        splitter.Append("SELECT 1 -");
        splitter.Append("- comment; still\n;");
        Assert.True(splitter.TryTake(out var statement));
        Assert.Equal("SELECT 1", statement.Text);

        splitter.Append("SELECT 'a'");
        splitter.Append("';'; SELECT $");
        splitter.Append("q$;$q$;");
        Assert.True(splitter.TryTake(out var quoted));
        Assert.Equal("SELECT 'a'';'", quoted.Text);
        Assert.True(splitter.TryTake(out var dollar));
        Assert.Equal("SELECT $q$;$q$", dollar.Text);
    }

    [Fact]
    public void Splitting_in_any_chunks_gives_the_same_statements()
    {
        const string script = "CREATE TABLE t(a TEXT); INSERT INTO t VALUES ('x;y'), (E'\\'');\n" +
                              "-- comment; here\nSELECT $$;$$, \"q;\" /* c; /* d */ ; */ FROM t; SELECT 1";
        var whole = ScriptSplitter.Split(script).ToArray();
        for (var size = 1; size <= 7; size++)
        {
            var splitter = new ScriptSplitter();
            for (var i = 0; i < script.Length; i += size)
            {
                splitter.Append(script.Substring(i, Math.Min(size, script.Length - i)));
            }

            splitter.Finish();
            var pieces = new List<ScriptStatement>();
            while (splitter.TryTake(out var statement))
            {
                pieces.Add(statement);
            }

            Assert.Equal(whole, pieces);
        }

        Assert.Equal(4, whole.Length);
    }
}
