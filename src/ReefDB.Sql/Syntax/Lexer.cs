using System.Text;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>
/// Splits SQL text into tokens following PostgreSQL's lexical rules (section 4.1 of its manual):
/// identifiers fold to lower case, <c>"quoted"</c> ones keep case, comments (<c>--</c> and nested
/// <c>/* */</c>) and whitespace vanish, operators follow PostgreSQL's longest-match rule.
/// Hand-written rather than generated: the rules are few, and errors need PostgreSQL's wording.
/// </summary>
/// <remarks>Throws <see cref="SqlException"/> (42601) for unterminated strings, identifiers and
/// comments and malformed numbers; the token list always ends with one <see cref="TokenKind.EndOfInput"/>.</remarks>
internal sealed partial class Lexer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?";

    // Operators that may end in + or - (a longer operator must contain one of these to keep a trailing sign).
    private const string SignKeepingChars = "~!@#%^&|`?";

    private readonly string text;
    private readonly SourceMap map;
    private readonly List<Token> tokens = [];
    private int pos;

    private Lexer(SourceMap map)
    {
        this.map = map;
        text = map.Text;
    }

    public static List<Token> Tokenize(SourceMap map)
    {
        var lexer = new Lexer(map);
        lexer.Run();
        return lexer.tokens;
    }

    public static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or >= '\u0080';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is (>= '0' and <= '9') or '$';

    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private char At(int offset) => offset < text.Length ? text[offset] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipWhitespaceAndComments();
            if (pos >= text.Length)
            {
                tokens.Add(new Token(TokenKind.EndOfInput, "", text.Length, 0));
                return;
            }

            tokens.Add(NextToken());
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (IsWhitespace(c))
            {
                pos++;
            }
            else if (c == '-' && At(pos + 1) == '-')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    pos++;
                }
            }
            else if (c == '/' && At(pos + 1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var start = pos;
        var depth = 0;
        while (pos < text.Length)
        {
            if (text[pos] == '/' && At(pos + 1) == '*')
            {
                depth++;
                pos += 2;
            }
            else if (text[pos] == '*' && At(pos + 1) == '/')
            {
                depth--;
                pos += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                pos++;
            }
        }

        throw Error("unterminated /* comment", start);
    }

    private Token NextToken()
    {
        var start = pos;
        var c = text[pos];
        var next = At(pos + 1);
        switch (c)
        {
            case '\'':
                return Make(TokenKind.String, ReadQuotedString(escapes: false), start);
            case '"':
                return Make(TokenKind.QuotedIdentifier, ReadQuotedIdentifier(), start);
            case '$':
                return ReadDollar(start);
            case '(':
                return Single(TokenKind.LeftParen);
            case ')':
                return Single(TokenKind.RightParen);
            case '[':
                return Single(TokenKind.LeftBracket);
            case ']':
                return Single(TokenKind.RightBracket);
            case ',':
                return Single(TokenKind.Comma);
            case ';':
                return Single(TokenKind.Semicolon);
            case ':':
                if (next == ':')
                {
                    pos += 2;
                    return Make(TokenKind.DoubleColon, "::", start);
                }

                return Single(TokenKind.Colon);
            case '.':
                if (next is >= '0' and <= '9')
                {
                    return ReadNumber(start);
                }

                return Single(TokenKind.Dot);
        }

        if (c is >= '0' and <= '9')
        {
            return ReadNumber(start);
        }

        if (next == '\'')
        {
            switch (c)
            {
                case 'e' or 'E':
                    pos++;
                    return Make(TokenKind.String, ReadQuotedString(escapes: true), start);
                case 'n' or 'N':
                    pos++;
                    return Make(TokenKind.String, ReadQuotedString(escapes: false), start);
                case 'b' or 'B':
                    pos++;
                    return Make(TokenKind.BitString, ReadBitString(hex: false, start), start);
                case 'x' or 'X':
                    pos++;
                    return Make(TokenKind.BitString, ReadBitString(hex: true, start), start);
            }
        }

        if (IsIdentifierStart(c))
        {
            while (pos < text.Length && IsIdentifierPart(text[pos]))
            {
                pos++;
            }

            return Make(TokenKind.Identifier, FoldIdentifier(text.AsSpan(start, pos - start)), start);
        }

        if (OperatorChars.Contains(c, StringComparison.Ordinal))
        {
            return ReadOperator(start);
        }

        throw Error($"syntax error at or near \"{c}\"", start);
    }

    private Token Single(TokenKind kind)
    {
        pos++;
        return new Token(kind, text.Substring(pos - 1, 1), pos - 1, 1);
    }

    private Token Make(TokenKind kind, string value, int start) => new(kind, value, start, pos - start);

    /// <summary>PostgreSQL folds only ASCII letters; other characters keep their case.</summary>
    private static string FoldIdentifier(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return builder.ToString();
    }

    private Token ReadNumber(int start)
    {
        var isNumeric = false;
        while (At(pos) is >= '0' and <= '9')
        {
            pos++;
        }

        // "1..2" stays integer 1 followed by two dots, as in PostgreSQL.
        if (At(pos) == '.' && At(pos + 1) != '.')
        {
            isNumeric = true;
            pos++;
            while (At(pos) is >= '0' and <= '9')
            {
                pos++;
            }
        }

        if (At(pos) is 'e' or 'E')
        {
            var save = pos;
            pos++;
            if (At(pos) is '+' or '-')
            {
                pos++;
            }

            if (At(pos) is >= '0' and <= '9')
            {
                isNumeric = true;
                while (At(pos) is >= '0' and <= '9')
                {
                    pos++;
                }
            }
            else
            {
                pos = save;
            }
        }

        if (pos < text.Length && IsIdentifierStart(text[pos]))
        {
            var junkEnd = pos;
            while (junkEnd < text.Length && IsIdentifierPart(text[junkEnd]))
            {
                junkEnd++;
            }

            throw Error($"trailing junk after numeric literal at or near \"{text[start..junkEnd]}\"", start);
        }

        return Make(isNumeric ? TokenKind.Numeric : TokenKind.Integer, text[start..pos], start);
    }

    private Token ReadOperator(int start)
    {
        var end = pos;
        while (end < text.Length && OperatorChars.Contains(text[end], StringComparison.Ordinal))
        {
            // A comment start ends the operator (PostgreSQL: "X--" is X then a comment).
            if (end > pos && ((text[end] == '-' && At(end + 1) == '-') || (text[end] == '/' && At(end + 1) == '*')))
            {
                break;
            }

            end++;
        }

        var length = end - pos;
        if (length > 1 && text.AsSpan(pos, length).IndexOfAny(SignKeepingChars) < 0)
        {
            while (length > 1 && text[pos + length - 1] is '+' or '-')
            {
                length--;
            }
        }

        var op = text.Substring(pos, length);
        pos += length;
        return Make(TokenKind.Operator, op == "!=" ? "<>" : op, start);
    }

    private Token ReadDollar(int start)
    {
        var next = At(pos + 1);
        if (next is >= '0' and <= '9')
        {
            pos++;
            while (At(pos) is >= '0' and <= '9')
            {
                pos++;
            }

            if (pos < text.Length && IsIdentifierStart(text[pos]))
            {
                throw Error($"trailing junk after parameter at or near \"{text[start..(pos + 1)]}\"", start);
            }

            return Make(TokenKind.Parameter, text[(start + 1)..pos], start);
        }

        var tagEnd = pos + 1;
        if (next != '$')
        {
            if (!IsIdentifierStart(next))
            {
                throw Error("syntax error at or near \"$\"", start);
            }

            while (tagEnd < text.Length && IsIdentifierPart(text[tagEnd]) && text[tagEnd] != '$')
            {
                tagEnd++;
            }

            if (At(tagEnd) != '$')
            {
                throw Error("syntax error at or near \"$\"", start);
            }
        }

        var tag = text.Substring(pos, tagEnd + 1 - pos);
        var bodyStart = tagEnd + 1;
        var close = text.IndexOf(tag, bodyStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("unterminated dollar-quoted string", start);
        }

        pos = close + tag.Length;
        return Make(TokenKind.String, text[bodyStart..close], start);
    }

    private SqlException Error(string message, int offset) =>
        new(SqlStates.SyntaxError, message, map.PositionOf(offset));
}
