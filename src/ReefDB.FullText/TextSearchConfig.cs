using ReefDB.FullText.Dictionaries;
using ReefDB.FullText.Parsing;

namespace ReefDB.FullText;

/// <summary>
/// A text search configuration: PostgreSQL's default parser plus a mapping from token types to
/// dictionaries. Built in: <c>simple</c> and <c>english</c>, with PostgreSQL's mappings.
/// </summary>
public sealed class TextSearchConfig
{
    /// <summary>The dictionaries of each token type, indexed by its id; null for a type not indexed.</summary>
    private readonly ITextSearchDictionary[]?[] mapping;

    private TextSearchConfig(string name, Dictionary<TokenType, ITextSearchDictionary[]> mapping)
    {
        Name = name;
        this.mapping = new ITextSearchDictionary[]?[Enum.GetValues<TokenType>().Max(t => (int)t) + 1];
        foreach (var (type, dictionaries) in mapping)
        {
            this.mapping[(int)type] = dictionaries;
        }
    }

    /// <summary>The configuration's name.</summary>
    public string Name { get; }

    /// <summary>
    /// <c>simple</c>: every word-like, number, address and path token lowercased; no stop words.
    /// </summary>
    public static TextSearchConfig Simple { get; } = new("simple", Map(SimpleDictionary.Instance, SimpleDictionary.Instance));

    /// <summary>
    /// <c>english</c>: words go through english_stem (stop words dropped, Snowball stemming); numbers,
    /// e-mail addresses, URLs, hosts, paths and versions through simple.
    /// </summary>
    public static TextSearchConfig English { get; } = new("english", Map(EnglishStemDictionary.Instance, SimpleDictionary.Instance));

    /// <summary>
    /// Looks a configuration up by name ("english", "simple", optionally "pg_catalog."-qualified,
    /// case-insensitive as an unquoted SQL identifier would be).
    /// </summary>
    /// <exception cref="FullTextException">42704 when no such configuration exists.</exception>
    public static TextSearchConfig Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim();
        if (key.StartsWith("pg_catalog.", StringComparison.OrdinalIgnoreCase))
        {
            key = key["pg_catalog.".Length..];
        }

        if (key.Equals("english", StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        if (key.Equals("simple", StringComparison.OrdinalIgnoreCase))
        {
            return Simple;
        }

        throw new FullTextException(SqlStates.UndefinedObject, $"text search configuration \"{name}\" does not exist");
    }

    private static Dictionary<TokenType, ITextSearchDictionary[]> Map(ITextSearchDictionary words, ITextSearchDictionary other)
    {
        var map = new Dictionary<TokenType, ITextSearchDictionary[]>();
        foreach (var t in new[] { TokenType.AsciiWord, TokenType.Word, TokenType.AsciiHWord, TokenType.HWord, TokenType.HWordPart, TokenType.HWordAsciiPart })
        {
            map[t] = [words];
        }

        foreach (var t in new[]
        {
            TokenType.Email, TokenType.Url, TokenType.UrlPath, TokenType.Host, TokenType.File, TokenType.Version,
            TokenType.ScientificFloat, TokenType.Float, TokenType.SignedInt, TokenType.UnsignedInt, TokenType.NumWord,
            TokenType.HWordNumPart, TokenType.NumHWord,
        })
        {
            map[t] = [other];
        }

        return map;
    }

    /// <summary>
    /// The lexemes of one token: null when the token type is not indexed (it takes no position), an empty
    /// array for a stop word (it still takes a position).
    /// </summary>
    internal string[]? Lexize(Token token) => Dictionaries(token.Type) is { } dictionaries ? Lexize(dictionaries, token.Text) : null;

    private ITextSearchDictionary[]? Dictionaries(TokenType type) => (uint)type < (uint)mapping.Length ? mapping[(int)type] : null;

    private static string[] Lexize(ITextSearchDictionary[] dictionaries, string text)
    {
        foreach (var d in dictionaries)
        {
            if (d.Lexize(text) is { } lexemes)
            {
                return lexemes;
            }
        }

        return [];
    }

    /// <summary>
    /// PostgreSQL's parsetext: the lexemes of <paramref name="text"/> with their positions. Each indexed
    /// token takes the next position, stop words included; words of 2048 bytes or more are skipped.
    /// </summary>
    internal List<(string Lexeme, int Position)> ParseText(string text)
    {
        var words = new List<(string, int)>();
        var pos = 0;
        var parser = new DefaultParser(text);
        while (parser.Next())
        {
            // A token type that is not indexed (blanks, tags…) is skipped before its text is even built.
            if (Dictionaries(parser.Type) is not { } dictionaries)
            {
                continue;
            }

            var token = parser.TokenText();
            // UTF-8 takes at most 3 bytes per UTF-16 code unit: short tokens need no byte count.
            if (token.Length * 3 > TsVector.MaxLexemeBytes && LexemeOrder.Utf8Length(token) > TsVector.MaxLexemeBytes)
            {
                continue;
            }

            var lexemes = Lexize(dictionaries, token);
            pos++;
            foreach (var l in lexemes)
            {
                words.Add((l, TsPosition.Limit(pos)));
            }
        }

        return words;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
