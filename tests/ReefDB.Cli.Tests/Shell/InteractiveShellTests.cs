using ReefDB.Cli.Shell;
using ReefDB.Cli.Tests.Fakes;

namespace ReefDB.Cli.Tests.Shell;

public sealed class InteractiveShellTests
{
    [Fact]
    public void Runs_statements_as_they_complete_with_a_continuation_prompt_and_quits_on_backslash_q()
    {
        var lines = new ScriptedLines("CREATE TABLE t(a INT, b TEXT);", "SELECT", "1;", @"\q", "SELECT 1;");
        var cli = new TestEnvironment(TinySql.Answer, terminal: true, lines: lines);
        Assert.Equal(0, cli.Run("sql"));
        Assert.Equal(
            [InteractiveShell.Prompt, InteractiveShell.Prompt, InteractiveShell.ContinuationPrompt, InteractiveShell.Prompt],
            lines.Prompts);
        Assert.EndsWith("CREATE TABLE\n ?column?\n----------\n        1\n(1 row)\n\n", cli.Output, StringComparison.Ordinal);
        Assert.Equal(["CREATE TABLE t(a INT, b TEXT)", "SELECT\n1"], cli.Sessions.Opened.Single().Executed);
    }

    [Fact]
    public void Keeps_going_after_an_error_and_ends_at_end_of_input()
    {
        var lines = new ScriptedLines("SELECT nope;", "SELECT 1;", "SELECT 'unfinished");
        var cli = new TestEnvironment(TinySql.Answer, terminal: true, lines: lines);
        Assert.Equal(0, cli.Run("sql"));
        Assert.Equal("ERROR: 42703: column \"nope\" does not exist at line 1, column 8\n", cli.Error);
        Assert.Contains("(1 row)", cli.Output, StringComparison.Ordinal);
        Assert.Equal(2, cli.Sessions.Opened.Single().Executed.Count);
    }

    [Fact]
    public void Backslash_lines_inside_a_string_are_sql_and_unknown_commands_get_help()
    {
        var lines = new ScriptedLines(@"\x", "SELECT 'a", @"\q", "';", @"\q");
        var cli = new TestEnvironment(TinySql.Answer, terminal: true, lines: lines);
        Assert.Equal(0, cli.Run("sql"));
        Assert.Contains(@"invalid command \x. Try \? for help.", cli.Output, StringComparison.Ordinal);
        Assert.Equal(["SELECT 'a\n\\q\n'"], cli.Sessions.Opened.Single().Executed);
    }
}
