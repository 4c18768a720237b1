using System.Globalization;
using System.Text;
using ReefDB.Cli.Output;

namespace ReefDB.Cli.LogicTest;

/// <summary>
/// Prints result values the way sqllogictest compares them (FORMAT.wiki, "results section"): NULL as
/// <c>NULL</c> whatever the column type; <c>I</c> as an integer (reals and numerics truncate toward
/// zero, as C's cast does); <c>R</c> as <c>printf("%.3f")</c>; <c>T</c> as the value's text, an empty
/// string as <c>(empty)</c> and each byte outside printable ASCII as <c>@</c>.
/// </summary>
/// <remarks>
/// A value of another kind than its column letter is converted the way the reference engines' drivers
/// convert it: text read as a number takes its longest numeric prefix (0 when there is none), a
/// boolean is 1 or 0. Every printed value is ASCII, so ordinal string order is byte order.
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

    /// <summary>Replaces what is not printable ASCII with <c>@</c>, one per UTF-8 byte as the C
    /// reference (which works on bytes) does.</summary>
    private static string PrintText(string text)
    {
        if (text.Length == 0)
        {
            return "(empty)";
        }

        var clean = true;
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var printed = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~')
            {
                printed.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                printed.Append('@', 4);
                i++;
            }
            else
            {
                printed.Append('@', c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
            }
        }

        return printed.ToString();
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
