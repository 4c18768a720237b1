using System.Globalization;
using System.Text;

namespace ReefDB.Sql.Syntax;

/// <summary>
/// Prints an AST back as SQL that <see cref="SqlParser"/> reads to the same tree: every operator
/// expression is fully parenthesized, keywords are upper case, identifiers are quoted only when needed.
/// Used by tests to assert structure and precedence, and by EXPLAIN to show expressions.
/// </summary>
internal sealed partial class SqlFormatter
{
    private readonly StringBuilder output = new();

    private SqlFormatter()
    {
    }

    public static string Format(SyntaxNode node)
    {
        var formatter = new SqlFormatter();
        formatter.Write(node);
        return formatter.output.ToString();
    }

    private void Write(SyntaxNode node)
    {
        switch (node)
        {
            case Statement statement:
                WriteStatement(statement);
                break;
            case Expression expression:
                WriteExpression(expression);
                break;
            case QueryExpression query:
                WriteQuery(query);
                break;
            case TableReference table:
                WriteTableReference(table);
                break;
            case TypeName type:
                WriteType(type);
                break;
            case SelectItem item:
                WriteSelectItem(item);
                break;
            case OrderByItem item:
                WriteOrderByItem(item);
                break;
            default:
                Append(node.GetType().Name);
                break;
        }
    }

    private SqlFormatter Append(string text)
    {
        output.Append(text);
        return this;
    }

    private SqlFormatter Append(long value)
    {
        output.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    private SqlFormatter Name(string name)
    {
        output.Append(QuoteIdentifier(name));
        return this;
    }

    /// <summary>Quotes a name unless it reads back unchanged unquoted (lower case, not a keyword).</summary>
    public static string QuoteIdentifier(string name)
    {
        var plain = name.Length > 0 && name[0] is (>= 'a' and <= 'z') or '_';
        foreach (var c in name)
        {
            plain &= c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '$';
        }

        if (plain && Keywords.CategoryOf(new Token(TokenKind.Identifier, name, 0, 0)) == KeywordCategory.None)
        {
            return name;
        }

        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string QuoteString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private void WriteList<T>(IReadOnlyList<T> items, Action<T> write, string separator = ", ")
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                Append(separator);
            }

            write(items[i]);
        }
    }

    /// <summary>An optional clause: <paramref name="keyword"/> (with its spaces) and the expression, if any.</summary>
    private void WriteClause(string keyword, Expression? expression)
    {
        if (expression is not null)
        {
            Append(keyword);
            WriteExpression(expression);
        }
    }

    /// <summary>An optional list clause: <paramref name="keyword"/> and the items, if there are any.</summary>
    private void WriteClause<T>(string keyword, IReadOnlyList<T> items, Action<T> write)
    {
        if (items.Count > 0)
        {
            Append(keyword);
            WriteList(items, write);
        }
    }

    private void WriteNames(IReadOnlyList<string> names)
    {
        Append("(");
        WriteList(names, n => Name(n));
        Append(")");
    }

    private void WriteObjectName(ObjectName name)
    {
        if (name.Schema is not null)
        {
            Name(name.Schema).Append(".");
        }

        Name(name.Name);
    }

    private void WriteType(TypeName type)
    {
        Append(type.Name is "double precision" ? type.Name.ToUpperInvariant() : QuoteTypeName(type.Name));
        if (type.Modifiers.Count > 0)
        {
            Append("(");
            WriteList(type.Modifiers, m => Append(m));
            Append(")");
        }
    }

    // Canonical type names that are keywords print as keywords, others as (possibly quoted) names.
    private static string QuoteTypeName(string name) =>
        name is "smallint" or "integer" or "bigint" or "real" or "numeric" or "boolean" or "char" or "varchar"
            or "timestamp" or "time" or "interval" or "bit"
            ? name.ToUpperInvariant()
            : QuoteIdentifier(name);
}
