using ReefDB.Cli.Output;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Shell;

/// <summary>Runs statements cut from a script and prints each outcome as soon as it arrives: results
/// through the chosen <see cref="IResultWriter"/>, errors as <c>ERROR: SQLSTATE: message</c> lines on
/// standard error, their positions relative to the whole script.</summary>
internal sealed class StatementPrinter(ISqlSession session, IResultWriter results, TextWriter error)
{
    /// <summary>Runs one statement; false when it failed.</summary>
    public bool Run(ScriptStatement statement)
    {
        try
        {
            foreach (var outcome in session.Execute(statement.Text))
            {
                if (outcome.Error is { } failure)
                {
                    Report(failure.ShiftedBy(statement.Line, statement.Column));
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

    private void Report(SqlError failure)
    {
        error.Write(failure.Display());
        error.Write('\n');
        error.Flush();
    }
}
