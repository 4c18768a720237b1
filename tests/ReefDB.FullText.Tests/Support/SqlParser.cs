using System.Globalization;

namespace ReefDB.FullText.Tests.Support;

/// <summary>Recursive-descent parser for SELECT expressions with PostgreSQL operator precedence.</summary>
public sealed class SqlParser
{
    private readonly List<SqlToken> tokens;
    private int pos;

    public SqlParser(string sql) => tokens = SqlLexer.Tokenize(sql);

    private SqlToken Peek => tokens[pos];

    private bool IsSymbol(string s) => Peek.Kind == SqlTokenKind.Symbol && Peek.Text == s;

    private bool IsKeyword(string s) => Peek.Kind == SqlTokenKind.Identifier && Peek.Text == s;

    private SqlToken Take() => tokens[pos++];

    private void Expect(string symbol)
    {
        var t = Take();
        if (t.Text != symbol)
        {
            throw new FormatException($"expected {symbol}, got {t.Text}");
        }
    }

    public bool AtEnd => Peek.Kind == SqlTokenKind.End || IsSymbol(";");

    public bool TryKeyword(string s)
    {
        if (IsKeyword(s))
        {
            pos++;
            return true;
        }

        return false;
    }

    public void ExpectKeyword(string s)
    {
        if (!TryKeyword(s))
        {
            throw new FormatException($"expected {s}, got {Peek.Text}");
        }
    }

    public string Identifier() => Take().Text;

    public SelectStatement ParseSelect()
    {
        ExpectKeyword("select");
        var columns = new List<SqlExpr>();
        do
        {
            columns.Add(ParseExpr());
            if (TryKeyword("as"))
            {
                Take();
            }
            else if (Peek.Kind == SqlTokenKind.QuotedIdentifier)
            {
                Take();
            }
        }
        while (TrySymbol(","));

        string? from = null;
        SqlExpr? where = null;
        if (TryKeyword("from"))
        {
            from = Identifier();
        }

        if (TryKeyword("where"))
        {
            where = ParseExpr();
        }

        return new SelectStatement(columns, from, where);
    }

    public bool TrySymbol(string s)
    {
        if (IsSymbol(s))
        {
            pos++;
            return true;
        }

        return false;
    }

    public List<string> ParenIdentifiers()
    {
        Expect("(");
        var names = new List<string>();
        do
        {
            names.Add(Identifier());
        }
        while (TrySymbol(","));
        Expect(")");
        return names;
    }

    public List<SqlExpr> ParenExprs()
    {
        Expect("(");
        var list = new List<SqlExpr>();
        do
        {
            list.Add(ParseExpr());
        }
        while (TrySymbol(","));
        Expect(")");
        return list;
    }

    public SqlExpr ParseExpr() => ParseOr();

    private SqlExpr ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            left = new BinaryExpr("or", left, ParseAnd());
        }

        return left;
    }

    private SqlExpr ParseAnd()
    {
        var left = ParseNot();
        while (TryKeyword("and"))
        {
            left = new BinaryExpr("and", left, ParseNot());
        }

        return left;
    }

    private SqlExpr ParseNot() => TryKeyword("not") ? new UnaryExpr("not", ParseNot()) : ParseComparison();

    private static readonly string[] Comparisons = ["=", "<>", "!=", "<=", ">=", "<", ">"];

    private SqlExpr ParseComparison()
    {
        var left = ParseOther();
        if (Peek.Kind == SqlTokenKind.Symbol && Comparisons.Contains(Peek.Text))
        {
            var op = Take().Text;
            return new BinaryExpr(op, left, ParseOther());
        }

        if (TryKeyword("is"))
        {
            var not = TryKeyword("not");
            ExpectKeyword("null");
            return new UnaryExpr(not ? "is not null" : "is null", left);
        }

        return left;
    }

    private static readonly string[] OtherOps = ["@@@", "@@", "||", "&&", "<->", "@>", "<@"];

    private SqlExpr ParseOther()
    {
        var left = ParsePrefix();
        while (Peek.Kind == SqlTokenKind.Symbol && OtherOps.Contains(Peek.Text))
        {
            var op = Take().Text;
            left = new BinaryExpr(op, left, ParsePrefix());
        }

        return left;
    }

    private SqlExpr ParsePrefix()
    {
        if (TrySymbol("!!"))
        {
            return new UnaryExpr("!!", ParsePrefix());
        }

        if (TrySymbol("-"))
        {
            return new UnaryExpr("-", ParsePrefix());
        }

        return ParsePostfix();
    }

    private SqlExpr ParsePostfix()
    {
        var e = ParsePrimary();
        while (TrySymbol("::"))
        {
            var type = Identifier();
            if (type == "double")
            {
                type += " " + Identifier();
            }

            if (TrySymbol("["))
            {
                Expect("]");
                type += "[]";
            }

            e = new CastExpr(e, type);
        }

        return e;
    }

    private SqlExpr ParsePrimary()
    {
        var t = Take();
        switch (t.Kind)
        {
            case SqlTokenKind.String:
                return new UnknownExpr(t.Text);
            case SqlTokenKind.Number:
                return t.Text.Contains('.', StringComparison.Ordinal)
                    ? new LiteralExpr(double.Parse(t.Text, CultureInfo.InvariantCulture))
                    : new LiteralExpr(long.Parse(t.Text, CultureInfo.InvariantCulture));
            case SqlTokenKind.Symbol when t.Text == "(":
                {
                    var e = ParseExpr();
                    Expect(")");
                    return e;
                }

            case SqlTokenKind.Symbol when t.Text == "*":
                return new StarExpr();
            case SqlTokenKind.Identifier:
                if (t.Text == "null")
                {
                    return new LiteralExpr(null);
                }

                if (t.Text is "true" or "false")
                {
                    return new LiteralExpr(t.Text == "true");
                }

                if (t.Text == "array" && IsSymbol("["))
                {
                    Take();
                    var items = new List<SqlExpr>();
                    if (!IsSymbol("]"))
                    {
                        do
                        {
                            items.Add(ParseExpr());
                        }
                        while (TrySymbol(","));
                    }

                    Expect("]");
                    return new ArrayExpr(items);
                }

                if (IsSymbol("("))
                {
                    Take();
                    var args = new List<SqlExpr>();
                    if (!IsSymbol(")"))
                    {
                        do
                        {
                            args.Add(ParseExpr());
                        }
                        while (TrySymbol(","));
                    }

                    Expect(")");
                    return new CallExpr(t.Text, args);
                }

                return new ColumnExpr(t.Text);
            default:
                throw new FormatException($"unexpected token {t.Text}");
        }
    }
}
