using System.Text;
using ReefDB.Sql.Syntax;

namespace ReefDB.Cli.Shell;

/// <summary>
/// Cuts SQL text into statements at top-level <c>;</c>, incrementally: text arrives in chunks (lines
/// typed or read from a pipe) and each statement comes out as soon as its <c>;</c> has arrived, which
/// is what lets <c>reefdb sql</c> print each result before the next statement is even read.
/// </summary>
/// <remarks>
/// The lexical rules (strings, quoted identifiers, dollar quotes, comments) are the engine's
/// <see cref="SqlScriptSplitter"/>'s; this class only keeps the unfinished statement between chunks.
/// Whether a <c>;</c> is top-level depends only on the text before it, so a statement cut from the text
/// received so far never changes when more arrives. The pending text is split again only when a chunk
/// brings a <c>;</c> (no statement can end otherwise), so feeding a long statement line by line stays linear.
/// </remarks>
internal sealed class ScriptSplitter
{
    private readonly StringBuilder pending = new();
    private readonly Queue<ScriptStatement> ready = new();
    private int line = 1, column = 1; // script position of pending[0]

    /// <summary>True while the statement being received is inside a string, identifier or comment.</summary>
    public bool InsideLiteralOrComment => SqlScriptSplitter.Split(pending.ToString()).EndsInsideQuoteOrComment;

    /// <summary>True when text of an unfinished statement is waiting for its <c>;</c>.</summary>
    public bool HasPendingStatement => !SqlScriptSplitter.Split(pending.ToString()).IsComplete;

    /// <summary>Adds text; complete statements become available from <see cref="TryTake"/>.</summary>
    public void Append(string text)
    {
        pending.Append(text);
        if (text.Contains(';', StringComparison.Ordinal))
        {
            Cut(SqlScriptSplitter.Split(pending.ToString()));
        }
    }

    /// <summary>Ends the input: a last statement without <c>;</c> becomes available too.</summary>
    public void Finish()
    {
        var text = pending.ToString();

        // The newline ends a trailing line comment; in an open string or block comment the added ';' is
        // swallowed and the unfinished text is given as it is, for the parser to report.
        var split = SqlScriptSplitter.Split(text + "\n;");
        if (split.Statements.Count > 0)
        {
            Cut(split with { RemainderOffset = text.Length });
        }
        else if (text.Trim().Length > 0 && !split.IsComplete)
        {
            var start = text.Length - text.TrimStart().Length;
            Advance(text, start);
            ready.Enqueue(new ScriptStatement(text.Trim(), line, column));
        }

        DiscardPending();
    }

    /// <summary>Takes the next complete statement, in script order.</summary>
    public bool TryTake(out ScriptStatement statement) => ready.TryDequeue(out statement);

    /// <summary>Forgets an unfinished statement (the shell's answer to a cancelled input).</summary>
    public void DiscardPending()
    {
        Advance(pending.ToString(), pending.Length);
        pending.Clear();
    }

    /// <summary>Splits a whole text at once.</summary>
    public static IEnumerable<ScriptStatement> Split(string script)
    {
        var splitter = new ScriptSplitter();
        splitter.Append(script);
        splitter.Finish();
        while (splitter.TryTake(out var statement))
        {
            yield return statement;
        }
    }

    private void Cut(ScriptSplit split)
    {
        foreach (var statement in split.Statements)
        {
            var p = statement.Position;
            ready.Enqueue(new ScriptStatement(statement.Text, line + p.Line - 1, p.Line == 1 ? column + p.Column - 1 : p.Column));
        }

        var consumed = Math.Min(split.RemainderOffset, pending.Length);
        Advance(pending.ToString(0, consumed), consumed);
        pending.Remove(0, consumed);
    }

    /// <summary>Moves the script position of <c>pending[0]</c> past the first <paramref name="count"/> characters of <paramref name="text"/>.</summary>
    private void Advance(string text, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
    }
}
