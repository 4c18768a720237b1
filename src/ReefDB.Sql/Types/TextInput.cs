using System.Globalization;
using System.Text;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Types;

/// <summary>
/// PostgreSQL's text input functions (int4in, float8in, numeric_in, boolin, byteain, uuid_in): what a string
/// literal or a text value becomes under a cast, with the same accepted forms, whitespace trimming and errors.
/// </summary>
/// <remarks>
/// Hand-written rather than delegated to .NET's parsers alone because those accept other forms (thousands
/// separators, hex, culture signs) and cannot tell overflow from bad syntax, which have different SQLSTATEs.
/// </remarks>
internal static class TextInput
{
    // C's isspace, which PostgreSQL's input functions skip around values.
    private const string Spaces = " \t\n\r\v\f";

    public static long ParseInteger(string input, SqlTypeKind kind)
    {
        var name = SqlType.Of(kind).Name;
        var s = input.AsSpan().Trim(Spaces);
        var start = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        if (s.Length == start || !IsDigits(s[start..]))
        {
            throw ValueErrors.InvalidInput(name, input);
        }
        if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !IntegerMath.FitsIn(value, kind))
        {
            throw ValueErrors.OutOfRangeInput(name, input);
        }
        return value;
    }

    public static double ParseDouble(string input) => ParseFloat(input, isReal: false);

    public static float ParseReal(string input) => (float)ParseFloat(input, isReal: true);

    private static double ParseFloat(string input, bool isReal)
    {
        var name = isReal ? "real" : "double precision";
        var s = input.AsSpan().Trim(Spaces);
        var special = SpecialFloat(s);
        if (special is { } value)
        {
            return value;
        }
        if (!IsDecimalNumber(s, out var hasNonZeroDigit))
        {
            throw ValueErrors.InvalidInput(name, input);
        }
        double result = isReal
            ? float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)
            : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(result) || (result == 0 && hasNonZeroDigit))
        {
            throw new SqlException(SqlStates.NumericValueOutOfRange, $"\"{input}\" is out of range for type {name}");
        }
        return result;
    }

    private static double? SpecialFloat(ReadOnlySpan<char> s)
    {
        var negative = s.Length > 0 && s[0] == '-';
        var body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }
        return s.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : null;
    }

    public static decimal ParseNumeric(string input)
    {
        var s = input.AsSpan().Trim(Spaces);
        if (SpecialFloat(s) is not null)
        {
            throw ValueErrors.NumericSpecialUnsupported();
        }
        if (!IsDecimalNumber(s, out _))
        {
            throw ValueErrors.InvalidInput("numeric", input);
        }
        try
        {
            return decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw ValueErrors.NumericOverflow();
        }
    }

    /// <summary>boolin: t/true/y/yes/on/1 and f/false/n/no/off/0, any case, unique prefixes, trimmed.</summary>
    public static bool ParseBoolean(string input)
    {
        var s = input.AsSpan().Trim(Spaces);
        if (s.Length > 0)
        {
            if (IsPrefixOf(s, "true") || IsPrefixOf(s, "yes") || (s.Length >= 2 && IsPrefixOf(s, "on")) || s is "1")
            {
                return true;
            }
            if (IsPrefixOf(s, "false") || IsPrefixOf(s, "no") || (s.Length >= 2 && IsPrefixOf(s, "off")) || s is "0")
            {
                return false;
            }
        }
        throw ValueErrors.InvalidInput("boolean", input);
    }

    /// <summary>byteain: <c>\x</c> hex (whitespace between byte pairs allowed) or the escape format.</summary>
    public static byte[] ParseBytea(string input)
    {
        if (input.StartsWith("\\x", StringComparison.Ordinal))
        {
            return ParseHexBytea(input.AsSpan(2));
        }
        var bytes = new List<byte>(input.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c != '\\')
            {
                var rune = Rune.GetRuneAt(input, i);
                var n = rune.EncodeToUtf8(utf8);
                for (var k = 0; k < n; k++)
                {
                    bytes.Add(utf8[k]);
                }
                i += rune.Utf16SequenceLength - 1;
            }
            else if (i + 1 < input.Length && input[i + 1] == '\\')
            {
                bytes.Add((byte)'\\');
                i++;
            }
            else if (i + 3 < input.Length && input[i + 1] is >= '0' and <= '3'
                && input[i + 2] is >= '0' and <= '7' && input[i + 3] is >= '0' and <= '7')
            {
                bytes.Add((byte)(((input[i + 1] - '0') << 6) | ((input[i + 2] - '0') << 3) | (input[i + 3] - '0')));
                i += 3;
            }
            else
            {
                throw new SqlException(SqlStates.InvalidTextRepresentation, "invalid input syntax for type bytea");
            }
        }
        return [.. bytes];
    }

    private static byte[] ParseHexBytea(ReadOnlySpan<char> hex)
    {
        var bytes = new List<byte>(hex.Length / 2);
        var i = 0;
        while (i < hex.Length)
        {
            if (Spaces.Contains(hex[i], StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            var high = HexValue(hex[i]);
            if (i + 1 >= hex.Length)
            {
                throw new SqlException(SqlStates.InvalidParameterValue, "invalid hexadecimal data: odd number of digits");
            }
            var low = HexValue(hex[i + 1]);
            bytes.Add((byte)((high << 4) | low));
            i += 2;
        }
        return [.. bytes];
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new SqlException(SqlStates.InvalidParameterValue, $"invalid hexadecimal digit: \"{c}\""),
    };

    /// <summary>uuid_in: 32 hex digits, optionally in braces, with hyphens allowed after any group of four.</summary>
    public static Guid ParseUuid(string input)
    {
        var s = input.AsSpan();
        if (s.Length >= 2 && s[0] == '{' && s[^1] == '}')
        {
            s = s[1..^1];
        }
        Span<byte> bytes = stackalloc byte[16];
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '-' && digits > 0 && digits < 32 && digits % 4 == 0 && s[i - 1] != '-')
            {
                continue;
            }
            if (digits == 32 || !char.IsAsciiHexDigit(c))
            {
                throw ValueErrors.InvalidInput("uuid", input);
            }
            var v = (byte)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            bytes[digits / 2] |= (byte)(digits % 2 == 0 ? v << 4 : v);
            digits++;
        }
        if (digits != 32 || s[^1] == '-')
        {
            throw ValueErrors.InvalidInput("uuid", input);
        }
        return new Guid(bytes, bigEndian: true);
    }

    private static bool IsPrefixOf(ReadOnlySpan<char> s, string word) =>
        s.Length <= word.Length && word.AsSpan(0, s.Length).Equals(s, StringComparison.OrdinalIgnoreCase);

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>[+-] (digits [. digits] | . digits) [e [+-] digits], the form strtod and numeric_in share.</summary>
    private static bool IsDecimalNumber(ReadOnlySpan<char> s, out bool hasNonZeroDigit)
    {
        hasNonZeroDigit = false;
        var i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        var mantissaDigits = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, mantissaDigits++)
        {
            hasNonZeroDigit |= s[i] != '0';
        }
        if (i < s.Length && s[i] == '.')
        {
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++, mantissaDigits++)
            {
                hasNonZeroDigit |= s[i] != '0';
            }
        }
        if (mantissaDigits == 0)
        {
            return false;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }
            var expDigits = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, expDigits++)
            {
            }
            if (expDigits == 0)
            {
                return false;
            }
        }
        return i == s.Length;
    }
}
