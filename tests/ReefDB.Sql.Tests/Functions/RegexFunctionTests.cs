using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Functions;

// Expected values were produced by PostgreSQL 15 (C.UTF-8, standard_conforming_strings on).
public sealed class RegexFunctionTests
{
    private static string Row(string select) => Assert.Single(new TestDatabase().Rows(select));

    [Fact]
    public void Regexp_replace_replaces_the_first_match_or_all_with_g()
    {
        Assert.Equal("Hell0 World|Hell0 W0rld", Row("SELECT regexp_replace('Hello World', 'o', '0'), regexp_replace('Hello World', 'o', '0', 'g')"));
        Assert.Equal("a[cbbc] a[cbbc]", Row(@"SELECT regexp_replace('abc abc', '(b)(c)', '[\2\1\&]', 'g')"));
        Assert.Equal(@"a\$xb", Row(@"SELECT regexp_replace('a$b', '\$', '\\$x')"));
        Assert.Equal("12", Row("SELECT regexp_replace('a1b2', '[[:alpha:]]', '', 'g')"));
    }

    [Fact]
    public void Dot_matches_newline_and_anchors_are_the_string_unless_n()
    {
        Assert.Equal("X|x\ny|x\nZ", Row("SELECT regexp_replace(E'a\\nb', 'a.b', 'X'), regexp_replace(E'x\\ny', '^y', 'Z'), regexp_replace(E'x\\ny', '^y', 'Z', 'n')"));
    }

    [Fact]
    public void Match_operators_regexp_like_and_regexp_count()
    {
        Assert.Equal("f|t|t|f|t|t", Row("SELECT regexp_like('Hello', 'h'), regexp_like('Hello', 'h', 'i'), 'abc' ~ '^a.c$', 'ABC' ~ 'b', 'ABC' ~* 'b', 'a1b2' ~ '[[:digit:]]'"));
        Assert.Equal("2|1|2", Row("SELECT regexp_count('banana', 'an'), regexp_count('banana', 'an', 3), regexp_count('ABab', 'a', 1, 'i')"));
        Assert.Equal("NULL", Row("SELECT regexp_replace(NULL, 'a', 'b')"));
    }

    [Fact]
    public void Bad_patterns_and_flags_are_errors()
    {
        var db = new TestDatabase();
        Assert.Equal("22023", db.Error("SELECT regexp_like('a', 'a', 'g')"));
        Assert.Equal("22023", db.Error("SELECT regexp_like('a', 'a', 'z')"));
        Assert.Equal("2201B", db.Error("SELECT 'a' ~ '('"));

        // Back references need backtracking, which could run for ever on a replica: refused, not answered differently.
        Assert.Equal("2201B", db.Error(@"SELECT regexp_replace('aaa', '(a)\1', 'x')"));
    }

    [Fact]
    public void Quote_nullable_quotes_or_says_null()
    {
        Assert.Equal("NULL|'it''s'", Row("SELECT quote_nullable(NULL), quote_nullable('it''s')"));
    }
}
