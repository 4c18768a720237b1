using ReefDB.Sql.Syntax;
using static ReefDB.Sql.Tests.Syntax.ParserTestHelpers;

namespace ReefDB.Sql.Tests.Syntax;

/// <summary>Constants, identifiers and comments as PostgreSQL's lexical rules define them (manual §4.1).</summary>
public sealed class LexicalTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("2147483648", 2147483648L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Integers_that_fit_64_bits_are_integer_literals(string sql, long value) =>
        Assert.Equal(value, Assert.IsType<IntegerLiteral>(SqlParser.ParseExpression(sql)).Value);

    [Theory]
    [InlineData("9223372036854775808", "9223372036854775808")]
    [InlineData("-9223372036854775809", "-9223372036854775809")]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", ".5")]
    [InlineData("5.", "5.")]
    [InlineData("1e10", "1e10")]
    [InlineData("1.5E-3", "1.5E-3")]
    [InlineData("- 2.5", "-2.5")]
    [InlineData("- -2.5", "2.5")]
    public void Decimals_exponents_and_huge_integers_are_numeric(string sql, string text) =>
        Assert.Equal(text, Assert.IsType<NumericLiteral>(SqlParser.ParseExpression(sql)).Text);

    [Theory]
    [InlineData("'it''s'", "it's")]
    [InlineData("E'a\\nb\\t\\\\\\''", "a\nb\t\\'")]
    [InlineData("e'\\x41\\101\\u00e9\\U0001F600'", "AAé😀")]
    [InlineData("E'\\q'", "q")]
    [InlineData("$$it's $ here$$", "it's $ here")]
    [InlineData("$tag$a $$ b$tag$", "a $$ b")]
    [InlineData("'foo'\n'bar'", "foobar")]
    [InlineData("N'x'", "x")]
    [InlineData("''", "")]
    public void Strings_resolve_their_escapes(string sql, string value) =>
        Assert.Equal(value, Assert.IsType<StringLiteral>(SqlParser.ParseExpression(sql)).Value);

    [Fact]
    public void Strings_separated_without_a_newline_do_not_concatenate() =>
        Assert.Throws<Errors.SqlException>(() => SqlParser.ParseExpression("'foo' 'bar'"));

    [Theory]
    [InlineData("B'0101'", "0101")]
    [InlineData("X'1F'", "00011111")]
    public void Bit_strings(string sql, string bits) =>
        Assert.Equal(bits, Assert.IsType<BitStringLiteral>(SqlParser.ParseExpression(sql)).Bits);

    [Theory]
    [InlineData("FooBar", "foobar")]
    [InlineData("\"FooBar\"", "FooBar")]
    [InlineData("\"a\"\"b\"", "a\"b")]
    [InlineData("\"select\"", "select")]
    [InlineData("ÄbC", "Äbc")]
    [InlineData("a$b", "a$b")]
    [InlineData("_x1", "_x1")]
    public void Identifiers_fold_unless_quoted(string sql, string name) =>
        Assert.Equal(name, Assert.IsType<ColumnReference>(SqlParser.ParseExpression(sql)).Column);

    [Theory]
    [InlineData("SELECT 1 -- trailing comment", "SELECT 1")]
    [InlineData("SELECT /* a /* nested */ comment */ 1", "SELECT 1")]
    [InlineData("SELECT 1--comment\n+ 2", "SELECT (1 + 2)")]
    [InlineData("SELECT 2*/*c*/3", "SELECT (2 * 3)")]
    [InlineData("SeLeCt $1 + $12", "SELECT ($1 + $12)")]
    [InlineData("select\t1\r\n,\f2", "SELECT 1, 2")]
    public void Comments_and_whitespace_separate_tokens(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("CAST(x AS INT2)", "CAST(x AS SMALLINT)")]
    [InlineData("x::int4", "CAST(x AS INTEGER)")]
    [InlineData("x::INT8", "CAST(x AS BIGINT)")]
    [InlineData("x::float4", "CAST(x AS REAL)")]
    [InlineData("x::FLOAT(24)", "CAST(x AS REAL)")]
    [InlineData("x::float(25)", "CAST(x AS DOUBLE PRECISION)")]
    [InlineData("x::float", "CAST(x AS DOUBLE PRECISION)")]
    [InlineData("x::double precision", "CAST(x AS DOUBLE PRECISION)")]
    [InlineData("x::decimal(10,2)", "CAST(x AS NUMERIC(10, 2))")]
    [InlineData("x::character varying(5)", "CAST(x AS VARCHAR(5))")]
    [InlineData("x::character(3)", "CAST(x AS CHAR(3))")]
    [InlineData("x::bool", "CAST(x AS BOOLEAN)")]
    [InlineData("x::timestamp without time zone", "CAST(x AS TIMESTAMP)")]
    [InlineData("x::timestamp with time zone", "CAST(x AS timestamptz)")]
    [InlineData("x::pg_catalog.text", "CAST(x AS text)")]
    [InlineData("x::bytea::tsvector", "CAST(CAST(x AS bytea) AS tsvector)")]
    [InlineData("x::tsquery", "CAST(x AS tsquery)")]
    [InlineData("DATE '2024-01-01'", "CAST('2024-01-01' AS date)")]
    [InlineData("TIMESTAMP '2024-01-01 10:00'", "CAST('2024-01-01 10:00' AS TIMESTAMP)")]
    [InlineData("INTERVAL '1 day'", "CAST('1 day' AS INTERVAL)")]
    [InlineData("DOUBLE PRECISION '1.5'", "CAST('1.5' AS DOUBLE PRECISION)")]
    [InlineData("int '1'", "CAST('1' AS INTEGER)")]
    public void Type_names_are_normalized(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("count(*)", "count(*)")]
    [InlineData("count(DISTINCT a)", "count(DISTINCT a)")]
    [InlineData("string_agg(a, ',' ORDER BY b DESC)", "string_agg(a, ',' ORDER BY b DESC)")]
    [InlineData("sum(x) FILTER (WHERE x > 0)", "sum(x) FILTER (WHERE (x > 0))")]
    [InlineData("coalesce(a, b, 0)", "coalesce(a, b, 0)")]
    [InlineData("NULLIF(a, 0) + GREATEST(1, 2) + least(3, 4)", "((nullif(a, 0) + greatest(1, 2)) + least(3, 4))")]
    [InlineData("EXTRACT(YEAR FROM d)", "\"extract\"('year', d)")]
    [InlineData("SUBSTRING(s FROM 2 FOR 3)", "substring(s, 2, 3)")]
    [InlineData("substring(s from 2)", "substring(s, 2)")]
    [InlineData("substring(s for 3)", "substring(s, 1, 3)")]
    [InlineData("substring(s, 2, 3)", "substring(s, 2, 3)")]
    [InlineData("POSITION('b' IN s)", "strpos(s, 'b')")]
    [InlineData("TRIM(s)", "btrim(s)")]
    [InlineData("TRIM(BOTH 'x' FROM s)", "btrim(s, 'x')")]
    [InlineData("TRIM(LEADING FROM s)", "ltrim(s)")]
    [InlineData("trim(trailing 'xy' from s)", "rtrim(s, 'xy')")]
    [InlineData("left(s, 2) || right(s, 1)", "(left(s, 2) || right(s, 1))")]
    [InlineData("pg_catalog.lower(s)", "pg_catalog.lower(s)")]
    [InlineData("now()", "now()")]
    [InlineData("CURRENT_DATE + 1", "(CURRENT_DATE + 1)")]
    [InlineData("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP")]
    [InlineData("LOCALTIMESTAMP", "LOCALTIMESTAMP")]
    [InlineData("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END", "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END")]
    [InlineData("CASE a + 1 WHEN 1 THEN 'x' END", "CASE (a + 1) WHEN 1 THEN 'x' END")]
    [InlineData("(1, 'a')", "ROW(1, 'a')")]
    [InlineData("ROW()", "ROW()")]
    [InlineData("to_tsvector('english', body) @@ to_tsquery('english', 'cat & dog')",
        "(to_tsvector('english', body) @@ to_tsquery('english', 'cat & dog'))")]
    [InlineData("t.a + s.t.b", "(t.a + s.t.b)")]
    public void Calls_and_special_forms(string sql, string expected) => Assert.Equal(expected, Expr(sql));
}
