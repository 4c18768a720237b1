using CsCheck;
using ReefDB.FullText.Parsing;

namespace ReefDB.FullText.Tests.Parsing;

public sealed class DefaultParserTests
{
    [Fact]
    public void Tokens_and_types_match_PostgreSQL_ts_debug()
    {
        // Expected: PostgreSQL 15 ts_debug('english', …) on the same text.
        const string Expected =
            "asciihword:foo-bar | hword_asciipart:foo | blank:- | hword_asciipart:bar | blank:  | version:1.2.3 | blank:  | " +
            "email:a@b.com | blank:  | protocol:http:// | url:x.org/p?q=1 | host:x.org | url_path:/p?q=1 | blank:  | int:-5 | " +
            "blank:  | sfloat:2.5e3 | blank:  | tag:<b> | asciiword:x | tag:</b> | blank:  | word:café | blank:  | numword:4th";
        var tokens = DefaultParser.Tokenize("foo-bar 1.2.3 a@b.com http://x.org/p?q=1 -5 2.5e3 <b>x</b> café 4th");
        Assert.Equal(Expected, string.Join(" | ", tokens.Select(t => Alias(t.Type) + ":" + t.Text)));
    }

    [Fact]
    public void The_shortcuts_give_the_tokens_of_the_plain_table_walk()
    {
        // Characters every rule family tests: letters, digits, the punctuation of hosts, e-mails, URLs,
        // paths, versions, signs, entities and tags, blanks, and non-ASCII letters and marks.
        const string Alphabet = "abcXYZ019 .-_@/:~+&;#<>!?='\"\t\nàéß\u0301\u00a0";
        Gen.Char[Alphabet].Array[0, 40].Select(cs => new string(cs)).Sample(
            text =>
            {
                static string Show(List<Token> tokens) => string.Join(" | ", tokens.Select(t => $"{t.Type}:{t.Text}"));
                Assert.Equal(Show(DefaultParser.Tokenize(text, shortcuts: false)), Show(DefaultParser.Tokenize(text)));
            },
            seed: "0N0XIzNsQ0O2",
            iter: 5_000);
    }

    [Fact]
    public void Script_and_style_content_is_blank()
    {
        var tokens = DefaultParser.Tokenize("<script>var x = 1;</script>seen");
        Assert.DoesNotContain(tokens, t => t.Text == "var");
        Assert.Contains(tokens, t => t.Type == TokenType.AsciiWord && t.Text == "seen");
    }

    private static string Alias(TokenType t) => t switch
    {
        TokenType.AsciiHWord => "asciihword",
        TokenType.HWordAsciiPart => "hword_asciipart",
        TokenType.Blank => "blank",
        TokenType.Version => "version",
        TokenType.Email => "email",
        TokenType.Protocol => "protocol",
        TokenType.Url => "url",
        TokenType.Host => "host",
        TokenType.UrlPath => "url_path",
        TokenType.SignedInt => "int",
        TokenType.ScientificFloat => "sfloat",
        TokenType.Tag => "tag",
        TokenType.AsciiWord => "asciiword",
        TokenType.Word => "word",
        TokenType.NumWord => "numword",
        _ => t.ToString(),
    };
}
