namespace ReefDB.Sql.Syntax;

/// <summary>
/// A forgiving scanner for <see cref="SqlScriptSplitter"/>: it only needs to know where quoted text and
/// comments begin and end, and never fails (an unterminated construct runs to the end of the text).
/// </summary>
internal sealed class ScriptScanner(string text)
{
    public enum Piece
    {
        Whitespace,
        Comment,
        Semicolon,
        Quoted,
        Other,
    }

    public int Position { get; private set; }

    /// <summary>True if the last piece scanned was a string, identifier or block comment without its end.</summary>
    public bool EndedInsideQuoteOrComment { get; private set; }

    private char At(int offset) => offset < text.Length ? text[offset] : '\0';

    public Piece Next()
    {
        EndedInsideQuoteOrComment = false;
        var c = text[Position];
        if (Lexer.IsWhitespace(c))
        {
            Position++;
            return Piece.Whitespace;
        }

        if (c == ';')
        {
            Position++;
            return Piece.Semicolon;
        }

        if (c == '-' && At(Position + 1) == '-')
        {
            var end = text.IndexOf('\n', Position);
            Position = end < 0 ? text.Length : end;
            return Piece.Comment;
        }

        if (c == '/' && At(Position + 1) == '*')
        {
            SkipBlockComment();
            return Piece.Comment;
        }

        if (c is '\'' or '"')
        {
            var escapes = c == '\'' && Position > 0 && text[Position - 1] is 'e' or 'E'
                && (Position < 2 || !Lexer.IsIdentifierPart(text[Position - 2]));
            SkipQuoted(c, escapes);
            return Piece.Quoted;
        }

        if (c == '$' && (Position == 0 || !Lexer.IsIdentifierPart(text[Position - 1])) && TrySkipDollarQuote())
        {
            return Piece.Quoted;
        }

        if (Lexer.IsIdentifierStart(c))
        {
            // Words are skipped whole so that a '$' inside one is not taken for a dollar quote.
            while (Position < text.Length && Lexer.IsIdentifierPart(text[Position]) && text[Position] != '\'')
            {
                Position++;
            }

            return Piece.Other;
        }

        Position++;
        return Piece.Other;
    }

    private void SkipBlockComment()
    {
        var depth = 0;
        while (Position < text.Length)
        {
            if (text[Position] == '/' && At(Position + 1) == '*')
            {
                depth++;
                Position += 2;
            }
            else if (text[Position] == '*' && At(Position + 1) == '/')
            {
                Position += 2;
                if (--depth == 0)
                {
                    return;
                }
            }
            else
            {
                Position++;
            }
        }

        EndedInsideQuoteOrComment = true;
    }

    private void SkipQuoted(char quote, bool escapes)
    {
        Position++;
        while (Position < text.Length)
        {
            var c = text[Position++];
            if (escapes && c == '\\')
            {
                Position = Math.Min(Position + 1, text.Length);
            }
            else if (c == quote)
            {
                return;
            }
        }

        EndedInsideQuoteOrComment = true;
    }

    private bool TrySkipDollarQuote()
    {
        var tagEnd = Position + 1;
        if (At(tagEnd) != '$')
        {
            if (!Lexer.IsIdentifierStart(At(tagEnd)))
            {
                return false;
            }

            while (tagEnd < text.Length && Lexer.IsIdentifierPart(text[tagEnd]) && text[tagEnd] != '$')
            {
                tagEnd++;
            }

            if (At(tagEnd) != '$')
            {
                return false;
            }
        }

        var tag = text.Substring(Position, tagEnd + 1 - Position);
        var close = text.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            Position = text.Length;
            EndedInsideQuoteOrComment = true;
        }
        else
        {
            Position = close + tag.Length;
        }

        return true;
    }
}
