using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using static ReefDB.Sql.Tests.Syntax.ParserTestHelpers;

namespace ReefDB.Sql.Tests.Syntax;

/// <summary>Errors name the offending token as PostgreSQL does and carry its line and column.</summary>
public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("SELEC 1", "syntax error at or near \"SELEC\"", 1, 1)]
    [InlineData("SELECT 1 +", "syntax error at end of input", 1, 11)]
    [InlineData("SELECT * FROM t WHERE", "syntax error at end of input", 1, 22)]
    [InlineData("SELECT 1;\nSELECT * FORM t", "syntax error at or near \"FORM\"", 2, 10)]
    [InlineData("SELECT a b c FROM t", "syntax error at or near \"c\"", 1, 12)]
    [InlineData("SELECT 'abc", "unterminated quoted string", 1, 8)]
    [InlineData("SELECT 1 /* never /* closed */", "unterminated /* comment", 1, 10)]
    [InlineData("SELECT \"abc", "unterminated quoted identifier", 1, 8)]
    [InlineData("SELECT $$abc", "unterminated dollar-quoted string", 1, 8)]
    [InlineData("SELECT \"\"", "zero-length delimited identifier at or near \"\"\"\"", 1, 8)]
    [InlineData("SELECT 123abc", "trailing junk after numeric literal at or near \"123abc\"", 1, 8)]
    [InlineData("SELECT a < b < c", "syntax error at or near \"<\"", 1, 14)]
    [InlineData("SELECT 1 FROM t LIMIT 1, 2", "LIMIT #,# syntax is not supported", 1, 24)]
    [InlineData("SELECT 1 LIMIT 1 LIMIT 2", "multiple LIMIT clauses not allowed", 1, 18)]
    [InlineData("VALUES (1, 2), (3)", "VALUES lists must all be the same length", 1, 16)]
    [InlineData("INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET a = 1",
        "ON CONFLICT DO UPDATE requires inference specification or constraint name", 1, 41)]
    [InlineData("SELECT left FROM t", "syntax error at or near \"left\"", 1, 8)]
    [InlineData("SELECT * FROM t WHERE a = DEFAULT", "DEFAULT is not allowed in this context", 1, 27)]
    [InlineData("SELECT a.b.c.d", "improper qualified name (too many dotted names)", 1, 8)]
    [InlineData("SELECT 1 ! 2", "syntax error at or near \"!\"", 1, 10)]
    [InlineData("CREATE TABLE t (a INT,)", "syntax error at or near \")\"", 1, 23)]
    [InlineData("SELECT 1 = 1 = 1", "syntax error at or near \"=\"", 1, 14)]
    [InlineData("SELECT CASE END", "syntax error at or near \"END\"", 1, 13)]
    [InlineData("SELECT 1 FROM", "syntax error at end of input", 1, 14)]
    public void Errors_name_the_token_and_position(string sql, string message, int line, int column)
    {
        var error = SyntaxError(sql);
        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Position!.Value.Line);
        Assert.Equal(column, error.Position.Value.Column);
    }

    [Fact]
    public void Display_message_appends_the_position()
    {
        var error = SyntaxError("SELECT *\n  FROM t\n WHERE )");
        Assert.Equal("syntax error at or near \")\" at line 3, column 8", error.DisplayMessage);
        Assert.Equal(25, error.Position!.Value.Offset);
    }

    [Theory]
    [InlineData("SELECT E'\\u12'", SqlStates.InvalidEscapeSequence)]
    [InlineData("SELECT E'\\uD800'", SqlStates.InvalidEscapeSequence)]
    [InlineData("SELECT E'\\0'", SqlStates.CharacterNotInRepertoire)]
    [InlineData("SELECT B'012'", SqlStates.InvalidTextRepresentation)]
    [InlineData("SELECT $0", SqlStates.UndefinedParameter)]
    [InlineData("SELECT x[1]", SqlStates.FeatureNotSupported)]
    [InlineData("SELECT row_number() OVER ()", SqlStates.FeatureNotSupported)]
    [InlineData("SELECT CAST(x AS FLOAT(60))", SqlStates.InvalidParameterValue)]
    public void Lexical_and_unsupported_errors_have_their_own_codes(string sql, string sqlState) =>
        Assert.Equal(sqlState, Assert.Throws<SqlException>(() => SqlParser.Parse(sql)).SqlState);

    [Theory]
    [InlineData(2000)]
    [InlineData(100_000)]
    public void Deep_nesting_is_rejected_with_statement_too_complex(int depth)
    {
        string[] inputs =
        [
            "SELECT " + new string('(', depth) + "1" + new string(')', depth),
            "SELECT " + string.Concat(Enumerable.Repeat("- ", depth)) + "1",
            "SELECT " + string.Concat(Enumerable.Repeat("NOT ", depth)) + "true",
            string.Concat(Enumerable.Repeat("SELECT (", depth)) + "1" + new string(')', depth),
            "SELECT 1" + string.Concat(Enumerable.Repeat(" + 1", depth)),
            "SELECT 1" + string.Concat(Enumerable.Repeat(" UNION SELECT 1", depth)),
            "SELECT * FROM t" + string.Concat(Enumerable.Repeat(" CROSS JOIN t", depth)),
            "SELECT 1" + string.Concat(Enumerable.Repeat("::int", depth)),
            "SELECT * FROM " + new string('(', depth) + "SELECT 1" + new string(')', depth) + " s",
        ];
        foreach (var sql in inputs)
        {
            var error = Assert.Throws<SqlException>(() => RunOnOneMegabyteStack(() => SqlParser.Parse(sql)));
            Assert.Equal(SqlStates.StatementTooComplex, error.SqlState);
        }
    }

    [Fact]
    public void Nesting_below_the_limit_parses_on_a_one_megabyte_stack()
    {
        var depth = (Parser.MaxDepth / 4) - 5;
        RunOnOneMegabyteStack(() => SqlParser.Parse(string.Concat(Enumerable.Repeat("SELECT (", depth)) + "1" + new string(')', depth)));
        RunOnOneMegabyteStack(() => SqlParser.Parse("SELECT " + new string('(', depth * 2) + "1" + new string(')', depth * 2)));
        RunOnOneMegabyteStack(() => SqlParser.Parse("SELECT 1 IN (" + string.Join(", ", Enumerable.Range(0, 50_000)) + ")"));
    }

    /// <summary>Runs on a thread with a 1 MB stack, the smallest ReefDB promises to parse on.</summary>
    private static void RunOnOneMegabyteStack(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw failure;
        }
    }
}
