using Lucene.Net.Tartarus.Snowball.Ext;
using ReefDB.FullText.Parsing;

namespace ReefDB.FullText.Dictionaries;

/// <summary>
/// PostgreSQL's <c>english_stem</c> dictionary (dict_snowball): lowercase, drop the words of
/// english.stop, stem the rest with Snowball's "english" (Porter2) algorithm. Tokens longer than 1000
/// bytes are returned lowercased and unstemmed, as PostgreSQL does.
/// </summary>
/// <remarks>
/// The stemmer is Lucene.Net's generated Snowball EnglishStemmer; checked against PostgreSQL 15's
/// ts_lexize('english_stem', …) on ~36,000 words with no difference. It keeps state, so one instance
/// per thread.
/// </remarks>
internal sealed class EnglishStemDictionary : ITextSearchDictionary
{
    private const int MaxStemmedBytes = 1000;

    /// <summary>Most tokens one thread's cache remembers before it starts afresh.</summary>
    private const int CacheCapacity = 1 << 16;

    [ThreadStatic]
    private static EnglishStemmer? stemmer;

    /// <summary>
    /// Token → lexemes, per thread: words follow a Zipf law, so most tokens of a document were seen before,
    /// and lowercasing, the stop-word lookup and Snowball cost far more than a lookup. Only memoizes a pure
    /// function, so results do not depend on what a thread saw before.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, string[]>? cache;

    private EnglishStemDictionary()
    {
    }

    public static EnglishStemDictionary Instance { get; } = new();

    /// <summary>PostgreSQL's english.stop, lowercased.</summary>
    internal static HashSet<string> StopWords { get; } = LoadStopWords();

    /// <summary>The token's lexemes; the array may be shared between calls, so callers must not modify it.</summary>
    public string[]? Lexize(string token)
    {
        var seen = cache ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (seen.TryGetValue(token, out var lexemes))
        {
            return lexemes;
        }

        if (seen.Count >= CacheCapacity)
        {
            seen.Clear();
        }

        lexemes = LexizeUncached(token);
        seen[token] = lexemes;
        return lexemes;
    }

    private static string[] LexizeUncached(string token)
    {
        var lower = CharClass.ToLower(token);
        if (LexemeOrder.Utf8Length(token) > MaxStemmedBytes)
        {
            return [lower];
        }

        if (lower.Length == 0 || StopWords.Contains(lower))
        {
            return [];
        }

        return [Stem(lower)];
    }

    internal static string Stem(string word)
    {
        var s = stemmer ??= new EnglishStemmer();
        s.SetCurrent(word);
        s.Stem();
        return s.Current;
    }

    private static HashSet<string> LoadStopWords()
    {
        using var stream = typeof(EnglishStemDictionary).Assembly.GetManifestResourceStream("ReefDB.FullText.english.stop")
            ?? throw new InvalidOperationException("english.stop resource missing");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = CharClass.ToLower(line.Trim());
            if (word.Length > 0)
            {
                set.Add(word);
            }
        }

        return set;
    }
}
