using System.Text;

namespace ReefDB.Cli.Shell;

/// <summary>
/// Cuts SQL text into statements at top-level <c>;</c>, incrementally: text arrives in chunks (lines
/// typed or read from a pipe) and each statement comes out as soon as its <c>;</c> has arrived, which
/// is what lets <c>reefdb sql</c> print each result before the next statement is even read.
/// </summary>
/// <remarks>
/// Hand-written because the engine's own splitter works on a whole text, not on a stream. It knows
/// just enough PostgreSQL lexing to not cut inside: '…' strings ('' escapes; E'…' backslash escapes),
/// "…" identifiers, $tag$…$tag$ strings, -- comments and nested /* */ comments. Statements holding only
/// whitespace and comments are dropped. Invariant: <c>scan</c> never passes a character whose meaning
/// depends on characters not yet received; it waits for more input instead.
/// </remarks>
internal sealed class ScriptSplitter
{
    private enum State { Code, Quote, EscapeQuote, Identifier, LineComment, BlockComment, DollarQuote }

    private readonly StringBuilder pending = new();
    private readonly Queue<ScriptStatement> ready = new();
    private State state = State.Code;
    private int blockDepth;
    private string dollarTag = string.Empty;
    private int scan;                  // next index of `pending` to examine
    private int statementStart = -1;   // index of the statement's first non-blank character, or -1
    private bool significant;          // the statement holds something other than blanks and comments
    private int line = 1, column = 1;  // position of pending[scan] in the whole script
    private int startLine, startColumn;
    private bool cutHere;              // the character just examined was a top-level ';'

    /// <summary>True while the statement being received is inside a string, identifier or comment.</summary>
    public bool InsideLiteralOrComment => state != State.Code;

    /// <summary>True when text of an unfinished statement is waiting for its <c>;</c>.</summary>
    public bool HasPendingStatement => significant || state != State.Code;

    /// <summary>Adds text; complete statements become available from <see cref="TryTake"/>.</summary>
    public void Append(string text)
    {
        pending.Append(text);
        Scan(endOfInput: false);
    }

    /// <summary>Ends the input: a last statement without <c>;</c> becomes available too.</summary>
    public void Finish()
    {
        Scan(endOfInput: true);
        if (significant)
        {
            Emit(pending.Length);
        }

        Reset(pending.Length);
    }

    /// <summary>Takes the next complete statement, in script order.</summary>
    public bool TryTake(out ScriptStatement statement) => ready.TryDequeue(out statement);

    /// <summary>Forgets an unfinished statement (the shell's answer to a cancelled input).</summary>
    public void DiscardPending()
    {
        Scan(endOfInput: true);
        Reset(pending.Length);
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

    private void Scan(bool endOfInput)
    {
        while (scan < pending.Length)
        {
            var consumed = Step(endOfInput);
            if (consumed == 0)
            {
                return; // needs a character that has not arrived yet
            }

            for (var i = 0; i < consumed; i++)
            {
                Advance();
            }

            if (cutHere)
            {
                cutHere = false;
                if (significant)
                {
                    Emit(scan - 1);
                }

                Reset(scan);
            }
        }
    }

    private void Advance()
    {
        if (pending[scan] == '\n')
        {
            line++;
            column = 1;
        }
        else
        {
            column++;
        }

        scan++;
    }

    /// <summary>Examines <c>pending[scan]</c> and returns how many characters it consumed (0: wait).</summary>
    private int Step(bool endOfInput)
    {
        var c = pending[scan];
        char? next = scan + 1 < pending.Length ? pending[scan + 1] : null;
        var needNext = next is null && !endOfInput;
        switch (state)
        {
            case State.LineComment:
                if (c == '\n')
                {
                    state = State.Code;
                }

                return 1;
            case State.BlockComment:
                if (c is '*' or '/' && needNext)
                {
                    return 0;
                }

                if (c == '*' && next == '/')
                {
                    state = --blockDepth == 0 ? State.Code : State.BlockComment;
                    return 2;
                }

                if (c == '/' && next == '*')
                {
                    blockDepth++;
                    return 2;
                }

                return 1;
            case State.Quote or State.EscapeQuote:
                if (c == '\\' && state == State.EscapeQuote)
                {
                    return needNext ? 0 : Math.Min(2, pending.Length - scan);
                }

                if (c == '\'')
                {
                    if (needNext)
                    {
                        return 0;
                    }

                    if (next == '\'')
                    {
                        return 2;
                    }

                    state = State.Code;
                }

                return 1;
            case State.Identifier:
                if (c == '"')
                {
                    if (needNext)
                    {
                        return 0;
                    }

                    if (next == '"')
                    {
                        return 2;
                    }

                    state = State.Code;
                }

                return 1;
            case State.DollarQuote:
                if (c == '$' && MatchesAt(scan, dollarTag))
                {
                    state = State.Code;
                    return dollarTag.Length;
                }

                if (c == '$' && !endOfInput && scan + dollarTag.Length > pending.Length)
                {
                    return 0;
                }

                return 1;
            default:
                return StepCode(c, next, needNext, endOfInput);
        }
    }

    private int StepCode(char c, char? next, bool needNext, bool endOfInput)
    {
        if (char.IsWhiteSpace(c))
        {
            return 1;
        }

        if (c is '-' or '/' && needNext)
        {
            return 0;
        }

        if (c == '-' && next == '-')
        {
            MarkStart(significantChar: false);
            state = State.LineComment;
            return 2;
        }

        if (c == '/' && next == '*')
        {
            MarkStart(significantChar: false);
            state = State.BlockComment;
            blockDepth = 1;
            return 2;
        }

        if (c == ';')
        {
            cutHere = true;
            return 1;
        }

        if (c == '$' && (scan == 0 || !IsIdentifierChar(pending[scan - 1])))
        {
            var tagEnd = scan + 1;
            while (tagEnd < pending.Length && IsTagChar(pending[tagEnd]) &&
                   !(tagEnd == scan + 1 && char.IsAsciiDigit(pending[tagEnd])))
            {
                tagEnd++;
            }

            if (tagEnd == pending.Length && !endOfInput)
            {
                return 0;
            }

            if (tagEnd < pending.Length && pending[tagEnd] == '$')
            {
                MarkStart(significantChar: true);
                dollarTag = pending.ToString(scan, tagEnd - scan + 1);
                state = State.DollarQuote;
                return dollarTag.Length;
            }
        }

        MarkStart(significantChar: true);
        if (c == '\'')
        {
            var escapes = scan > 0 && pending[scan - 1] is 'e' or 'E' &&
                          (scan < 2 || !IsIdentifierChar(pending[scan - 2]));
            state = escapes ? State.EscapeQuote : State.Quote;
        }
        else if (c == '"')
        {
            state = State.Identifier;
        }

        return 1;
    }

    private void MarkStart(bool significantChar)
    {
        if (statementStart < 0)
        {
            statementStart = scan;
            startLine = line;
            startColumn = column;
        }

        significant |= significantChar;
    }

    private void Emit(int end)
    {
        var text = pending.ToString(statementStart, end - statementStart).TrimEnd();
        ready.Enqueue(new ScriptStatement(text, startLine, startColumn));
    }

    /// <summary>Drops everything before <paramref name="cut"/> and starts a new statement there.</summary>
    private void Reset(int cut)
    {
        // Keep the line/column counters right for characters dropped without being scanned.
        while (scan < cut)
        {
            Advance();
        }

        pending.Remove(0, cut);
        scan = 0;
        statementStart = -1;
        significant = false;
        state = State.Code;
        blockDepth = 0;
    }

    private bool MatchesAt(int index, string text)
    {
        if (index + text.Length > pending.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (pending[index + i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierChar(char c) => IsTagChar(c) || c == '$';

    private static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
