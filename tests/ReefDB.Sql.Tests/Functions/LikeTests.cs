using CsCheck;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Functions;
using ReefDB.Sql.Types;
using static ReefDB.Sql.Tests.Functions.Typed;

namespace ReefDB.Sql.Tests.Functions;

// Expected results were produced by PostgreSQL 15 (C locale).
public sealed class LikeTests
{
    private static string? Like(Typed text, string op, Typed pattern) =>
        SqlOperators.ResolveBinary(op, text.Type, pattern.Type).Evaluate(text.Value, pattern.Value).FormatText();

    [Theory]
    [InlineData("abc", "LIKE", "a%", "t")]
    [InlineData("abc", "LIKE", "a_c", "t")]
    [InlineData("a%c", "LIKE", "a\\%c", "t")]
    [InlineData("abc", "LIKE", "a\\%c", "f")]
    [InlineData("abc", "LIKE", "A%", "f")]
    [InlineData("abc", "ILIKE", "A%", "t")]
    [InlineData("ab", "LIKE", "a", "f")]
    [InlineData("", "LIKE", "%", "t")]
    [InlineData("x", "LIKE", "%%x", "t")]
    [InlineData("abc", "NOT LIKE", "a%", "f")]
    [InlineData("abc", "~~", "%c", "t")]
    [InlineData("aXbXc", "LIKE", "%b%c", "t")]
    [InlineData("mississippi", "LIKE", "%iss%ppi", "t")]
    [InlineData("mississippi", "LIKE", "%iss%ppx", "f")]
    [InlineData("\U0001F600", "LIKE", "_", "t")]
    [InlineData("É", "ILIKE", "é", "f")]
    public void Like_matches_like_postgres(string text, string op, string pattern, string expected) =>
        Assert.Equal(expected, Like(Unknown(text), op, Unknown(pattern)));

    [Fact]
    public void Like_on_char_sees_the_padding()
    {
        Assert.Equal("f", Like(Char("a", 3), "LIKE", Unknown("a")));
        Assert.Equal("t", Like(Char("a", 3), "LIKE", Unknown("a  ")));
    }

    [Fact]
    public void Escape_clause_and_its_errors()
    {
        var like = SqlOperators.ResolveLikeWithEscape("LIKE", SqlType.Text, SqlType.Text);
        Assert.True(like(SqlValue.FromText("a_c"), SqlValue.FromText("a#_c"), SqlValue.FromText("#")).AsBoolean);
        Assert.False(like(SqlValue.FromText("abc"), SqlValue.FromText("a#_c"), SqlValue.FromText("#")).AsBoolean);
        Assert.True(like(SqlValue.FromText("a\\c"), SqlValue.FromText("a\\c"), SqlValue.FromText("")).AsBoolean);
        var tooLong = Assert.Throws<SqlException>(() => like(SqlValue.FromText("a"), SqlValue.FromText("a"), SqlValue.FromText("xy")));
        Assert.Equal(("22025", "invalid escape string"), (tooLong.SqlState, tooLong.Message));
        var trailing = Assert.Throws<SqlException>(() => Like(Unknown("abc"), "LIKE", Unknown("ab\\")));
        Assert.Equal(("22025", "LIKE pattern must not end with escape character"), (trailing.SqlState, trailing.Message));
        Assert.True(like(SqlValue.Null, SqlValue.FromText("a"), SqlValue.FromText("#")).IsNull);
    }

    [Fact]
    public void Literal_prefix_is_exposed_for_index_scans()
    {
        Assert.Equal("ab%c", LikePattern.Compile("ab\\%c%d").LiteralPrefix);
        Assert.Equal("", LikePattern.Compile("_a").LiteralPrefix);
    }

    [Fact]
    public void Matcher_agrees_with_a_regex_model() =>
        Gen.Select(Gen.String[Gen.Char["ab"], 0, 8], Gen.String[Gen.Char["ab%_"], 0, 6]).Sample((text, pattern) =>
        {
            var regex = "^" + string.Concat(pattern.Select(c => c switch { '%' => ".*", '_' => ".", _ => c.ToString() })) + "$";
            var expected = System.Text.RegularExpressions.Regex.IsMatch(text, regex, System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.Equal(expected, LikePattern.Compile(pattern).Matches(text));
        }, seed: "0N0XIzNsQ0O2", iter: 5_000);
}
