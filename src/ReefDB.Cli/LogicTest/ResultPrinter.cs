using System.Globalization;
using System.Text;
using ReefDB.Cli.Output;

namespace ReefDB.Cli.LogicTest;

/// <summary>
/// Prints result values the way sqllogictest compares them (FORMAT.wiki, "results section"): NULL as
/// <c>NULL</c> whatever the column type; <c>I</c> as an integer (reals and numerics truncate toward
/// zero, as C's cast does); <c>R</c> as <c>printf("%.3f")</c>; <c>T</c> as the value's text, an empty
/// string as <c>(empty)</c> and each control character as <c>@</c>.
/// </summary>
/// <remarks>
/// <para>A value of another kind than its column letter is converted the way the reference engines' drivers
/// convert it: text read as a number takes its longest numeric prefix (0 when there is none), a
/// boolean is 1 or 0.</para>
/// <para>Characters beyond ASCII are printed as themselves (UTF-8 on output), so files whose results come
/// from PostgreSQL match and failure reports are readable. The C reference prints each of their bytes as
/// <c>@</c> instead; <see cref="MaskNonAscii"/> gives that form, which files written by it are checked against.</para>
/// </remarks>
internal static class ResultPrinter
{
    /// <summary>The printed form of <paramref name="value"/> in a column of type <paramref name="type"/>.</summary>
    public static string Print(object? value, char type) => value is null
        ? "NULL"
        : type switch
        {
            'I' => PrintInteger(value),
            'R' => PrintReal(value),
            _ => PrintText(ValueText.Format(value)),
        };

    private static string PrintInteger(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        decimal m when decimal.Truncate(m) is var t && t is >= long.MinValue and <= long.MaxValue =>
            ((long)t).ToString(CultureInfo.InvariantCulture),
        decimal m => decimal.Truncate(m).ToString("0", CultureInfo.InvariantCulture),
        string s when long.TryParse(s.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) =>
            l.ToString(CultureInfo.InvariantCulture),
        _ => Truncate(ToDouble(value)).ToString(CultureInfo.InvariantCulture),
    };

    private static string PrintReal(object value) =>
        ToDouble(value).ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>Replaces control characters with <c>@</c> (a value stays on one line).</summary>
    private static string PrintText(string text)
    {
        if (text.Length == 0)
        {
            return "(empty)";
        }

        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal))
        {
            return text;
        }

        var printed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            printed.Append(c is < ' ' or '\u007f' ? '@' : c);
        }

        return printed.ToString();
    }

    /// <summary>True when <paramref name="printed"/> holds a character beyond ASCII.</summary>
    public static bool HasNonAscii(string printed) => !Ascii.IsValid(printed);

    /// <summary>
    /// <paramref name="printed"/> as the C reference prints it, working on bytes: each UTF-8 byte of a
    /// character beyond ASCII becomes <c>@</c>.
    /// </summary>
    public static string MaskNonAscii(string printed)
    {
        if (!HasNonAscii(printed))
        {
            return printed;
        }

        var masked = new StringBuilder(printed.Length + 8);
        for (var i = 0; i < printed.Length; i++)
        {
            var c = printed[i];
            if (c < 0x80)
            {
                masked.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < printed.Length && char.IsLowSurrogate(printed[i + 1]))
            {
                masked.Append('@', 4);
                i++;
            }
            else
            {
                masked.Append('@', c < 0x800 ? 2 : 3);
            }
        }

        return masked.ToString();
    }

    private static long Truncate(double d) =>
        double.IsNaN(d) ? 0 : d >= long.MaxValue ? long.MaxValue : d <= long.MinValue ? long.MinValue : (long)d;

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        float f => f,
        decimal m => (double)m,
        bool b => b ? 1 : 0,
        string s => NumericPrefix(s),
        _ => NumericPrefix(ValueText.Format(value)),
    };

    /// <summary>The value of the longest prefix of <paramref name="text"/> that reads as a number
    /// (after leading blanks), or 0: how SQLite and C's <c>atof</c> read text as a number.</summary>
    internal static double NumericPrefix(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = 0;
        if (end < span.Length && span[end] is '+' or '-')
        {
            end++;
        }

        var digits = 0;
        while (end < span.Length && char.IsAsciiDigit(span[end]))
        {
            end++;
            digits++;
        }

        if (end < span.Length && span[end] == '.')
        {
            end++;
            while (end < span.Length && char.IsAsciiDigit(span[end]))
            {
                end++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return 0;
        }

        if (end < span.Length && span[end] is 'e' or 'E')
        {
            var exponent = end + 1;
            if (exponent < span.Length && span[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < span.Length && char.IsAsciiDigit(span[exponent]))
            {
                end = exponent;
                while (end < span.Length && char.IsAsciiDigit(span[end]))
                {
                    end++;
                }
            }
        }

        return double.Parse(span[..end], NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
