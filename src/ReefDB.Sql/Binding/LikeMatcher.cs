namespace ReefDB.Sql.Binding;

/// <summary>LIKE/ILIKE matching (% any run, _ one character, escape character); iterative with backtracking on %.</summary>
internal static class LikeMatcher
{
    public static bool Matches(string value, string pattern, string escape, bool ignoreCase)
    {
        if (ignoreCase)
        {
            value = value.ToLowerInvariant();
            pattern = pattern.ToLowerInvariant();
        }

        var esc = escape.Length > 0 ? escape[0] : '\0';
        int v = 0, p = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '%')
                {
                    starP = ++p;
                    starV = v;
                    continue;
                }

                if (c == esc && escape.Length > 0 && p + 1 < pattern.Length)
                {
                    if (pattern[p + 1] == value[v])
                    {
                        p += 2;
                        v++;
                        continue;
                    }
                }
                else if (c == '_' || c == value[v])
                {
                    p++;
                    v++;
                    continue;
                }
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP;
            v = ++starV;
        }

        while (p < pattern.Length && pattern[p] == '%')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
