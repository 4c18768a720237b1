using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>PostgreSQL's string functions, counting characters as code points (see <see cref="TextChars"/>).</summary>
internal static class StringFunctions
{
    /// <summary>PostgreSQL's limit on a text value (1 GB); larger results are 54000.</summary>
    private const long MaxTextLength = (1L << 30) - 1;

    public static string Substring(string s, long start, long? count)
    {
        if (count < 0)
        {
            throw new SqlException(SqlStates.SubstringError, "negative substring length not allowed");
        }
        var from = start - 1;
        var to = count is { } n ? from + n : long.MaxValue / 2;
        var clampedFrom = Math.Max(from, 0);
        return to <= clampedFrom ? "" : TextChars.Slice(s, clampedFrom, to - clampedFrom);
    }

    public static long Position(string s, string sub)
    {
        var index = s.IndexOf(sub, StringComparison.Ordinal);
        return index < 0 ? 0 : TextChars.Length(s[..index]) + 1;
    }

    public static string Pad(string s, long length, string fill, bool left)
    {
        if (length <= 0)
        {
            return "";
        }
        CheckLength(length);
        var current = TextChars.Length(s);
        if (current >= length)
        {
            return TextChars.Slice(s, 0, length);
        }
        if (fill.Length == 0)
        {
            return s;
        }
        var fillChars = TextChars.HasSurrogates(fill) ? fill.EnumerateRunes().Select(r => r.ToString()).ToArray() : fill.Select(c => c.ToString()).ToArray();
        var padding = new StringBuilder();
        for (var i = 0; i < length - current; i++)
        {
            padding.Append(fillChars[i % fillChars.Length]);
        }
        return left ? padding + s : s + padding;
    }

    public static string Trim(string s, string characters, bool leading, bool trailing)
    {
        var set = characters.EnumerateRunes().ToHashSet();
        var runes = s.EnumerateRunes().ToList();
        var start = 0;
        var end = runes.Count;
        while (leading && start < end && set.Contains(runes[start]))
        {
            start++;
        }
        while (trailing && end > start && set.Contains(runes[end - 1]))
        {
            end--;
        }
        if (start == 0 && end == runes.Count)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        for (var i = start; i < end; i++)
        {
            sb.Append(runes[i].ToString());
        }
        return sb.ToString();
    }

    public static string Left(string s, long n)
    {
        var length = TextChars.Length(s);
        return n >= 0 ? TextChars.Slice(s, 0, n) : TextChars.Slice(s, 0, Math.Max(length + n, 0));
    }

    public static string Right(string s, long n)
    {
        var length = TextChars.Length(s);
        return n >= 0 ? TextChars.Slice(s, Math.Max(length - n, 0), n) : TextChars.Slice(s, Math.Min(-n, length), length);
    }

    public static string Repeat(string s, long count)
    {
        if (count <= 0 || s.Length == 0)
        {
            return "";
        }
        CheckLength(s.Length * count);
        return new StringBuilder(s.Length * (int)count).Insert(0, s, (int)count).ToString();
    }

    public static string SplitPart(string s, string delimiter, long field)
    {
        if (field == 0)
        {
            throw new SqlException(SqlStates.InvalidParameterValue, "field position must not be zero");
        }
        if (delimiter.Length == 0)
        {
            return field is 1 or -1 ? s : "";
        }
        var parts = s.Split(delimiter);
        var index = field > 0 ? field - 1 : parts.Length + field;
        return index >= 0 && index < parts.Length ? parts[index] : "";
    }

    /// <summary>initcap under the C locale: ASCII letters and digits form words; others separate them.</summary>
    public static string InitCap(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inWord = false;
        foreach (var c in s)
        {
            var alnum = char.IsAsciiLetterOrDigit(c);
            sb.Append(!alnum ? c : inWord ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : (c is >= 'a' and <= 'z' ? (char)(c - 32) : c));
            inWord = alnum;
        }
        return sb.ToString();
    }

    // md5() is part of SQL's surface (checksums, test fixtures), not a security measure.
#pragma warning disable CA5351
    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351

    public static long Ascii(string s) => s.Length == 0 ? 0 : Rune.GetRuneAt(s, 0).Value;

    public static string Chr(long code)
    {
        if (code == 0)
        {
            throw new SqlException(SqlStates.ProgramLimitExceeded, "null character not permitted");
        }
        if (code < 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            throw new SqlException(SqlStates.ProgramLimitExceeded,
                string.Create(CultureInfo.InvariantCulture, $"requested character too large for encoding: {code}"));
        }
        return char.ConvertFromUtf32((int)code);
    }

    public static string Replace(string s, string from, string to) =>
        from.Length == 0 ? s : s.Replace(from, to, StringComparison.Ordinal);

    /// <summary>concat's view of an argument: the type's text output (booleans print as t/f here).</summary>
    public static string OutputText(SqlValue value) => value.FormatText() ?? "";

    /// <summary>format() with %s, %I, %L, %% and positional %n$ references.</summary>
    public static string Format(string format, ReadOnlySpan<SqlValue> arguments)
    {
        var sb = new StringBuilder(format.Length + 16);
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= format.Length)
            {
                throw new SqlException(SqlStates.InvalidParameterValue, "unterminated format() type specifier");
            }
            if (format[i] == '%')
            {
                sb.Append('%');
                continue;
            }
            var index = next;
            var digitsStart = i;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                i++;
            }
            if (i > digitsStart && i < format.Length && format[i] == '$')
            {
                index = int.Parse(format.AsSpan(digitsStart, i - digitsStart), CultureInfo.InvariantCulture) - 1;
                i++;
            }
            else
            {
                i = digitsStart;
            }
            if (i >= format.Length)
            {
                throw new SqlException(SqlStates.InvalidParameterValue, "unterminated format() type specifier");
            }
            if (index < 0 || index >= arguments.Length)
            {
                throw new SqlException(SqlStates.InvalidParameterValue, "too few arguments for format()");
            }
            var argument = arguments[index];
            next = index + 1;
            switch (format[i])
            {
                case 's':
                    sb.Append(argument.FormatText());
                    break;
                case 'I':
                    if (argument.IsNull)
                    {
                        throw new SqlException(SqlStates.NullValueNotAllowed, "null values cannot be formatted as an SQL identifier");
                    }
                    sb.Append(QuoteIdentifier(argument.FormatText()!));
                    break;
                case 'L':
                    sb.Append(argument.IsNull ? "NULL" : QuoteLiteral(argument.FormatText()!));
                    break;
                default:
                    throw new SqlException(SqlStates.InvalidParameterValue,
                        $"unrecognized format() type specifier \"{format[i]}\"");
            }
        }
        return sb.ToString();
    }

    /// <summary>quote_ident: double quotes unless the name is a plain lower-case identifier.</summary>
    public static string QuoteIdentifier(string name)
    {
        var plain = name.Length > 0 && (name[0] is >= 'a' and <= 'z' or '_')
            && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '$');
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>quote_literal: single quotes doubled; a backslash makes it an E'' string with doubled backslashes.</summary>
    public static string QuoteLiteral(string text)
    {
        var quoted = text.Replace("'", "''", StringComparison.Ordinal);
        return text.Contains('\\', StringComparison.Ordinal)
            ? "E'" + quoted.Replace("\\", "\\\\", StringComparison.Ordinal) + "'"
            : "'" + quoted + "'";
    }

    private static void CheckLength(long length)
    {
        if (length > MaxTextLength)
        {
            throw new SqlException(SqlStates.ProgramLimitExceeded, "requested length too large");
        }
    }
}
