using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>
/// Splits SQL script text into statements at top-level semicolons, without parsing them, so that a
/// shell can run each statement as soon as its <c>;</c> arrives and knows when to prompt for a
/// continuation line. Semicolons inside <c>'strings'</c> (including <c>E'\''</c> escapes),
/// <c>"identifiers"</c>, <c>$tag$dollar quotes$tag$</c>, <c>-- comments</c> and nested
/// <c>/* comments */</c> do not split, following the same lexical rules as the parser.
/// </summary>
/// <remarks>Never throws: malformed text is split as well as possible and left to the parser to report.</remarks>
public static class SqlScriptSplitter
{
    /// <summary>Splits <paramref name="script"/>; see <see cref="ScriptSplit"/> for what comes back.</summary>
    public static ScriptSplit Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var scanner = new ScriptScanner(script);
        var map = new SourceMap(script);
        var statements = new List<ScriptStatement>();
        var contentStart = -1;
        var contentEnd = -1;
        var segmentStart = 0;
        while (scanner.Position < script.Length)
        {
            var start = scanner.Position;
            var kind = scanner.Next();
            switch (kind)
            {
                case ScriptScanner.Piece.Whitespace or ScriptScanner.Piece.Comment:
                    break;
                case ScriptScanner.Piece.Semicolon:
                    if (contentStart >= 0)
                    {
                        statements.Add(new ScriptStatement(script[contentStart..contentEnd], map.PositionOf(contentStart)));
                    }

                    contentStart = -1;
                    segmentStart = scanner.Position;
                    break;
                default:
                    if (contentStart < 0)
                    {
                        contentStart = start;
                    }

                    contentEnd = scanner.Position;
                    break;
            }
        }

        var open = scanner.EndedInsideQuoteOrComment;
        return new ScriptSplit(statements, script[segmentStart..], segmentStart, contentStart < 0 && !open) { EndsInsideQuoteOrComment = open };
    }
}

/// <summary>The result of <see cref="SqlScriptSplitter.Split"/>.</summary>
/// <param name="Statements">Each statement terminated by a <c>;</c>, in order, without the <c>;</c> and
/// without surrounding whitespace and comments; empty statements are left out.</param>
/// <param name="Remainder">The text after the last top-level <c>;</c> (the whole text if there is
/// none): an unfinished statement to keep and prepend to the next input, or only whitespace and
/// comments.</param>
/// <param name="RemainderOffset">Where <paramref name="Remainder"/> starts in the script.</param>
/// <param name="IsComplete">True when the remainder holds no statement text and no open string,
/// identifier or comment: the input ends with a complete statement (or is empty), so an interactive
/// shell should not prompt for a continuation line. A final statement without <c>;</c> is incomplete.</param>
public sealed record ScriptSplit(
    IReadOnlyList<ScriptStatement> Statements, string Remainder, int RemainderOffset, bool IsComplete)
{
    /// <summary>True when the text ends inside a string, quoted identifier or block comment (a shell must
    /// not read a line typed there as one of its own commands).</summary>
    public bool EndsInsideQuoteOrComment { get; init; }
}

/// <summary>One statement of a script: its text, and where it starts (line, column, offset).</summary>
/// <param name="Text">The statement without its terminating <c>;</c>.</param>
/// <param name="Position">The position of its first character in the script.</param>
public sealed record ScriptStatement(string Text, SourcePosition Position);
