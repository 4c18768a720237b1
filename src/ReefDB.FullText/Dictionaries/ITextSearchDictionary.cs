namespace ReefDB.FullText.Dictionaries;

/// <summary>A text-search dictionary: turns one token into lexemes.</summary>
internal interface ITextSearchDictionary
{
    /// <summary>
    /// The lexemes for <paramref name="token"/>: an empty array for a stop word, null when the dictionary
    /// does not recognize the token (the next dictionary of the mapping is then asked).
    /// </summary>
    string[]? Lexize(string token);
}
