namespace ReefDB.FullText;

/// <summary>
/// PostgreSQL's tsCompareString: lexemes compare by their UTF-8 bytes, a shorter lexeme before a longer
/// one it prefixes. UTF-16 ordinal order differs from UTF-8 byte order only around surrogates, which
/// <see cref="Rank(char)"/> corrects.
/// </summary>
internal static class LexemeOrder
{
    public static int Compare(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return Rank(a[i]) < Rank(b[i]) ? -1 : 1;
            }
        }

        return a.Length == b.Length ? 0 : (a.Length < b.Length ? -1 : 1);
    }

    /// <summary>Prefix comparison: 0 when <paramref name="prefix"/> is a prefix of <paramref name="s"/>.</summary>
    public static int ComparePrefix(string prefix, string s)
    {
        var n = Math.Min(prefix.Length, s.Length);
        for (var i = 0; i < n; i++)
        {
            if (prefix[i] != s[i])
            {
                return Rank(prefix[i]) < Rank(s[i]) ? -1 : 1;
            }
        }

        return prefix.Length > s.Length ? 1 : 0;
    }

    private static int Rank(char c) => c < 0xD800 ? c : (c >= 0xE000 ? c - 0x800 : c + 0x2000);

    /// <summary>The UTF-8 byte length, the unit PostgreSQL's size limits and layout use.</summary>
    public static int Utf8Length(string s) => System.Text.Encoding.UTF8.GetByteCount(s);
}
