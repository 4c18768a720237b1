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
        var sb = new StringBuilder(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            sb.Append(Rune.ToLowerInvariant(r).ToString());
        }

        return sb.ToString();
    }

    /// <summary>Splits text into code points: the parser works on characters, not UTF-16 units.</summary>
    public static int[] CodePoints(string s)
    {
        var list = new List<int>(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            list.Add(r.Value);
        }

        return [.. list];
    }

    public static string FromCodePoints(int[] cps, int start, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = start; i < start + length; i++)
        {
            sb.Append(new Rune(cps[i]).ToString());
        }

        return sb.ToString();
    }

    /// <summary>The code point at <paramref name="index"/>, or a lone surrogate itself.</summary>
    public static int CodePointAt(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1])
            ? char.ConvertToUtf32(s[index], s[index + 1])
            : s[index];
}
