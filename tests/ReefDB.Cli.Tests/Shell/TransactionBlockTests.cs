using ReefDB.Cli.Shell;
using ReefDB.Cli.Tests.Fakes;

namespace ReefDB.Cli.Tests.Shell;

public sealed class TransactionBlockTests
{
    [Theory]
    [InlineData("BEGIN", true, false)]
    [InlineData("begin transaction isolation level serializable", true, false)]
    [InlineData("  -- c\n/* d */ START TRANSACTION", true, false)]
    [InlineData("START", false, false)]
    [InlineData("COMMIT", false, true)]
    [InlineData("end", false, true)]
    [InlineData("ABORT", false, true)]
    [InlineData("ROLLBACK", false, true)]
    [InlineData("ROLLBACK TO SAVEPOINT a", false, false)]
    [InlineData("rollback work to a", false, false)]
    [InlineData("SELECT 1", false, false)]
    [InlineData("SAVEPOINT a", false, false)]
    public void Recognises_statements_that_open_and_close_a_block(string statement, bool opens, bool closes)
    {
        Assert.Equal((opens, closes), (TransactionControl.Opens(statement), TransactionControl.Closes(statement)));
    }

    [Fact]
    public void A_block_from_begin_to_commit_is_one_call_and_other_statements_one_call_each()
    {
        using var cli = new TestEnvironment(TinySql.Answer);
        var exit = cli.Run("sql", "SELECT 1; BEGIN; INSERT INTO t VALUES (1, 'x');\nCOMMIT; SELECT 1");
        Assert.Equal(0, exit);
        Assert.Equal(["SELECT 1", "BEGIN;\nINSERT INTO t VALUES (1, 'x');\nCOMMIT", "SELECT 1"], cli.Sessions.Opened.Single().Calls);
        Assert.Contains("BEGIN\nINSERT 0 1\nCOMMIT\n", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_inside_a_block_points_into_the_script()
    {
        using var cli = new TestEnvironment(TinySql.Answer, input: "BEGIN;\nSELECT 1;\n   SELECT nope;\nCOMMIT;\nSELECT 1;\n");
        Assert.Equal(1, cli.Run("sql"));
        Assert.Equal("ERROR: 42703: column \"nope\" does not exist at line 3, column 11\n", cli.Error);
        Assert.Single(cli.Sessions.Opened.Single().Calls);
    }

    [Fact]
    public void An_unclosed_block_is_sent_at_the_end_of_input()
    {
        using var cli = new TestEnvironment(TinySql.Answer, input: "BEGIN;\nSELECT 1;\n");
        Assert.Equal(0, cli.Run("sql"));
        Assert.Equal(["BEGIN;\nSELECT 1"], cli.Sessions.Opened.Single().Calls);
    }

    [Fact]
    public void The_shell_prompt_shows_an_open_block()
    {
        var lines = new ScriptedLines("BEGIN;", "SELECT", "1;", "COMMIT;");
        using var cli = new TestEnvironment(TinySql.Answer, terminal: true, lines: lines);
        Assert.Equal(0, cli.Run("sql"));
        Assert.Equal(
            [InteractiveShell.Prompt, InteractiveShell.TransactionPrompt, InteractiveShell.TransactionContinuationPrompt,
             InteractiveShell.TransactionPrompt, InteractiveShell.Prompt],
            lines.Prompts);
        Assert.Equal(["BEGIN;\nSELECT\n1;\nCOMMIT"], cli.Sessions.Opened.Single().Calls);
    }
}
