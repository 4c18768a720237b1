namespace ReefDB.Sql.Functions;

/// <summary>
/// Character-level (code point) views of strings, as PostgreSQL counts characters: a surrogate pair is one
/// character. Strings without surrogates (nearly all) take the direct UTF-16 path.
/// </summary>
internal static class TextChars
{
    public static bool HasSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    public static int Length(string s) => HasSurrogates(s) ? s.EnumerateRunes().Count() : s.Length;

    /// <summary>Characters [start, start + count) by 0-based character index, clamped to the string.</summary>
    public static string Slice(string s, long start, long count)
    {
        if (!HasSurrogates(s))
        {
            var from = (int)Math.Clamp(start, 0, s.Length);
            var to = (int)Math.Clamp(start + count, from, s.Length);
            return s[from..to];
        }
        var runes = s.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var first = (int)Math.Clamp(start, 0, runes.Length);
        var last = (int)Math.Clamp(start + count, first, runes.Length);
        return string.Concat(runes[first..last]);
    }

    public static string Reverse(string s)
    {
        var elements = new List<string>();
        // Reverse by code point, not by grapheme: PostgreSQL reverses characters (code points).
        foreach (var rune in s.EnumerateRunes())
        {
            elements.Add(rune.ToString());
        }
        elements.Reverse();
        return string.Concat(elements);
    }

    /// <summary>ASCII-only case mapping, as PostgreSQL's lower/upper under the C locale.</summary>
    public static string AsciiLower(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
    });

    public static string AsciiUpper(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }
    });
}
