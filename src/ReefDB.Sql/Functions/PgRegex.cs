using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Functions;

/// <summary>
/// PostgreSQL's POSIX regular expressions (<c>~</c>, <c>~*</c>, <c>regexp_replace</c>, <c>regexp_like</c>,
/// <c>regexp_count</c>) on .NET's regex engine in its non-backtracking mode: matching time is linear in the
/// input, so no pattern can hang a replica, and the result never depends on a timeout (DESIGN.md §2, §7).
/// </summary>
/// <remarks>
/// The common subset behaves as in PostgreSQL: literals, classes, <c>[[:alpha:]]</c>-style classes,
/// quantifiers, alternation, groups, anchors. Constructs the non-backtracking engine lacks (back references,
/// lookaround) are 2201B errors rather than silently different answers. As in PostgreSQL without flags,
/// <c>.</c> matches a newline and <c>^</c>/<c>$</c> anchor the whole string.
/// </remarks>
internal static class PgRegex
{
    private const int CacheLimit = 256;

    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> Cache = new();

    private static readonly (string Posix, string Net)[] PosixClasses =
    [
        ("[:alpha:]", @"\p{L}"), ("[:digit:]", @"\d"), ("[:alnum:]", @"\p{L}\p{Nd}"), ("[:upper:]", @"\p{Lu}"),
        ("[:lower:]", @"\p{Ll}"), ("[:space:]", @"\s"), ("[:punct:]", @"\p{P}"), ("[:xdigit:]", "0-9A-Fa-f"),
        ("[:word:]", @"\w"), ("[:blank:]", @" \t"), ("[:cntrl:]", @"\p{Cc}"),
    ];

    /// <summary>The options PostgreSQL's flag letters ask for; <c>g</c> is reported separately.</summary>
    public static (RegexOptions Options, bool Global) ParseFlags(string flags, bool caseInsensitive = false)
    {
        var options = RegexOptions.Singleline | (caseInsensitive ? RegexOptions.IgnoreCase : RegexOptions.None);
        var global = false;
        foreach (var f in flags)
        {
            switch (f)
            {
                case 'g': global = true; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'c': options &= ~RegexOptions.IgnoreCase; break;
                case 'n' or 'm': options = (options | RegexOptions.Multiline) & ~RegexOptions.Singleline; break;
                case 's': options = (options | RegexOptions.Singleline) & ~RegexOptions.Multiline; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                default:
                    throw new SqlException(SqlStates.InvalidParameterValue, $"invalid regular expression option: \"{f}\"");
            }
        }

        return (options, global);
    }

    /// <summary>The compiled pattern; 2201B when it is invalid or needs backtracking.</summary>
    public static Regex Get(string pattern, RegexOptions options)
    {
        if (Cache.TryGetValue((pattern, options), out var cached))
        {
            return cached;
        }

        Regex regex;
        try
        {
            regex = new Regex(Translate(pattern), options | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new SqlException(SqlStates.InvalidRegularExpression, $"invalid regular expression: {e.Message}");
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[(pattern, options)] = regex;
        return regex;
    }

    public static bool IsMatch(string text, string pattern, string flags = "", bool caseInsensitive = false)
    {
        var (options, global) = ParseFlags(flags, caseInsensitive);
        if (global)
        {
            throw new SqlException(SqlStates.InvalidParameterValue, "regexp_like() does not support the \"global\" option");
        }

        return Get(pattern, options).IsMatch(text);
    }

    /// <summary>regexp_replace: the first match (every match with flag <c>g</c>) replaced.</summary>
    public static string Replace(string text, string pattern, string replacement, string flags = "")
    {
        var (options, global) = ParseFlags(flags);
        return Get(pattern, options).Replace(text, NetReplacement(replacement), global ? -1 : 1);
    }

    /// <summary>regexp_count: non-overlapping matches from character <paramref name="start"/> (1-based).</summary>
    public static long Count(string text, string pattern, long start = 1, string flags = "")
    {
        if (start < 1)
        {
            throw new SqlException(SqlStates.InvalidParameterValue, $"invalid value for parameter \"start\": {start}");
        }

        var (options, global) = ParseFlags(flags);
        if (global)
        {
            throw new SqlException(SqlStates.InvalidParameterValue, "regexp_count() does not support the \"global\" option");
        }

        var offset = start > TextChars.Length(text) ? text.Length : TextChars.Slice(text, 0, start - 1).Length;
        return Get(pattern, options).Count(text.AsSpan(offset));
    }

    /// <summary>
    /// PostgreSQL's replacement text (<c>\1</c>…<c>\9</c> for groups, <c>\&amp;</c> for the match, <c>\\</c>
    /// for a backslash, everything else literal) in .NET's syntax (<c>$n</c>, <c>$0</c>, <c>$$</c>).
    /// </summary>
    private static string NetReplacement(string replacement)
    {
        var sb = new StringBuilder(replacement.Length + 8);
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                var next = replacement[i + 1];
                if (next is >= '1' and <= '9' or '&')
                {
                    sb.Append("${").Append(next == '&' ? '0' : next).Append('}');
                    i++;
                    continue;
                }

                if (next == '\\')
                {
                    i++;
                }
            }

            sb.Append(c == '$' ? "$$" : c.ToString());
        }

        return sb.ToString();
    }

    /// <summary>POSIX bracket classes (<c>[[:alpha:]]</c>) into .NET's class escapes; the rest is the same.</summary>
    private static string Translate(string pattern)
    {
        if (!pattern.Contains("[:", StringComparison.Ordinal))
        {
            return pattern;
        }

        foreach (var (posix, net) in PosixClasses)
        {
            pattern = pattern.Replace(posix, net, StringComparison.Ordinal);
        }

        return pattern;
    }
}
