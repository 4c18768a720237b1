namespace ReefDB.Cli.Shell;

/// <summary>
/// The psql-like shell: reads lines, runs each statement once its <c>;</c> is typed, and keeps going
/// after errors. The prompt is <c>reefdb=&gt;</c> for a new statement and <c>reefdb-&gt;</c> while one
/// is unfinished. Lines starting with a backslash (outside a string or comment) are shell commands:
/// <c>\q</c> quits, <c>\?</c> lists them. End of input (Ctrl-D) quits too, dropping an unfinished statement.
/// Between BEGIN and COMMIT the prompt is <c>reefdb=*&gt;</c>: the block's statements are held and run
/// together at COMMIT (see <see cref="ScriptRunner"/>).
/// </summary>
internal sealed class InteractiveShell(ScriptRunner runner, ILineSource lines, TextWriter output)
{
    public const string Prompt = "reefdb=> ";
    public const string ContinuationPrompt = "reefdb-> ";
    public const string TransactionPrompt = "reefdb=*> ";
    public const string TransactionContinuationPrompt = "reefdb-*> ";

    /// <summary>Runs until <c>\q</c> or end of input; returns the exit code (0).</summary>
    public int Run()
    {
        output.Write("reefdb: in-memory database. Type \\? for help, \\q to quit.\n");
        output.Flush();
        while (lines.ReadLine(CurrentPrompt()) is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('\\') && !runner.InsideLiteralOrComment)
            {
                if (!RunMetaCommand(trimmed))
                {
                    break;
                }

                continue;
            }

            runner.Feed(line + "\n", stopOnError: false);
        }

        // Leaving inside BEGIN … : the block is sent and rolled back, as when a psql session ends.
        runner.DiscardPending();
        runner.Finish(stopOnError: false);
        return 0;
    }

    private string CurrentPrompt() => (runner.HasPendingStatement, runner.InTransactionBlock) switch
    {
        (false, false) => Prompt,
        (true, false) => ContinuationPrompt,
        (false, true) => TransactionPrompt,
        (true, true) => TransactionContinuationPrompt,
    };

    /// <summary>Runs a backslash command; false when the shell should end.</summary>
    private bool RunMetaCommand(string command)
    {
        var name = command.Split(' ', 2)[0];
        switch (name)
        {
            case "\\q":
                return false;
            case "\\?":
                output.Write("""
                    SQL statements end with ';' and may span lines.
                      \q    quit
                      \r    forget the statement being typed
                      \?    this help

                    """);
                break;
            case "\\r":
                runner.DiscardPending();
                output.Write("Query buffer reset (cleared).\n");
                break;
            default:
                output.Write($"invalid command {name}. Try \\? for help.\n");
                break;
        }

        output.Flush();
        return true;
    }
}
