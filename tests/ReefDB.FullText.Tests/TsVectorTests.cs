using CsCheck;

namespace ReefDB.FullText.Tests;

public sealed class TsVectorTests
{
    [Fact]
    public void Occurrences_count_positions_of_the_lexeme_or_of_every_lexeme_with_the_prefix() =>
        Gen.Select(Gen.Int[0, 5].Array[0, 12], Gen.Int[0, 5], Gen.Bool).Sample(
            t =>
            {
                string[] words = ["a", "ab", "abc", "b", "ba", "\u00e9t\u00e9"];
                var (picks, which, prefix) = t;
                var text = string.Join(" ", picks.Select((p, i) => words[p] + ":" + (i + 1)));
                var vector = TsVector.Parse(text);
                var term = new TsQueryTerm(words[which], prefix);
                var naive = picks.Count(p => prefix ? words[p].StartsWith(term.Lexeme, StringComparison.Ordinal) : words[p] == term.Lexeme);
                var stripped = vector.Strip().Entries.Count(e => prefix ? e.Lexeme.StartsWith(term.Lexeme, StringComparison.Ordinal) : e.Lexeme == term.Lexeme);
                return vector.Occurrences(term) == naive && vector.Strip().Occurrences(term) == stripped;
            },
            seed: "0N0XIzNsQ0O2");

    [Fact]
    public void To_tsvector_keeps_255_positions_per_lexeme_and_lowercases_any_script()
    {
        var repeated = string.Join(" ", Enumerable.Repeat("Cats", 300));
        var vector = TextSearch.ToTsVector("english", repeated + " \u00c9T\u00c9 cats");
        Assert.Equal(255, vector.Entries.Single(e => e.Lexeme == "cat").Positions.Count);
        Assert.Equal("'cat':1,2,3", TextSearch.ToTsVector("english", "CATS Cats cats").ToString());
        Assert.Contains(vector.Entries, e => e.Lexeme == "\u00e9t\u00e9" && e.Positions.Single().Position == 301);
    }

    [Theory]
    [InlineData("b:3 a:2,1A c", "'a':1A,2 'b':3 'c'")]
    [InlineData("'w':4A,3B,2C,1D,5 a:8", "'a':8 'w':1,2C,3B,4A,5")]
    [InlineData("a:1 a:1A a:2", "'a':1A,2")]
    [InlineData("'it''s' back\\\\slash", "'back\\\\slash' 'it''s'")]
    [InlineData("x:99999", "'x':16383")]
    [InlineData("", "")]
    public void Parses_and_prints_like_PostgreSQL(string input, string output) =>
        Assert.Equal(output, TsVector.Parse(input).ToString());

    [Theory]
    [InlineData("'' a")]
    [InlineData("a:0")]
    [InlineData("a:1AB")]
    [InlineData("'unterminated")]
    public void Malformed_input_is_a_syntax_error(string input)
    {
        var e = Assert.Throws<FullTextException>(() => TsVector.Parse(input));
        Assert.Equal(SqlStates.SyntaxError, e.SqlState);
    }

    [Fact]
    public void Concat_shifts_right_positions_past_the_left_maximum() =>
        Assert.Equal("'a':3A,4B 'b':2A 'ba':1237", TsVector.Concat(TsVector.Parse("a:3A b:2a"), TsVector.Parse("ba:1234 a:1B")).ToString());

    [Fact]
    public void Setweight_and_strip()
    {
        var v = TextSearch.ToTsVector(TextSearchConfig.English, "The fat cats ate fat rats");
        Assert.Equal("'ate':4 'cat':3 'fat':2,5 'rat':6", v.ToString());
        Assert.Equal("'ate':4A 'cat':3A 'fat':2A,5A 'rat':6A", v.SetWeight('A').ToString());
        Assert.Equal("'ate':4 'cat':3C 'fat':2,5 'rat':6C", v.SetWeight('c', ["cat", "rat"]).ToString());
        Assert.Equal("'ate' 'cat' 'fat' 'rat'", v.Strip().ToString());
        Assert.Equal(4, TextSearch.Length(v));
    }

    [Fact]
    public void Printed_text_parses_back_to_an_equal_vector()
    {
        var lexeme = Gen.String[Gen.Char["abc' \\é"], 1, 6];
        var position = Gen.Select(Gen.Int[1, 20000], Gen.Char["ABCD"], (p, w) => new TsPosition(p, w));
        var entry = Gen.Select(lexeme, position.Array[0, 4]);
        entry.Array[0, 8].Sample(
            entries =>
            {
                var text = string.Join(" ", entries.Select(e =>
                    "'" + e.Item1.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'" +
                    (e.Item2.Length == 0 ? "" : ":" + string.Join(",", e.Item2.Select(p => p.Position + p.Weight.ToString())))));
                var v = TsVector.Parse(text);
                var again = TsVector.Parse(v.ToString());
                return v == again && v.ToString() == again.ToString();
            },
            seed: "0N0XIzNsQ0O2");
    }
}
