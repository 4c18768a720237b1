namespace ReefDB.Cli.Shell;

/// <summary>
/// Turns SQL text arriving in pieces into calls of the database: each statement is run (and its
/// outcome printed) as soon as its <c>;</c> arrives, except inside a transaction block, which is held
/// from BEGIN to its COMMIT/ROLLBACK and run as one call (see <see cref="TransactionControl"/>).
/// </summary>
internal sealed class ScriptRunner(StatementPrinter printer)
{
    private readonly ScriptSplitter splitter = new();
    private readonly List<ScriptStatement> block = [];

    /// <summary>True while an unfinished statement is being received.</summary>
    public bool HasPendingStatement => splitter.HasPendingStatement;

    /// <summary>True while the text received ends inside a string, identifier or comment.</summary>
    public bool InsideLiteralOrComment => splitter.InsideLiteralOrComment;

    /// <summary>True between a BEGIN and its COMMIT/ROLLBACK: statements wait to be run together.</summary>
    public bool InTransactionBlock => block.Count > 0;

    /// <summary>Adds text and runs what it completes. Returns false when a call failed; with
    /// <paramref name="stopOnError"/> nothing after the failure is run.</summary>
    public bool Feed(string text, bool stopOnError)
    {
        splitter.Append(text);
        return RunReady(stopOnError);
    }

    /// <summary>Ends the input: runs a last statement without <c>;</c> and an unclosed block (which the
    /// database then rolls back, as PostgreSQL does when a session ends inside a transaction).</summary>
    public bool Finish(bool stopOnError)
    {
        splitter.Finish();
        var ok = RunReady(stopOnError);
        if (block.Count > 0 && (ok || !stopOnError))
        {
            ok &= RunBlock();
        }

        return ok;
    }

    /// <summary>Forgets the statement being typed (not the statements of an open block).</summary>
    public void DiscardPending() => splitter.DiscardPending();

    private bool RunReady(bool stopOnError)
    {
        var ok = true;
        while (splitter.TryTake(out var statement))
        {
            ok &= Dispatch(statement);
            if (!ok && stopOnError)
            {
                return false;
            }
        }

        return ok;
    }

    private bool Dispatch(ScriptStatement statement)
    {
        if (block.Count > 0)
        {
            block.Add(statement);
            return !TransactionControl.Closes(statement.Text) || RunBlock();
        }

        if (TransactionControl.Opens(statement.Text))
        {
            block.Add(statement);
            return true;
        }

        return printer.Run([statement]);
    }

    private bool RunBlock()
    {
        var statements = block.ToArray();
        block.Clear();
        return printer.Run(statements);
    }
}
