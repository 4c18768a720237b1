namespace ReefDB.Sql.Syntax;

/// <summary>FROM items: tables, subqueries, table functions and joins.</summary>
internal sealed partial class Parser
{
    private List<TableReference> ParseFromList()
    {
        var items = new List<TableReference> { ParseTableReference() };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseTableReference());
        }

        return items;
    }

    /// <summary>A FROM item with its joins, which associate to the left.</summary>
    private TableReference ParseTableReference()
    {
        var left = ParseTablePrimary();
        var chain = 0;
        while (true)
        {
            var joinStart = Current;
            if (AcceptKeyword("cross"))
            {
                ExpectKeyword("join");
                CountChainLink(ref chain);
                var crossRight = ParseTablePrimary();
                left = new JoinTableReference(JoinKind.Cross, left, crossRight, null, [], false) { Position = PositionOf(joinStart) };
                continue;
            }

            var natural = AcceptKeyword("natural");
            JoinKind kind;
            if (AcceptKeyword("join") || AcceptKeywords("inner", "join"))
            {
                kind = JoinKind.Inner;
            }
            else if (IsKeyword("left") || IsKeyword("right") || IsKeyword("full"))
            {
                kind = Advance().Text switch
                {
                    "left" => JoinKind.Left,
                    "right" => JoinKind.Right,
                    _ => JoinKind.Full,
                };
                AcceptKeyword("outer");
                ExpectKeyword("join");
            }
            else if (natural)
            {
                throw SyntaxError();
            }
            else
            {
                return left;
            }

            CountChainLink(ref chain);
            var right = ParseTablePrimary();
            Expression? condition = null;
            List<string> usingColumns = [];
            if (!natural)
            {
                if (AcceptKeyword("on"))
                {
                    condition = ParseExpression();
                }
                else if (AcceptKeyword("using"))
                {
                    usingColumns = ParseParenthesizedNames();
                }
                else
                {
                    throw SyntaxError();
                }
            }

            left = new JoinTableReference(kind, left, right, condition, usingColumns, natural) { Position = PositionOf(joinStart) };
        }
    }

    private TableReference ParseTablePrimary()
    {
        using var scope = Enter();
        var start = Current;
        var lateral = AcceptKeyword("lateral");
        if (Is(TokenKind.LeftParen))
        {
            if (LooksLikeQueryInParens(index))
            {
                Advance();
                var query = ParseQuery();
                Expect(TokenKind.RightParen);
                return new SubqueryTableReference(query, ParseOptionalTableAlias(), lateral) { Position = PositionOf(start) };
            }

            if (lateral)
            {
                throw SyntaxError();
            }

            Advance();
            var inner = ParseTableReference();
            Expect(TokenKind.RightParen);
            return inner;
        }

        var name = ParseObjectName();
        if (Is(TokenKind.LeftParen))
        {
            var call = ParseFunctionArguments(name.Schema, name.Name, start);
            return new FunctionTableReference(call, ParseOptionalTableAlias()) { Position = PositionOf(start) };
        }

        if (lateral)
        {
            throw SyntaxErrorAt(start);
        }

        return new NamedTableReference(name, ParseOptionalTableAlias()) { Position = PositionOf(start) };
    }
}
