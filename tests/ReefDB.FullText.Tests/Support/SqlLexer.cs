using System.Text;

namespace ReefDB.FullText.Tests.Support;

/// <summary>Token kinds of the small SQL subset the conformance files use.</summary>
public enum SqlTokenKind
{
    String,
    Number,
    Identifier,
    QuotedIdentifier,
    Symbol,
    End,
}

public readonly record struct SqlToken(SqlTokenKind Kind, string Text);

/// <summary>
/// Tokenizer for the SQL of the text-search conformance files: '…' (with '' escapes), E'…' (backslash
/// escapes), $$…$$, numbers, identifiers and PostgreSQL operator symbols.
/// </summary>
public static class SqlLexer
{
    private static readonly string[] Symbols =
        ["::", "@@@", "@@", "||", "&&", "!!", "<->", "@>", "<@", "<=", ">=", "<>", "!=", "=", "<", ">", "(", ")", ",", "[", "]", "*", "+", "-", "/", ";", "."];

    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if ((c is 'E' or 'e') && i + 1 < sql.Length && sql[i + 1] == '\'')
            {
                i++;
                tokens.Add(new SqlToken(SqlTokenKind.String, ReadQuoted(sql, ref i, escapes: true)));
                continue;
            }

            if (c == '\'')
            {
                tokens.Add(new SqlToken(SqlTokenKind.String, ReadQuoted(sql, ref i, escapes: false)));
                continue;
            }

            if (c == '$' && i + 1 < sql.Length && sql[i + 1] == '$')
            {
                var end = sql.IndexOf("$$", i + 2, StringComparison.Ordinal);
                tokens.Add(new SqlToken(SqlTokenKind.String, sql[(i + 2)..end]));
                i = end + 2;
                continue;
            }

            if (c == '"')
            {
                var end = sql.IndexOf('"', i + 1);
                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, sql[(i + 1)..end]));
                i = end + 1;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, sql[start..i]));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Identifier, sql[start..i].ToLowerInvariant()));
                continue;
            }

            var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(sql, i, s, 0, s.Length) == 0)
                ?? throw new FormatException($"unexpected character '{c}' in: {sql}");
            tokens.Add(new SqlToken(SqlTokenKind.Symbol, symbol));
            i += symbol.Length;
        }

        tokens.Add(new SqlToken(SqlTokenKind.End, ""));
        return tokens;
    }

    private static string ReadQuoted(string sql, ref int i, bool escapes)
    {
        var sb = new StringBuilder();
        i++;
        while (true)
        {
            var c = sql[i];
            if (c == '\'')
            {
                if (i + 1 < sql.Length && sql[i + 1] == '\'')
                {
                    sb.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return sb.ToString();
            }

            if (escapes && c == '\\')
            {
                var n = sql[i + 1];
                sb.Append(n switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => n });
                i += 2;
                continue;
            }

            sb.Append(c);
            i++;
        }
    }
}
