using ReefDB.FullText.Dictionaries;
using ReefDB.FullText.Parsing;

namespace ReefDB.FullText;

/// <summary>
/// A text search configuration: PostgreSQL's default parser plus a mapping from token types to
/// dictionaries. Built in: <c>simple</c> and <c>english</c>, with PostgreSQL's mappings.
/// </summary>
public sealed class TextSearchConfig
{
    private readonly Dictionary<TokenType, ITextSearchDictionary[]> mapping;

    private TextSearchConfig(string name, Dictionary<TokenType, ITextSearchDictionary[]> mapping)
    {
        Name = name;
        this.mapping = mapping;
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
    internal string[]? Lexize(Token token)
    {
        if (!mapping.TryGetValue(token.Type, out var dictionaries))
        {
            return null;
        }

        foreach (var d in dictionaries)
        {
            if (d.Lexize(token.Text) is { } lexemes)
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
        foreach (var token in DefaultParser.Tokenize(text))
        {
            if (LexemeOrder.Utf8Length(token.Text) > TsVector.MaxLexemeBytes)
            {
                continue;
            }

            var lexemes = Lexize(token);
            if (lexemes is null)
            {
                continue;
            }

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
