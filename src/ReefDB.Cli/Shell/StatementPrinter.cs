using ReefDB.Cli.Output;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Shell;

/// <summary>Runs statements cut from a script and prints each outcome as soon as it arrives: results
/// through the chosen <see cref="IResultWriter"/>, errors as <c>ERROR: SQLSTATE: message</c> lines on
/// standard error, their positions relative to the whole script. Ctrl-C while they run cancels them
/// (<see cref="StatementInterrupt"/>).</summary>
internal sealed class StatementPrinter(ISqlSession session, IResultWriter results, TextWriter error)
{
    /// <summary>Runs <paramref name="statements"/> as one call of the session (one statement, or a
    /// transaction block); false when it failed.</summary>
    public bool Run(IReadOnlyList<ScriptStatement> statements)
    {
        // Each statement starts on a line of its own in the call, so an error's line tells which
        // statement it is about, and where that is in the script.
        var firstLines = new int[statements.Count];
        for (int k = 0, line = 1; k < statements.Count; k++)
        {
            firstLines[k] = line;
            line += statements[k].Text.Count(c => c == '\n') + 1;
        }

        try
        {
            using var interrupt = StatementInterrupt.Catch();
            foreach (var outcome in session.Execute(string.Join(";\n", statements.Select(s => s.Text)), interrupt.Token))
            {
                if (outcome.Error is { } failure)
                {
                    Report(InScript(failure, statements, firstLines));
                    return false;
                }

                results.Write(outcome);
            }
        }
        catch (Exception e)
        {
            // Sessions report SQL errors as outcomes; anything thrown is a bug, still not a crash.
            Report(new SqlError(SqlError.InternalErrorState, $"{e.GetType().Name}: {e.Message}"));
            return false;
        }

        return true;
    }

    private static SqlError InScript(SqlError failure, IReadOnlyList<ScriptStatement> statements, int[] firstLines)
    {
        if (failure.Line is not { } line)
        {
            return failure;
        }

        var k = Array.FindLastIndex(firstLines, first => first <= line);
        if (k < 0)
        {
            return failure;
        }

        var local = failure with { Line = line - firstLines[k] + 1 };
        return local.ShiftedBy(statements[k].Line, statements[k].Column);
    }

    private void Report(SqlError failure)
    {
        error.Write(failure.Display());
        error.Write('\n');
        error.Flush();
    }
}
