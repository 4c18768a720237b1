using System.Globalization;
using System.Text;

namespace ReefDB.FullText.Parsing;

/// <summary>
/// Character classes as PostgreSQL sees them in a UTF-8 database with a C.UTF-8 ctype: the glibc
/// <c>isw*</c> functions. Digits are ASCII only; letters are Unicode letters (glibc also counts the
/// digits of other scripts as alphabetic).
/// </summary>
internal static class CharClass
{
    public static bool IsDigit(int c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsAlpha(int c)
    {
        if (c < 128)
        {
            return IsAsciiLetter(c);
        }

        if (!Rune.IsValid(c))
        {
            return false;
        }

        var r = new Rune(c);
        return Rune.IsLetter(r) || Rune.IsDigit(r);
    }

    public static bool IsAlnum(int c) => IsDigit(c) || IsAlpha(c);

    public static bool IsXDigit(int c) => IsDigit(c) || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    /// <summary>glibc iswspace: Unicode white space except the no-break spaces.</summary>
    public static bool IsSpace(int c)
    {
        if (c < 128)
        {
            return c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
        }

        if (c is 0xA0 or 0x2007 or 0x202F || !Rune.IsValid(c))
        {
            return false;
        }

        return Rune.IsWhiteSpace(new Rune(c));
    }

    /// <summary>
    /// The parser's p_isspecial: zero-width characters (combining marks, format characters) and spacing
    /// combining marks of Indic and other scripts, which continue a word without starting one.
    /// </summary>
    public static bool IsSpecial(int c)
    {
        if (c < 128 || !Rune.IsValid(c))
        {
            return false;
        }

        var cat = Rune.GetUnicodeCategory(new Rune(c));
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }

    /// <summary>PostgreSQL's lowerstr in a C.UTF-8 database: towlower on each character.</summary>
    public static string ToLower(string s)
    {
        // Most words are ASCII: lowering them needs no per-character strings, and an already lowercase word
        // is returned as it is (strings are immutable).
        var ascii = true;
        var upper = false;
        foreach (var c in s)
        {
            ascii &= c < 128;
            upper |= c is >= 'A' and <= 'Z';
        }

        if (ascii)
        {
            return upper ? string.Create(s.Length, s, static (span, source) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    var c = source[i];
                    span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                }
            }) : s;
        }

        var sb = new StringBuilder(s.Length);
        Span<char> buffer = stackalloc char[2];
        foreach (var r in s.EnumerateRunes())
        {
            sb.Append(buffer[..Rune.ToLowerInvariant(r).EncodeToUtf16(buffer)]);
        }

        return sb.ToString();
    }

    /// <summary>Splits text into code points: the parser works on characters, not UTF-16 units.</summary>
    public static int[] CodePoints(string s)
    {
        // Without surrogates every UTF-16 unit is a code point: one array, no list to grow and copy.
        if (!s.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            var units = new int[s.Length];
            for (var i = 0; i < units.Length; i++)
            {
                units[i] = s[i];
            }

            return units;
        }

        var list = new List<int>(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            list.Add(r.Value);
        }

        return [.. list];
    }

    public static string FromCodePoints(int[] cps, int start, int length)
    {
        var ascii = true;
        for (var i = start; i < start + length; i++)
        {
            ascii &= cps[i] < 128;
        }

        if (ascii)
        {
            return string.Create(length, (cps, start), static (span, source) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = (char)source.cps[source.start + i];
                }
            });
        }

        var sb = new StringBuilder(length + 4);
        Span<char> buffer = stackalloc char[2];
        for (var i = start; i < start + length; i++)
        {
            sb.Append(buffer[..new Rune(cps[i]).EncodeToUtf16(buffer)]);
        }

        return sb.ToString();
    }

    /// <summary>The code point at <paramref name="index"/>, or a lone surrogate itself.</summary>
    public static int CodePointAt(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1])
            ? char.ConvertToUtf32(s[index], s[index + 1])
            : s[index];

    /// <summary>
    /// The parser's tests that depend on nothing but the character (<see cref="CharTest.Alpha"/> …
    /// <see cref="CharTest.XDigit"/>); null for every other test, whose answer needs the parser's state. One place
    /// for both the parser's walk and <see cref="AsciiRuleIndex"/>, which must answer as the walk does.
    /// </summary>
    public static bool? ClassTest(CharTest test, int c) => test switch
    {
        CharTest.Alpha => IsAlpha(c),
        CharTest.Digit => IsDigit(c),
        CharTest.Alnum => IsAlnum(c),
        CharTest.NotAlnum => !IsAlnum(c),
        CharTest.Special => IsSpecial(c),
        CharTest.Space => IsSpace(c),
        CharTest.XDigit => IsXDigit(c),
        _ => null,
    };
}
