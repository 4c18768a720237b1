using ReefDB.Cli.Output;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Tests.Output;

public sealed class ResultWriterTests
{
    private static readonly StatementOutcome People = StatementOutcome.Query(
        "SELECT 3",
        ["id", "name", "score"],
        [[1L, "alice", 1.5], [22L, null, -0.25], [333L, "", 10.0]]);

    private static string Render(OutputFormat format, params StatementOutcome[] outcomes)
    {
        using var output = new StringWriter();
        var writer = ResultWriters.Create(format, output);
        foreach (var outcome in outcomes)
        {
            writer.Write(outcome);
        }

        return output.ToString();
    }

    [Fact]
    public void Table_aligns_like_psql_with_numbers_right_and_a_row_count()
    {
        Assert.Equal(
            """
             id  | name  | score
            -----+-------+-------
               1 | alice |   1.5
              22 |       | -0.25
             333 |       |    10
            (3 rows)


            """.Replace("\r", string.Empty, StringComparison.Ordinal),
            Render(OutputFormat.Table, People));
    }

    [Fact]
    public void Table_prints_command_tags_and_says_1_row()
    {
        var output = Render(
            OutputFormat.Table,
            StatementOutcome.Command("CREATE TABLE"),
            StatementOutcome.Command("INSERT 0 1", 1),
            StatementOutcome.Query("SELECT 1", ["a"], [[1L]]),
            StatementOutcome.Query("SELECT 0", ["a"], []));
        Assert.Equal("CREATE TABLE\nINSERT 0 1\n a\n---\n 1\n(1 row)\n\n a\n---\n(0 rows)\n\n", output);
    }

    [Fact]
    public void Table_prints_the_tag_after_rows_of_a_statement_that_is_not_a_select()
    {
        var output = Render(OutputFormat.Table, StatementOutcome.Query("INSERT 0 1", ["a"], [[7L]]));
        Assert.Equal(" a\n---\n 7\n(1 row)\n\nINSERT 0 1\n", output);
    }

    [Fact]
    public void Table_continues_multi_line_values_with_a_plus_as_psql_does()
    {
        var output = Render(OutputFormat.Table, StatementOutcome.Query("SELECT 1", ["t", "n"], [["ab\nc", 1L]]));
        Assert.Equal(" t  | n\n----+---\n ab+| 1\n c  |\n(1 row)\n\n", output);
    }

    [Fact]
    public void Csv_quotes_per_rfc_4180_and_tells_null_from_empty()
    {
        var output = Render(
            OutputFormat.Csv,
            StatementOutcome.Command("CREATE TABLE"),
            StatementOutcome.Query("SELECT 4", ["a", "b,c"], [["x,y", 1L], ["say \"hi\"", null], ["", true], ["two\nlines", 2.5m]]));
        Assert.Equal("a,\"b,c\"\n\"x,y\",1\n\"say \"\"hi\"\"\",\n\"\",t\n\"two\nlines\",2.5\n", output);
    }

    [Fact]
    public void Json_writes_one_object_per_statement_with_typed_values()
    {
        var output = Render(
            OutputFormat.Json,
            StatementOutcome.Command("INSERT 0 1", 1),
            People,
            StatementOutcome.Query("SELECT 1", ["n", "b", "f", "t"], [[1.10m, false, double.NaN, "é\"<"]]));
        var lines = output.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("""{"columns":["id","name","score"],"rows":[[1,"alice",1.5],[22,null,-0.25],[333,"",10]]}""", lines[0]);
        Assert.Equal("""{"columns":["n","b","f","t"],"rows":[[1.10,false,"NaN","é\"<"]]}""", lines[1]);
        Assert.Equal(string.Empty, lines[2]);
    }

    [Theory]
    [InlineData(1e20, "1e+20")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(-0.0, "-0")]
    public void Floats_print_as_postgresql_prints_them(double value, string text)
    {
        Assert.Equal(text, ValueText.Format(value));
    }

    [Fact]
    public void Other_values_print_as_postgresql_text()
    {
        Assert.Equal("t", ValueText.Format(true));
        Assert.Equal("1.50", ValueText.Format(1.50m));
        Assert.Equal("1.1", ValueText.Format(1.1f));
        Assert.Equal("-9223372036854775808", ValueText.Format(long.MinValue));
        Assert.Equal("NULL", ValueText.Format(null, "NULL"));
    }
}
