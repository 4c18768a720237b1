namespace ReefDB.Sql.Syntax;

/// <summary>Names: which words may be a column, a function, a label, and qualified names.</summary>
internal sealed partial class Parser
{
    /// <summary>Words that can follow an expression as operators, so never a bare column label.</summary>
    private static readonly HashSet<string> NonLabelWords =
        new(["is", "isnull", "notnull", "like", "ilike", "similar", "between", "overlaps", "collate", "at"], StringComparer.Ordinal);

    /// <summary>PostgreSQL's ColId: an identifier, an unreserved or a column-name keyword.</summary>
    private static bool IsColId(Token token) =>
        token.Kind == TokenKind.QuotedIdentifier
        || (token.Kind == TokenKind.Identifier
            && Keywords.CategoryOf(token) is KeywordCategory.None or KeywordCategory.ColumnName);

    /// <summary>PostgreSQL's type_function_name: an identifier, unreserved or type/function-name keyword.</summary>
    private static bool IsFunctionName(Token token) =>
        token.Kind == TokenKind.QuotedIdentifier
        || (token.Kind == TokenKind.Identifier
            && Keywords.CategoryOf(token) is KeywordCategory.None or KeywordCategory.TypeFunctionName);

    private static bool IsWord(Token token) => token.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier;

    private string ParseColId() => IsColId(Current) ? Advance().Text : throw SyntaxError();

    /// <summary>Any word, reserved or not (PostgreSQL's ColLabel), as after AS.</summary>
    private string ParseColLabel() => IsWord(Current) ? Advance().Text : throw SyntaxError();

    /// <summary>An alias written without AS after a select-list expression.</summary>
    private bool IsBareColumnLabel(Token token) =>
        token.Kind == TokenKind.QuotedIdentifier
        || (token.Kind == TokenKind.Identifier
            && Keywords.CategoryOf(token) != KeywordCategory.Reserved
            && !NonLabelWords.Contains(token.Text));

    private ObjectName ParseObjectName()
    {
        var start = Current;
        var first = ParseColId();
        if (!Accept(TokenKind.Dot))
        {
            return new ObjectName(null, first) { Position = PositionOf(start) };
        }

        var second = ParseColLabel();
        if (Accept(TokenKind.Dot))
        {
            // catalog.schema.name: the catalog is the database itself, tolerated like the schema.
            var third = ParseColLabel();
            return new ObjectName(second, third) { Position = PositionOf(start) };
        }

        return new ObjectName(first, second) { Position = PositionOf(start) };
    }

    private List<ObjectName> ParseObjectNameList()
    {
        var names = new List<ObjectName> { ParseObjectName() };
        while (Accept(TokenKind.Comma))
        {
            names.Add(ParseObjectName());
        }

        return names;
    }

    /// <summary><c>(name, name, …)</c> with at least one name.</summary>
    private List<string> ParseParenthesizedNames()
    {
        Expect(TokenKind.LeftParen);
        var names = new List<string> { ParseColId() };
        while (Accept(TokenKind.Comma))
        {
            names.Add(ParseColId());
        }

        Expect(TokenKind.RightParen);
        return names;
    }

    /// <summary><c>[AS] alias [(cols)]</c>, or null. A bare alias must be a ColId (not SET under UPDATE).</summary>
    private TableAlias? ParseOptionalTableAlias(bool allowBareSet = true)
    {
        var start = Current;
        string name;
        if (AcceptKeyword("as"))
        {
            name = ParseColId();
        }
        else if (IsColId(Current) && (allowBareSet || !IsKeyword("set")))
        {
            name = Advance().Text;
        }
        else
        {
            return null;
        }

        var columns = Is(TokenKind.LeftParen) ? ParseParenthesizedNames() : [];
        return new TableAlias(name, columns) { Position = PositionOf(start) };
    }

    private DropBehavior ParseDropBehavior()
    {
        if (AcceptKeyword("cascade"))
        {
            return DropBehavior.Cascade;
        }

        AcceptKeyword("restrict");
        return DropBehavior.Restrict;
    }
}
