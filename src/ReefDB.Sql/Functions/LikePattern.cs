using System.Text;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Functions;

/// <summary>
/// A compiled LIKE/ILIKE pattern: <c>%</c> matches any run of characters, <c>_</c> exactly one character
/// (a code point, so a surrogate pair counts once), the escape character (backslash by default, none when
/// ESCAPE '') makes the next character literal. ILIKE folds ASCII letters only, like PostgreSQL under the
/// C locale: the result never depends on Unicode tables that change between runtime versions.
/// </summary>
internal sealed class LikePattern
{
    private enum TokenKind : byte { Literal, AnyOne, AnyRun }

    private readonly (TokenKind Kind, char Char)[] tokens;
    private readonly bool foldCase;

    private LikePattern(string pattern, char? escape, bool caseInsensitive, (TokenKind, char)[] tokens, string prefix)
    {
        Pattern = pattern;
        Escape = escape;
        foldCase = caseInsensitive;
        this.tokens = tokens;
        LiteralPrefix = prefix;
    }

    /// <summary>The pattern text this was compiled from.</summary>
    public string Pattern { get; }

    /// <summary>The escape character, or null for none.</summary>
    public char? Escape { get; }

    /// <summary>The literal characters before the first wildcard (for index range scans on LIKE 'abc%').</summary>
    public string LiteralPrefix { get; }

    /// <summary>22025 when the pattern ends with the escape character.</summary>
    public static LikePattern Compile(string pattern, char? escape = '\\', bool caseInsensitive = false)
    {
        var tokens = new List<(TokenKind, char)>(pattern.Length);
        var prefix = new StringBuilder();
        var inPrefix = true;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (escape is { } e && c == e)
            {
                if (++i == pattern.Length)
                {
                    throw new SqlException(SqlStates.InvalidEscapeSequence, "LIKE pattern must not end with escape character");
                }
                tokens.Add((TokenKind.Literal, Fold(pattern[i], caseInsensitive)));
                if (inPrefix)
                {
                    prefix.Append(pattern[i]);
                }
            }
            else if (c == '%')
            {
                // Consecutive % are one run; dropping repeats keeps the matcher linear in the common cases.
                if (tokens.Count == 0 || tokens[^1].Item1 != TokenKind.AnyRun)
                {
                    tokens.Add((TokenKind.AnyRun, c));
                }
                inPrefix = false;
            }
            else if (c == '_')
            {
                tokens.Add((TokenKind.AnyOne, c));
                inPrefix = false;
            }
            else
            {
                tokens.Add((TokenKind.Literal, Fold(c, caseInsensitive)));
                if (inPrefix)
                {
                    prefix.Append(c);
                }
            }
        }
        return new LikePattern(pattern, escape, caseInsensitive, [.. tokens], prefix.ToString());
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches.</summary>
    public bool Matches(string text)
    {
        var t = 0;
        var p = 0;
        var starP = -1;
        var starT = 0;
        while (t < text.Length)
        {
            if (p < tokens.Length)
            {
                var (kind, c) = tokens[p];
                if (kind == TokenKind.AnyRun)
                {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (kind == TokenKind.AnyOne)
                {
                    t += CharWidth(text, t);
                    p++;
                    continue;
                }
                if (Fold(text[t], foldCase) == c)
                {
                    t++;
                    p++;
                    continue;
                }
            }
            if (starP < 0)
            {
                return false;
            }
            // Backtrack: let the last % swallow one more character.
            p = starP + 1;
            starT += CharWidth(text, starT);
            t = starT;
        }
        while (p < tokens.Length && tokens[p].Kind == TokenKind.AnyRun)
        {
            p++;
        }
        return p == tokens.Length;
    }

    private static int CharWidth(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    private static char Fold(char c, bool caseInsensitive) =>
        caseInsensitive && c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
}
