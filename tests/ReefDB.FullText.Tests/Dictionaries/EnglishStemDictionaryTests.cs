using ReefDB.FullText.Dictionaries;

namespace ReefDB.FullText.Tests.Dictionaries;

public sealed class EnglishStemDictionaryTests
{
    /// <summary>
    /// 845 words with the result of PostgreSQL 15's ts_lexize('english_stem', word), produced by
    /// scripts/fts-expected/generate.sh: Snowball english stems, {} for stop words.
    /// </summary>
    [Fact]
    public void Stems_and_stop_words_match_PostgreSQL_english_stem()
    {
        var mismatches = new List<string>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "expected", "english_stem.tsv"));
        foreach (var line in lines)
        {
            var (word, expected) = (line.Split('\t')[0], line.Split('\t')[1]);
            var lexemes = EnglishStemDictionary.Instance.Lexize(word)!;
            var actual = "{" + string.Join(",", lexemes.Select(l => l is "null" ? "\"null\"" : l)) + "}";
            if (actual != expected)
            {
                mismatches.Add($"{word}: expected {expected}, got {actual}");
            }
        }

        Assert.True(lines.Length > 800);
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("The", new string[0])]
    [InlineData("Running", new[] { "run" })]
    [InlineData("GENEROUSLY", new[] { "generous" })]
    [InlineData("skies", new[] { "sky" })]
    public void Lowercases_then_stems_or_drops(string token, string[] expected) =>
        Assert.Equal(expected, EnglishStemDictionary.Instance.Lexize(token));
}
