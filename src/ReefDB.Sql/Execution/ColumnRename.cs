using System.Text;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
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
/// A view is also bound against the catalog before the rename, and every reference the binder resolves to
/// the column is renamed, qualified or not: a view joining other relations keeps working, as in PostgreSQL,
/// which stores views bound. A view that no longer binds keeps the textual renames only.
/// </remarks>
internal static class ColumnRename
{
    public static StoredExpression InTableExpression(StoredExpression expression, string table, string oldName, string newName)
    {
        var text = SqlFormatter.Format(expression.Syntax);
        var tokens = Lexer.Tokenize(new SourceMap(text));
        var targets = TextualReferences(tokens, table, oldName, unqualifiedIsTable: true).ToDictionary(i => i, _ => SqlFormatter.QuoteIdentifier(newName));
        return targets.Count == 0 ? expression : new StoredExpression(SqlParser.ParseExpression(Replace(text, tokens, targets)));
    }

    public static ViewDef InView(ViewDef view, DatabaseCatalog catalog, string table, string oldName, string newName)
    {
        var tokens = Lexer.Tokenize(new SourceMap(view.QueryText));
        var others = catalog.Tables.Keys.Concat(catalog.Views.Keys).Where(n => n != table && n != view.Name).ToHashSet(StringComparer.Ordinal);
        var onlyThisTable = !tokens.Any(t => IsName(t) && others.Contains(t.Text));
        var targets = TextualReferences(tokens, table, oldName, onlyThisTable).ToDictionary(i => i, _ => SqlFormatter.QuoteIdentifier(newName));
        foreach (var (i, keepsOutputName) in BoundReferences(view, tokens, catalog, table, oldName))
        {
            // A select item that was just the column keeps its output name, which the query may use (ORDER BY).
            targets[i] = SqlFormatter.QuoteIdentifier(newName) + (keepsOutputName ? " AS " + SqlFormatter.QuoteIdentifier(oldName) : string.Empty);
        }

        return targets.Count == 0 ? view : view with { QueryText = Replace(view.QueryText, tokens, targets) };
    }

    private static bool IsName(Token t) => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier;

    /// <summary>Indexes of the tokens that name the column, by the textual rules of the summary.</summary>
    private static HashSet<int> TextualReferences(List<Token> tokens, string table, string oldName, bool unqualifiedIsTable)
    {
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

        var targets = new HashSet<int>();
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
            if (qualified ? i >= 2 && qualifiers.Contains(tokens[i - 2].Text) : unqualifiedIsTable)
            {
                targets.Add(i);
            }
        }

        return targets;
    }

    /// <summary>
    /// Indexes of the tokens naming the column in the references the binder resolves to it, and whether the
    /// reference is a whole select item without an alias.
    /// </summary>
    private static Dictionary<int, bool> BoundReferences(ViewDef view, List<Token> tokens, DatabaseCatalog catalog, string table, string column)
    {
        var found = new Dictionary<int, ColumnReference>();
        var ordinal = catalog.RequireTable(table).FindColumn(column);
        if (SqlParser.Parse(view.QueryText) is not [CreateViewStatement statement])
        {
            return new Dictionary<int, bool>();
        }

        var tokenAt = new Dictionary<int, int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            tokenAt.TryAdd(tokens[i].Offset, i);
        }

        var binder = new Binder(catalog);
        binder.ColumnResolved = (reference, bound) =>
        {
            if (bound.Id.Ordinal == ordinal && binder.TableOf(bound.Id)?.Name == table && tokenAt.TryGetValue(reference.Position.Offset, out var first))
            {
                // t.a and s.t.a: the name is the last of the dotted parts.
                var parts = 1 + (reference.Table is null ? 0 : 1) + (reference.Schema is null ? 0 : 1);
                var name = first + (2 * (parts - 1));
                if (name < tokens.Count && IsName(tokens[name]) && tokens[name].Text == column)
                {
                    found[name] = reference;
                }
            }
        };
        try
        {
            binder.BindQuery(statement.Query, new Scope(null, null));
        }
        catch (SqlException)
        {
            return new Dictionary<int, bool>();
        }

        return found.ToDictionary(f => f.Key, f => binder.UnaliasedOutputColumns.Contains(f.Value));
    }

    /// <summary><paramref name="sql"/> with each target token replaced by its text.</summary>
    private static string Replace(string sql, List<Token> tokens, Dictionary<int, string> targets)
    {
        var output = new StringBuilder();
        var copied = 0;
        foreach (var (i, text) in targets.OrderBy(t => t.Key))
        {
            output.Append(sql, copied, tokens[i].Offset - copied).Append(text);
            copied = tokens[i].End;
        }

        return output.Append(sql, copied, sql.Length - copied).ToString();
    }
}
