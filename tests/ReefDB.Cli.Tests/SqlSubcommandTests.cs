using ReefDB.Cli.Sessions;
using ReefDB.Cli.Tests.Fakes;

namespace ReefDB.Cli.Tests;

public sealed class SqlSubcommandTests
{
    [Fact]
    public void Runs_the_sql_argument_and_prints_tags_and_tables()
    {
        var cli = new TestEnvironment(TinySql.Answer);
        var exit = cli.Run("sql", "CREATE TABLE t(a INT, b TEXT); INSERT INTO t VALUES (1, 'x'); SELECT a, b FROM t");
        Assert.Equal(0, exit);
        Assert.Equal("CREATE TABLE\nINSERT 0 1\n a  | b\n----+---\n  1 | x\n 22 |\n(2 rows)\n\n", cli.Output);
        Assert.Equal(string.Empty, cli.Error);
        Assert.True(cli.Sessions.Opened.Single().Disposed);
    }

    [Fact]
    public void Csv_and_json_print_only_row_returning_statements()
    {
        var csv = new TestEnvironment(TinySql.Answer);
        Assert.Equal(0, csv.Run("sql", "--format", "csv", "CREATE TABLE t(a INT, b TEXT); SELECT a, b FROM t"));
        Assert.Equal("a,b\n1,x\n22,\n", csv.Output);

        var json = new TestEnvironment(TinySql.Answer);
        Assert.Equal(0, json.Run("sql", "--format", "json", "INSERT INTO t VALUES (1, 'x'); SELECT a, b FROM t; SELECT 1"));
        Assert.Equal("""
            {"columns":["a","b"],"rows":[[1,"x"],[22,null]]}
            {"columns":["?column?"],"rows":[[1]]}

            """.Replace("\r", string.Empty, StringComparison.Ordinal), json.Output);
    }

    [Fact]
    public void Reads_statements_from_standard_input_when_it_is_not_a_terminal()
    {
        var cli = new TestEnvironment(TinySql.Answer, input: "CREATE TABLE t(a INT, b TEXT);\nSELECT\n1");
        Assert.Equal(0, cli.Run("sql"));
        Assert.Equal("CREATE TABLE\n ?column?\n----------\n        1\n(1 row)\n\n", cli.Output);
    }

    [Fact]
    public void Prints_each_result_before_the_next_statement_runs()
    {
        string? outputSeenBySecondStatement = null;
        TestEnvironment? cli = null;
        cli = new TestEnvironment(sql =>
        {
            if (sql == "SELECT 2")
            {
                outputSeenBySecondStatement = cli!.Output;
            }

            return StatementOutcome.Query("SELECT 1", ["n"], [[sql == "SELECT 1" ? 1L : 2L]]);
        }, input: "SELECT 1;\nSELECT 2;\n");
        Assert.Equal(0, cli.Run("sql", "--format", "csv"));
        Assert.Equal("n\n1\n", outputSeenBySecondStatement);
        Assert.Equal("n\n1\nn\n2\n", cli.Output);
    }

    [Fact]
    public void Stops_at_the_first_error_and_exits_non_zero_with_the_sqlstate()
    {
        var cli = new TestEnvironment(TinySql.Answer, input: "SELECT 1;\n  SELECT nope FROM t;\nSELECT 1;\n");
        Assert.Equal(1, cli.Run("sql", "--format", "csv"));
        Assert.Equal("?column?\n1\n", cli.Output);
        Assert.Equal("ERROR: 42703: column \"nope\" does not exist at line 2, column 10\n", cli.Error);
        Assert.Equal(["SELECT 1", "SELECT nope FROM t"], cli.Sessions.Opened.Single().Executed);
    }

    [Fact]
    public void Syntax_errors_give_line_and_column_in_the_whole_script()
    {
        var cli = new TestEnvironment(TinySql.Answer);
        Assert.Equal(1, cli.Run("sql", "SELECT 1;\n\nSELEC 2"));
        Assert.Equal("ERROR: 42601: syntax error at or near \"SELEC\" at line 3, column 1\n", cli.Error);
    }

    [Fact]
    public void A_path_opens_a_durable_database_and_memory_stays_in_memory()
    {
        var cli = new TestEnvironment(TinySql.Answer);
        Assert.Equal(0, cli.Run("sql", "--db", "/tmp/x.reef", "SELECT 1"));
        Assert.Equal(["/tmp/x.reef"], cli.Sessions.OpenedPaths);

        var memory = new TestEnvironment(TinySql.Answer);
        Assert.Equal(0, memory.Run("sql", "--db", ":memory:", "SELECT 1"));
        Assert.Empty(memory.Sessions.OpenedPaths);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var cli = new TestEnvironment(TinySql.Answer);
        Assert.NotEqual(0, cli.Run("sql", "--format", "xml", "SELECT 1"));
        Assert.Contains("xml", cli.Error, StringComparison.Ordinal);
        Assert.Empty(cli.Sessions.Opened);
    }

    [Fact]
    public void An_exception_from_the_session_is_reported_as_an_internal_error_not_a_crash()
    {
        var cli = new TestEnvironment(_ => throw new InvalidOperationException("boom"));
        Assert.Equal(1, cli.Run("sql", "SELECT 1"));
        Assert.Equal("ERROR: XX000: InvalidOperationException: boom\n", cli.Error);
    }
}
