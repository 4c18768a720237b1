namespace ReefDB.Sql.Types;

/// <summary>
/// Text comparison and hashing for ReefDB: the C collation, i.e. Unicode code point order (the order of
/// UTF-8 bytes), and a hash that is the same in every process (string.GetHashCode is randomized per process,
/// which would make anything derived from it irreproducible).
/// </summary>
internal static class TextOrder
{
    /// <summary>Code point order. Differs from UTF-16 ordinal only when a surrogate meets a char above U+D7FF.</summary>
    public static int Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = a.AsSpan(0, length).CommonPrefixLength(b.AsSpan(0, length));
        if (i == length)
        {
            return a.Length.CompareTo(b.Length);
        }
        return CodePointRank(a[i]).CompareTo(CodePointRank(b[i]));
    }

    // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they must rank above U+E000..U+FFFF.
    private static int CodePointRank(char c) => c >= 0xD800 ? (c <= 0xDFFF ? c + 0x2000 : c - 0x800) : c;

    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    public static int Hash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }
        return (int)h;
    }

    /// <summary>FNV-1a over the bytes.</summary>
    public static int Hash(byte[] bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 16777619u;
        }
        return (int)h;
    }
}
