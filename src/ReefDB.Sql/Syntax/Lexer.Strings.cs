using System.Globalization;
using System.Text;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>String constants, quoted identifiers and bit strings.</summary>
internal sealed partial class Lexer
{
    /// <summary>
    /// Reads <c>'…'</c> starting at the quote, with <c>''</c> for a quote and, for E'…', backslash
    /// escapes. Adjacent constants separated by whitespace containing a newline are one constant.
    /// </summary>
    private string ReadQuotedString(bool escapes)
    {
        var start = pos;
        var builder = new StringBuilder();
        pos++;
        while (true)
        {
            if (pos >= text.Length)
            {
                throw Error("unterminated quoted string", start);
            }

            var c = text[pos];
            if (c == '\'')
            {
                if (At(pos + 1) == '\'')
                {
                    builder.Append('\'');
                    pos += 2;
                    continue;
                }

                pos++;
                if (!TrySkipToContinuation())
                {
                    return builder.ToString();
                }

                pos++;
                continue;
            }

            if (c == '\\' && escapes)
            {
                ReadEscape(builder);
                continue;
            }

            builder.Append(c);
            pos++;
        }
    }

    /// <summary>Moves past whitespace with a newline to a following quote, or leaves pos alone.</summary>
    private bool TrySkipToContinuation()
    {
        var probe = pos;
        var sawNewline = false;
        while (probe < text.Length && IsWhitespace(text[probe]))
        {
            sawNewline |= text[probe] == '\n';
            probe++;
        }

        if (!sawNewline || At(probe) != '\'')
        {
            return false;
        }

        pos = probe;
        return true;
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escapeStart = pos;
        pos++;
        if (pos >= text.Length)
        {
            throw Error("unterminated quoted string", escapeStart);
        }

        var c = text[pos++];
        switch (c)
        {
            case 'b': builder.Append('\b'); return;
            case 'f': builder.Append('\f'); return;
            case 'n': builder.Append('\n'); return;
            case 'r': builder.Append('\r'); return;
            case 't': builder.Append('\t'); return;
            case >= '0' and <= '7':
                AppendCodePoint(builder, ReadDigits(8, 2, out _, c - '0'), escapeStart);
                return;
            case 'x':
                var hex = ReadDigits(16, 2, out var hexDigits, 0);
                if (hexDigits == 0)
                {
                    builder.Append('x');
                    return;
                }

                AppendCodePoint(builder, hex, escapeStart);
                return;
            case 'u' or 'U':
                var wanted = c == 'u' ? 4 : 8;
                var code = ReadDigits(16, wanted, out var count, 0);
                if (count != wanted)
                {
                    throw new SqlException(SqlStates.InvalidEscapeSequence, "invalid Unicode escape", map.PositionOf(escapeStart));
                }

                AppendCodePoint(builder, code, escapeStart);
                return;
            default:
                builder.Append(c);
                return;
        }
    }

    /// <summary>Reads up to <paramref name="max"/> digits of the base, accumulating onto <paramref name="seed"/>.</summary>
    private int ReadDigits(int radix, int max, out int count, int seed)
    {
        var value = seed;
        count = 0;
        while (count < max && pos < text.Length)
        {
            var digit = text[pos] switch
            {
                >= '0' and <= '9' => text[pos] - '0',
                >= 'a' and <= 'f' => text[pos] - 'a' + 10,
                >= 'A' and <= 'F' => text[pos] - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                break;
            }

            value = (value * radix) + digit;
            pos++;
            count++;
        }

        return value;
    }

    private void AppendCodePoint(StringBuilder builder, int code, int escapeStart)
    {
        if (code == 0)
        {
            throw new SqlException(
                SqlStates.CharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\": 0x00", map.PositionOf(escapeStart));
        }

        if (code is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw new SqlException(SqlStates.InvalidEscapeSequence, "invalid Unicode escape value", map.PositionOf(escapeStart));
        }

        builder.Append(char.ConvertFromUtf32(code));
    }

    private string ReadQuotedIdentifier()
    {
        var start = pos;
        var builder = new StringBuilder();
        pos++;
        while (true)
        {
            if (pos >= text.Length)
            {
                throw Error("unterminated quoted identifier", start);
            }

            if (text[pos] == '"')
            {
                if (At(pos + 1) == '"')
                {
                    builder.Append('"');
                    pos += 2;
                    continue;
                }

                pos++;
                if (builder.Length == 0)
                {
                    throw Error("zero-length delimited identifier at or near \"\"\"\"", start);
                }

                return builder.ToString();
            }

            builder.Append(text[pos++]);
        }
    }

    /// <summary>B'0101' or X'1F' (pos at the quote); returns the bits.</summary>
    private string ReadBitString(bool hex, int start)
    {
        var raw = ReadQuotedString(escapes: false);
        var bits = new StringBuilder(raw.Length * (hex ? 4 : 1));
        foreach (var c in raw)
        {
            if (hex)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    throw new SqlException(
                        SqlStates.InvalidTextRepresentation, $"\"{c}\" is not a valid hexadecimal digit", map.PositionOf(start));
                }

                var value = int.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                bits.Append(Convert.ToString(value, 2).PadLeft(4, '0'));
            }
            else if (c is '0' or '1')
            {
                bits.Append(c);
            }
            else
            {
                throw new SqlException(
                    SqlStates.InvalidTextRepresentation, $"\"{c}\" is not a valid binary digit", map.PositionOf(start));
            }
        }

        return bits.ToString();
    }
}
