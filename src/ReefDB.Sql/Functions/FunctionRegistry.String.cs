using System.Text;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

internal static partial class FunctionRegistry
{
    private static readonly SqlType[] OneText = [SqlType.Text];
    private static readonly SqlType[] TwoTexts = [SqlType.Text, SqlType.Text];
    private static readonly SqlType[] TextInt = [SqlType.Text, SqlType.Integer];

    private static SqlValue Text(string s) => SqlValue.FromText(s);

    private static SqlValue Int(long v) => SqlValue.FromInt64(v);

    private static void AddStringFunctions(Action<ScalarFunction> add)
    {
        foreach (var name in new[] { "length", "char_length", "character_length" })
        {
            add(Fn(name, OneText, SqlType.Integer, (a, _) => Int(TextChars.Length(a[0].AsText))));
        }
        add(Fn("length", [SqlType.Bytea], SqlType.Integer, (a, _) => Int(a[0].AsBytes.Length)));
        add(Fn("octet_length", OneText, SqlType.Integer, (a, _) => Int(Encoding.UTF8.GetByteCount(a[0].AsText))));
        add(Fn("octet_length", [SqlType.Bytea], SqlType.Integer, (a, _) => Int(a[0].AsBytes.Length)));
        add(Fn("bit_length", OneText, SqlType.Integer, (a, _) => Int(8L * Encoding.UTF8.GetByteCount(a[0].AsText))));
        add(Fn("lower", OneText, SqlType.Text, (a, _) => Text(TextChars.AsciiLower(a[0].AsText))));
        add(Fn("upper", OneText, SqlType.Text, (a, _) => Text(TextChars.AsciiUpper(a[0].AsText))));
        foreach (var name in new[] { "substring", "substr" })
        {
            add(Fn(name, [SqlType.Text, SqlType.Integer, SqlType.Integer], SqlType.Text,
                (a, _) => Text(StringFunctions.Substring(a[0].AsText, a[1].AsInt64, a[2].AsInt64))));
            add(Fn(name, TextInt, SqlType.Text, (a, _) => Text(StringFunctions.Substring(a[0].AsText, a[1].AsInt64, null))));
        }
        // position(substring IN string) arrives as position(substring, string); strpos takes (string, substring).
        add(Fn("position", TwoTexts, SqlType.Integer, (a, _) => Int(StringFunctions.Position(a[1].AsText, a[0].AsText))));
        add(Fn("strpos", TwoTexts, SqlType.Integer, (a, _) => Int(StringFunctions.Position(a[0].AsText, a[1].AsText))));
        foreach (var (name, leading, trailing) in new[] { ("btrim", true, true), ("trim", true, true), ("ltrim", true, false), ("rtrim", false, true) })
        {
            add(Fn(name, OneText, SqlType.Text, (a, _) => Text(StringFunctions.Trim(a[0].AsText, " ", leading, trailing))));
            add(Fn(name, TwoTexts, SqlType.Text, (a, _) => Text(StringFunctions.Trim(a[0].AsText, a[1].AsText, leading, trailing))));
        }
        foreach (var (name, left) in new[] { ("lpad", true), ("rpad", false) })
        {
            add(Fn(name, TextInt, SqlType.Text, (a, _) => Text(StringFunctions.Pad(a[0].AsText, a[1].AsInt64, " ", left))));
            add(Fn(name, [SqlType.Text, SqlType.Integer, SqlType.Text], SqlType.Text,
                (a, _) => Text(StringFunctions.Pad(a[0].AsText, a[1].AsInt64, a[2].AsText, left))));
        }
        add(Fn("replace", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text,
            (a, _) => Text(StringFunctions.Replace(a[0].AsText, a[1].AsText, a[2].AsText))));
        add(new ScalarFunction("concat", [SqlType.Unknown], Returns(SqlType.Text), (a, _) =>
        {
            var sb = new StringBuilder();
            foreach (var v in a)
            {
                sb.Append(StringFunctions.OutputText(v));
            }
            return Text(sb.ToString());
        }, IsStrict: false, IsVariadic: true));
        add(new ScalarFunction("concat_ws", [SqlType.Text, SqlType.Unknown], Returns(SqlType.Text), (a, _) =>
        {
            if (a[0].IsNull)
            {
                return SqlValue.Null;
            }
            var parts = new List<string>(a.Length);
            foreach (var v in a[1..])
            {
                if (!v.IsNull)
                {
                    parts.Add(StringFunctions.OutputText(v));
                }
            }
            return Text(string.Join(a[0].AsText, parts));
        }, IsStrict: false, IsVariadic: true));
        add(new ScalarFunction("format", [SqlType.Text, SqlType.Unknown], Returns(SqlType.Text),
            (a, _) => a[0].IsNull ? SqlValue.Null : Text(StringFunctions.Format(a[0].AsText, a[1..])), IsStrict: false, IsVariadic: true));
        add(Fn("left", TextInt, SqlType.Text, (a, _) => Text(StringFunctions.Left(a[0].AsText, a[1].AsInt64))));
        add(Fn("right", TextInt, SqlType.Text, (a, _) => Text(StringFunctions.Right(a[0].AsText, a[1].AsInt64))));
        add(Fn("repeat", TextInt, SqlType.Text, (a, _) => Text(StringFunctions.Repeat(a[0].AsText, a[1].AsInt64))));
        add(Fn("reverse", OneText, SqlType.Text, (a, _) => Text(TextChars.Reverse(a[0].AsText))));
        add(Fn("split_part", [SqlType.Text, SqlType.Text, SqlType.Integer], SqlType.Text,
            (a, _) => Text(StringFunctions.SplitPart(a[0].AsText, a[1].AsText, a[2].AsInt64))));
        add(Fn("initcap", OneText, SqlType.Text, (a, _) => Text(StringFunctions.InitCap(a[0].AsText))));
        add(Fn("md5", OneText, SqlType.Text, (a, _) => Text(StringFunctions.Md5(Encoding.UTF8.GetBytes(a[0].AsText)))));
        add(Fn("md5", [SqlType.Bytea], SqlType.Text, (a, _) => Text(StringFunctions.Md5(a[0].AsBytes))));
        add(Fn("starts_with", TwoTexts, SqlType.Boolean,
            (a, _) => SqlValue.FromBoolean(a[0].AsText.StartsWith(a[1].AsText, StringComparison.Ordinal))));
        add(Fn("ascii", OneText, SqlType.Integer, (a, _) => Int(StringFunctions.Ascii(a[0].AsText))));
        add(Fn("chr", [SqlType.Integer], SqlType.Text, (a, _) => Text(StringFunctions.Chr(a[0].AsInt64))));
        add(Fn("to_hex", [SqlType.Integer], SqlType.Text, (a, _) => Text(((uint)a[0].AsInt64).ToString("x", System.Globalization.CultureInfo.InvariantCulture))));
        add(Fn("to_hex", [SqlType.BigInt], SqlType.Text, (a, _) => Text(((ulong)a[0].AsInt64).ToString("x", System.Globalization.CultureInfo.InvariantCulture))));
        add(Fn("quote_ident", OneText, SqlType.Text, (a, _) => Text(StringFunctions.QuoteIdentifier(a[0].AsText))));
        add(Fn("quote_literal", OneText, SqlType.Text, (a, _) => Text(StringFunctions.QuoteLiteral(a[0].AsText))));
        add(Fn("translate", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text,
            (a, _) => Text(Translate(a[0].AsText, a[1].AsText, a[2].AsText))));
        add(new ScalarFunction("quote_nullable", OneText, Returns(SqlType.Text),
            (a, _) => Text(a[0].IsNull ? "NULL" : StringFunctions.QuoteLiteral(a[0].AsText)), IsStrict: false));
        AddRegexFunctions(add);
    }

    private static void AddRegexFunctions(Action<ScalarFunction> add)
    {
        add(Fn("regexp_replace", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text,
            (a, _) => Text(PgRegex.Replace(a[0].AsText, a[1].AsText, a[2].AsText))));
        add(Fn("regexp_replace", [SqlType.Text, SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text,
            (a, _) => Text(PgRegex.Replace(a[0].AsText, a[1].AsText, a[2].AsText, a[3].AsText))));
        add(Fn("regexp_like", TwoTexts, SqlType.Boolean, (a, _) => SqlValue.FromBoolean(PgRegex.IsMatch(a[0].AsText, a[1].AsText))));
        add(Fn("regexp_like", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Boolean,
            (a, _) => SqlValue.FromBoolean(PgRegex.IsMatch(a[0].AsText, a[1].AsText, a[2].AsText))));
        add(Fn("regexp_count", TwoTexts, SqlType.Integer, (a, _) => Int(PgRegex.Count(a[0].AsText, a[1].AsText))));
        add(Fn("regexp_count", [SqlType.Text, SqlType.Text, SqlType.Integer], SqlType.Integer,
            (a, _) => Int(PgRegex.Count(a[0].AsText, a[1].AsText, a[2].AsInt64))));
        add(Fn("regexp_count", [SqlType.Text, SqlType.Text, SqlType.Integer, SqlType.Text], SqlType.Integer,
            (a, _) => Int(PgRegex.Count(a[0].AsText, a[1].AsText, a[2].AsInt64, a[3].AsText))));
    }

    private static string Translate(string s, string from, string to)
    {
        var fromRunes = from.EnumerateRunes().ToArray();
        var toRunes = to.EnumerateRunes().ToArray();
        var sb = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            var index = Array.IndexOf(fromRunes, rune);
            if (index < 0)
            {
                sb.Append(rune.ToString());
            }
            else if (index < toRunes.Length)
            {
                sb.Append(toRunes[index].ToString());
            }
        }
        return sb.ToString();
    }
}
