using System.Text;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Execution;

/// <summary>
/// ALTER TABLE … RENAME COLUMN for the expressions the catalog keeps as SQL (CHECK constraints, index
/// expressions, views), which are bound by column name each time they are used. References are found
/// among the tokens of the text, so strings, comments and spacing stay exactly as written: a word equal
/// to the old name that is not a function name, a type after <c>::</c> or an alias after <c>AS</c>, and that
/// is either qualified by the table's name (or an alias the text gives it) or unqualified where the text
/// can only mean this table (a table's own expressions; a view that names no other relation).
/// </summary>
/// <remarks>
/// A view joining other relations keeps its unqualified references as written (they could belong to the
/// other relation): PostgreSQL, which stores views bound, renames those too.
/// </remarks>
internal static class ColumnRename
{
    public static StoredExpression InTableExpression(StoredExpression expression, string table, string oldName, string newName)
    {
        var text = SqlFormatter.Format(expression.Syntax);
        var renamed = Rename(text, table, oldName, newName, unqualifiedIsTable: true);
        return ReferenceEquals(renamed, text) ? expression : new StoredExpression(SqlParser.ParseExpression(renamed));
    }

    public static ViewDef InView(ViewDef view, DatabaseCatalog catalog, string table, string oldName, string newName)
    {
        var tokens = Lexer.Tokenize(new SourceMap(view.QueryText));
        var others = catalog.Tables.Keys.Concat(catalog.Views.Keys).Where(n => n != table && n != view.Name).ToHashSet(StringComparer.Ordinal);
        var onlyThisTable = !tokens.Any(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier && others.Contains(t.Text));
        var renamed = Rename(view.QueryText, table, oldName, newName, onlyThisTable);
        return ReferenceEquals(renamed, view.QueryText) ? view : view with { QueryText = renamed };
    }

    private static string Rename(string sql, string table, string oldName, string newName, bool unqualifiedIsTable)
    {
        var tokens = Lexer.Tokenize(new SourceMap(sql));
        static bool IsName(Token t) => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier;

        // The names the table goes by: its own, and aliases given right after it ("t AS x", "t x").
        var qualifiers = new HashSet<string>(StringComparer.Ordinal) { table };
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (IsName(tokens[i]) && tokens[i].Text == table && (i == 0 || tokens[i - 1].Kind != TokenKind.Dot))
            {
                var at = tokens[i + 1].IsKeyword("as") ? i + 2 : i + 1;
                if (at < tokens.Count && IsName(tokens[at]) && Keywords.CategoryOf(tokens[at]) == KeywordCategory.None)
                {
                    qualifiers.Add(tokens[at].Text);
                }
            }
        }

        var output = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!IsName(token) || token.Text != oldName)
            {
                continue;
            }

            var previous = i > 0 ? tokens[i - 1] : default;
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            if (next.Kind is TokenKind.LeftParen or TokenKind.Dot || previous.Kind == TokenKind.DoubleColon || previous.IsKeyword("as"))
            {
                continue;
            }

            var qualified = previous.Kind == TokenKind.Dot;
            if (qualified ? i < 2 || !qualifiers.Contains(tokens[i - 2].Text) : !unqualifiedIsTable)
            {
                continue;
            }

            output.Append(sql, copied, token.Offset - copied).Append(SqlFormatter.QuoteIdentifier(newName));
            copied = token.End;
        }

        return copied == 0 ? sql : output.Append(sql, copied, sql.Length - copied).ToString();
    }
}
