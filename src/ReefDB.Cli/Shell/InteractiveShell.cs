namespace ReefDB.Cli.Shell;

/// <summary>
/// The psql-like shell: reads lines, runs each statement once its <c>;</c> is typed, and keeps going
/// after errors. The prompt is <c>reefdb=&gt;</c> for a new statement and <c>reefdb-&gt;</c> while one
/// is unfinished. Lines starting with a backslash (outside a string or comment) are shell commands:
/// <c>\q</c> quits, <c>\?</c> lists them. End of input (Ctrl-D) quits too, dropping an unfinished statement.
/// </summary>
internal sealed class InteractiveShell(StatementPrinter printer, ILineSource lines, TextWriter output)
{
    public const string Prompt = "reefdb=> ";
    public const string ContinuationPrompt = "reefdb-> ";

    /// <summary>Runs until <c>\q</c> or end of input; returns the exit code (0).</summary>
    public int Run()
    {
        output.Write("reefdb: in-memory database. Type \\? for help, \\q to quit.\n");
        output.Flush();
        var splitter = new ScriptSplitter();
        while (lines.ReadLine(splitter.HasPendingStatement ? ContinuationPrompt : Prompt) is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('\\') && !splitter.InsideLiteralOrComment)
            {
                if (!RunMetaCommand(trimmed, splitter))
                {
                    return 0;
                }

                continue;
            }

            splitter.Append(line + "\n");
            while (splitter.TryTake(out var statement))
            {
                printer.Run(statement);
            }
        }

        return 0;
    }

    /// <summary>Runs a backslash command; false when the shell should end.</summary>
    private bool RunMetaCommand(string command, ScriptSplitter splitter)
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
                splitter.DiscardPending();
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
