using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Tests.Sessions;

/// <summary>The adapter to the real engine, through the whole command.</summary>
public sealed class EngineSessionTests
{
    private static (int Exit, string Output, string Error) Run(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(
            new StringReader(input), output, error, InputIsTerminal: false,
            () => throw new InvalidOperationException(), new EngineSessionFactory());
        var exit = CliApplication.Run(args, environment);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Runs_sql_on_the_engine_with_typed_values()
    {
        var (exit, output, error) = Run(
            "CREATE TABLE t(a INT, b TEXT, c DOUBLE PRECISION, d NUMERIC, e BOOLEAN);\n" +
            "INSERT INTO t VALUES (1, 'x', 1.5, 2.50, true), (2, NULL, 1e20, -1, false);\n" +
            "SELECT * FROM t ORDER BY a;\n",
            "sql", "--format", "json");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        Assert.Equal("""{"columns":["a","b","c","d","e"],"rows":[[1,"x",1.5,2.50,true],[2,null,1E+20,-1,false]]}""" + "\n", output);
    }

    [Fact]
    public void Reports_engine_errors_with_their_sqlstate_and_position()
    {
        var (exit, output, error) = Run(string.Empty, "sql", "SELECT 1;\nSELECT 1/0");
        Assert.Equal(1, exit);
        Assert.Contains("(1 row)", output, StringComparison.Ordinal);
        Assert.Equal("ERROR: 22012: division by zero\n", error);

        (exit, _, error) = Run(string.Empty, "sql", "SELECT 1;\n  SELEC 2");
        Assert.Equal(1, exit);
        Assert.StartsWith("ERROR: 42601: ", error, StringComparison.Ordinal);
        Assert.EndsWith(" at line 2, column 3\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transaction_block_commits_across_statements()
    {
        var (exit, output, error) = Run(
            "CREATE TABLE t(a INT);\nBEGIN;\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\nCOMMIT;\nSELECT count(*) FROM t;\n",
            "sql", "--format", "csv");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        Assert.Equal("count\n2\n", output);
    }

    [Fact]
    public void The_real_corpus_excerpt_passes_on_the_engine()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "LogicTest", "testdata", "select1_excerpt.test");
        var (exit, output, _) = Run(string.Empty, "logictest", path);
        Assert.Equal("32 passed, 0 failed\n", output.Split('\n', 2)[1]);
        Assert.Equal(0, exit);
    }
}
