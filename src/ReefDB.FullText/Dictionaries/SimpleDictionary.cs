using ReefDB.FullText.Parsing;

namespace ReefDB.FullText.Dictionaries;

/// <summary>PostgreSQL's <c>simple</c> dictionary without a stop list: the token lowercased.</summary>
internal sealed class SimpleDictionary : ITextSearchDictionary
{
    public static SimpleDictionary Instance { get; } = new();

    public string[]? Lexize(string token)
    {
        var lower = CharClass.ToLower(token);
        return lower.Length == 0 ? [] : [lower];
    }
}
