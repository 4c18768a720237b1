using ReefDB.Sql.Errors;
using static ReefDB.Sql.Tests.Functions.FunctionTestKit;
using static ReefDB.Sql.Tests.Functions.Typed;

namespace ReefDB.Sql.Tests.Functions;

// Expected values were produced by PostgreSQL 15 (C locale, UTF-8).
public sealed class StringFunctionTests
{
    private static string? S(string name, params object[] args) =>
        Eval(name, args.Select(a => a switch
        {
            string s => Unknown(s),
            int i => Int(i),
            Typed t => t,
            _ => throw new ArgumentException("unsupported"),
        }).ToArray());

    [Fact]
    public void Lengths_count_characters_and_bytes()
    {
        Assert.Equal("5", S("length", "héllo"));
        Assert.Equal("2", S("char_length", "ab"));
        Assert.Equal("6", S("octet_length", "héllo"));
        Assert.Equal("1", S("length", "\U0001F600"));
    }

    [Fact]
    public void Case_mapping_is_ascii_only_as_under_the_c_locale()
    {
        Assert.Equal("abc", S("lower", "ABC"));
        Assert.Equal("ABé", S("upper", "abé"));
        Assert.Equal("Éa", S("lower", "ÉA"));
        Assert.Equal("Hello World Foo_Bar", S("initcap", "hello wORLD foo_bar"));
        Assert.Equal("Hello World éLan", S("initcap", "hello wORLD élan"));
    }

    [Fact]
    public void Substrings_and_positions()
    {
        Assert.Equal("ell", S("substring", "hello", 2, 3));
        Assert.Equal("ello", S("substring", "hello", 2));
        Assert.Equal("he", S("substr", "hello", 0, 3));
        Assert.Equal("h", S("substr", "hello", -1, 3));
        Assert.Equal("3", S("position", "l", "hello"));
        Assert.Equal("4", S("strpos", "hello", "lo"));
        Assert.Equal("0", S("strpos", "hello", "z"));
        var error = Assert.Throws<SqlException>(() => S("substr", "abc", 1, -1));
        Assert.Equal(("22011", "negative substring length not allowed"), (error.SqlState, error.Message));
    }

    [Fact]
    public void Trimming_and_padding()
    {
        Assert.Equal("x", S("btrim", "  x  "));
        Assert.Equal("a", S("btrim", "xxaxx", "x"));
        Assert.Equal("a", S("ltrim", "xxa", "x"));
        Assert.Equal("a", S("rtrim", "axx", "x"));
        Assert.Equal("   hi", S("lpad", "hi", 5));
        Assert.Equal("xyxhi", S("lpad", "hi", 5, "xy"));
        Assert.Equal("hel", S("lpad", "hello", 3));
        Assert.Equal("hixyx", S("rpad", "hi", 5, "xy"));
        Assert.Equal("\U0001F600\U0001F600ab", S("lpad", "ab", 4, "\U0001F600"));
    }

    [Fact]
    public void Building_and_splitting()
    {
        Assert.Equal("aXcaXc", S("replace", "abcabc", "b", "X"));
        Assert.Equal("a1t", Eval("concat", Unknown("a"), Int(1), NullLiteral, Bool(true)));
        Assert.Equal("a  b", Eval("concat", Char("a", 3), Unknown("b")));
        Assert.Equal("a,2", Eval("concat_ws", Unknown(","), Unknown("a"), NullLiteral, Int(2)));
        Assert.Equal("he", S("left", "hello", 2));
        Assert.Equal("hel", S("left", "hello", -2));
        Assert.Equal("lo", S("right", "hello", 2));
        Assert.Equal("llo", S("right", "hello", -2));
        Assert.Equal("\U0001F600", S("left", "\U0001F600ab", 1));
        Assert.Equal("ababab", S("repeat", "ab", 3));
        Assert.Equal("cba", S("reverse", "abc"));
        Assert.Equal("c\U0001F600ba", S("reverse", "ab\U0001F600c"));
        Assert.Equal("b", S("split_part", "a,b,c", ",", 2));
        Assert.Equal("", S("split_part", "a,b,c", ",", 5));
        Assert.Equal("c", S("split_part", "a,b,c", ",", -1));
        Assert.Equal("a2x5", S("translate", "12345", "143", "ax"));
        var error = Assert.Throws<SqlException>(() => S("split_part", "a", ",", 0));
        Assert.Equal(("22023", "field position must not be zero"), (error.SqlState, error.Message));
    }

    [Fact]
    public void Codes_hashes_and_hex()
    {
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", S("md5", "abc"));
        Assert.Equal("t", S("starts_with", "hello", "he"));
        Assert.Equal("65", S("ascii", "A"));
        Assert.Equal("A", S("chr", 65));
        Assert.Equal("ff", S("to_hex", 255));
        Assert.Equal("ffffffff", S("to_hex", -1));
        Assert.Equal("ffffffffffffffff", Eval("to_hex", BigInt(-1)));
        var error = Assert.Throws<SqlException>(() => S("chr", 0));
        Assert.Equal(("54000", "null character not permitted"), (error.SqlState, error.Message));
    }

    [Fact]
    public void Format_and_quoting()
    {
        Assert.Equal("a-\"B c\"-'it''s'-NULL-%", Eval("format", Unknown("%s-%I-%L-%L-%%"), Unknown("a"), Unknown("B c"), Unknown("it's"), NullLiteral));
        Assert.Equal("b a", S("format", "%2$s %1$s", "a", "b"));
        Assert.Equal("\"Foo\"", S("quote_ident", "Foo"));
        Assert.Equal("E'a\\\\b'", S("quote_literal", "a\\b"));
        Assert.Equal("too few arguments for format()", Assert.Throws<SqlException>(() => S("format", "%s %s", "a")).Message);
        Assert.Equal("unrecognized format() type specifier \"x\"", Assert.Throws<SqlException>(() => S("format", "%x", 1)).Message);
    }
}
