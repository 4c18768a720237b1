using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>Query expressions: WITH, set operations, SELECT cores, VALUES, ORDER BY/LIMIT.</summary>
internal sealed partial class Parser
{
    private Query ParseQuery()
    {
        using var scope = Enter();
        var start = Current;
        var with = IsKeyword("with") ? ParseWith() : null;
        return ParseQueryAfterWith(with, start);
    }

    private Query ParseQueryAfterWith(WithClause? with, Token start) => FinishQuery(with, ParseSetExpression(0), start);

    private WithClause ParseWith()
    {
        var start = ExpectKeyword("with");
        var recursive = AcceptKeyword("recursive");
        var tables = new List<CommonTableExpression>();
        do
        {
            var cteStart = Current;
            var name = ParseColId();
            List<string> columns = Is(TokenKind.LeftParen) ? ParseParenthesizedNames() : [];
            ExpectKeyword("as");
            if (!AcceptKeyword("materialized"))
            {
                AcceptKeywords("not", "materialized");
            }

            Expect(TokenKind.LeftParen);
            var query = ParseQuery();
            Expect(TokenKind.RightParen);
            tables.Add(new CommonTableExpression(name, columns, query) { Position = PositionOf(cteStart) });
        }
        while (Accept(TokenKind.Comma));

        return new WithClause(recursive, tables) { Position = PositionOf(start) };
    }

    /// <summary>ORDER BY, LIMIT, OFFSET and FETCH after a query body; unwraps a bare parenthesized query.</summary>
    private Query FinishQuery(WithClause? with, QueryExpression body, Token start)
    {
        List<OrderByItem> orderBy = AcceptKeywords("order", "by") ? ParseOrderByList() : [];
        Expression? limit = null, offset = null;
        bool sawLimit = false, sawOffset = false;
        while (true)
        {
            var clause = Current;
            if (AcceptKeyword("limit"))
            {
                RejectRepeat(ref sawLimit, clause, "LIMIT");
                limit = AcceptKeyword("all") ? null : ParseExpression();
                if (Is(TokenKind.Comma))
                {
                    throw ErrorAt(Current, SqlStates.SyntaxError, "LIMIT #,# syntax is not supported");
                }
            }
            else if (AcceptKeyword("offset"))
            {
                RejectRepeat(ref sawOffset, clause, "OFFSET");
                offset = ParseExpression();
                if (!AcceptKeyword("rows"))
                {
                    AcceptKeyword("row");
                }
            }
            else if (AcceptKeyword("fetch"))
            {
                RejectRepeat(ref sawLimit, clause, "LIMIT");
                limit = ParseFetchCount();
            }
            else
            {
                break;
            }
        }

        if (with is null && orderBy.Count == 0 && !sawLimit && !sawOffset && body is Query nested)
        {
            return nested;
        }

        return new Query(with, body, orderBy, limit, offset) { Position = PositionOf(start) };
    }

    private void RejectRepeat(ref bool seen, Token clause, string name)
    {
        if (seen)
        {
            throw ErrorAt(clause, SqlStates.SyntaxError, $"multiple {name} clauses not allowed");
        }

        seen = true;
    }

    /// <summary>FETCH {FIRST|NEXT} [n] {ROW|ROWS} ONLY, after FETCH.</summary>
    private Expression ParseFetchCount()
    {
        if (!AcceptKeyword("first"))
        {
            ExpectKeyword("next");
        }

        var countStart = Current;
        Expression count = IsKeyword("row") || IsKeyword("rows")
            ? new IntegerLiteral(1) { Position = PositionOf(countStart) }
            : ParseUnary();
        if (!AcceptKeyword("rows"))
        {
            ExpectKeyword("row");
        }

        if (IsKeyword("with"))
        {
            throw ErrorAt(Current, SqlStates.FeatureNotSupported, "FETCH … WITH TIES is not supported");
        }

        ExpectKeyword("only");
        return count;
    }

    /// <summary>Set operations by precedence climbing: INTERSECT (2) binds tighter than UNION/EXCEPT (1).</summary>
    private QueryExpression ParseSetExpression(int minLevel)
    {
        var left = ParseSetOperand();
        var chain = 0;
        while (true)
        {
            var token = Current;
            (SetOperator op, int level) = token.Kind != TokenKind.Identifier ? (SetOperator.Union, 0) : token.Text switch
            {
                "union" => (SetOperator.Union, 1),
                "except" => (SetOperator.Except, 1),
                "intersect" => (SetOperator.Intersect, 2),
                _ => (SetOperator.Union, 0),
            };
            if (level == 0 || level < minLevel)
            {
                return left;
            }

            CountChainLink(ref chain);
            Advance();
            var all = AcceptKeyword("all");
            if (!all)
            {
                AcceptKeyword("distinct");
            }

            var right = ParseSetExpression(level + 1);
            left = new SetOperationExpression(op, all, left, right) { Position = left.Position };
        }
    }

    private QueryExpression ParseSetOperand()
    {
        using var scope = Enter();
        var start = Current;
        if (Accept(TokenKind.LeftParen))
        {
            var query = ParseQuery();
            Expect(TokenKind.RightParen);

            // Parentheses that only group leave no Query node: the tree shape already says it.
            return query is { With: null, OrderBy.Count: 0, Limit: null, Offset: null } ? query.Body : query;
        }

        if (IsKeyword("select"))
        {
            return ParseSelectCore();
        }

        if (IsKeyword("values"))
        {
            return ParseValues(allowDefault: false);
        }

        if (AcceptKeyword("table"))
        {
            var name = ParseObjectName();
            return new SelectExpression(
                false, [], [new StarSelectItem(null) { Position = PositionOf(start) }],
                [new NamedTableReference(name, null) { Position = name.Position }], null, [], null)
            {
                Position = PositionOf(start),
            };
        }

        throw SyntaxError();
    }

    private SelectExpression ParseSelectCore()
    {
        var start = ExpectKeyword("select");
        var distinct = false;
        List<Expression> distinctOn = [];
        if (AcceptKeyword("distinct"))
        {
            distinct = true;
            if (AcceptKeyword("on"))
            {
                Expect(TokenKind.LeftParen);
                distinctOn = ParseExpressionList();
                Expect(TokenKind.RightParen);
            }
        }
        else
        {
            AcceptKeyword("all");
        }

        List<SelectItem> items = IsSelectListEnd() ? [] : ParseSelectList();
        List<TableReference> from = AcceptKeyword("from") ? ParseFromList() : [];
        var where = AcceptKeyword("where") ? ParseExpression() : null;
        List<Expression> groupBy = [];
        if (AcceptKeywords("group", "by"))
        {
            AcceptKeyword("all");
            groupBy = ParseExpressionList();
        }

        var having = AcceptKeyword("having") ? ParseExpression() : null;
        if (IsKeyword("window"))
        {
            throw ErrorAt(Current, SqlStates.FeatureNotSupported, "window functions are not supported");
        }

        return new SelectExpression(distinct, distinctOn, items, from, where, groupBy, having) { Position = PositionOf(start) };
    }

    /// <summary>PostgreSQL allows an empty select list (<c>SELECT FROM t</c>): a row with no columns.</summary>
    private bool IsSelectListEnd()
    {
        var token = Current;
        return token.Kind is TokenKind.EndOfInput or TokenKind.Semicolon or TokenKind.RightParen
            || (token.Kind == TokenKind.Identifier && token.Text is "from" or "where" or "group" or "having" or "union"
                or "intersect" or "except" or "order" or "limit" or "offset" or "fetch" or "window" or "into" or "for");
    }

    private List<SelectItem> ParseSelectList()
    {
        var items = new List<SelectItem> { ParseSelectItem() };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseSelectItem());
        }

        return items;
    }

    private SelectItem ParseSelectItem()
    {
        var start = Current;
        if (IsOperator("*"))
        {
            Advance();
            return new StarSelectItem(null) { Position = PositionOf(start) };
        }

        if (IsColId(start) && Peek(1).Kind == TokenKind.Dot)
        {
            // t.* or schema.t.*
            var starAt = Peek(2).IsOperator("*") ? 2 : IsWord(Peek(2)) && Peek(3).Kind == TokenKind.Dot && Peek(4).IsOperator("*") ? 4 : 0;
            if (starAt > 0)
            {
                var table = Peek(starAt - 2).Text;
                for (var i = 0; i <= starAt; i++)
                {
                    Advance();
                }

                return new StarSelectItem(table) { Position = PositionOf(start) };
            }
        }

        var expression = ParseExpression();
        string? alias = null;
        if (AcceptKeyword("as"))
        {
            alias = ParseColLabel();
        }
        else if (IsBareColumnLabel(Current))
        {
            alias = Advance().Text;
        }

        return new ExpressionSelectItem(expression, alias) { Position = PositionOf(start) };
    }

    private ValuesExpression ParseValues(bool allowDefault)
    {
        var start = ExpectKeyword("values");
        var rows = new List<IReadOnlyList<Expression>>();
        do
        {
            var rowStart = Expect(TokenKind.LeftParen);
            var row = ParseValuesItems(allowDefault);
            Expect(TokenKind.RightParen);
            if (rows.Count > 0 && row.Count != rows[0].Count)
            {
                throw ErrorAt(rowStart, SqlStates.SyntaxError, "VALUES lists must all be the same length");
            }

            rows.Add(row);
        }
        while (Accept(TokenKind.Comma));

        return new ValuesExpression(rows) { Position = PositionOf(start) };
    }

    private List<OrderByItem> ParseOrderByList()
    {
        var items = new List<OrderByItem>();
        do
        {
            var start = Current;
            var expression = ParseExpression();
            var (direction, nulls) = ParseSortOptions();
            items.Add(new OrderByItem(expression, direction, nulls) { Position = PositionOf(start) });
        }
        while (Accept(TokenKind.Comma));

        return items;
    }

    private (SortDirection Direction, NullsOrder Nulls) ParseSortOptions()
    {
        var direction = SortDirection.Ascending;
        if (AcceptKeyword("desc"))
        {
            direction = SortDirection.Descending;
        }
        else if (!AcceptKeyword("asc") && IsKeyword("using"))
        {
            throw ErrorAt(Current, SqlStates.FeatureNotSupported, "ORDER BY … USING is not supported");
        }

        var nulls = NullsOrder.Default;
        if (AcceptKeywords("nulls", "first"))
        {
            nulls = NullsOrder.First;
        }
        else if (AcceptKeywords("nulls", "last"))
        {
            nulls = NullsOrder.Last;
        }

        return (direction, nulls);
    }

    /// <summary>
    /// Whether the <c>(</c> at <paramref name="open"/> begins a parenthesized query rather than an
    /// expression: after any further <c>(</c>, a SELECT/VALUES/WITH/TABLE must follow, and the
    /// innermost query's closing parenthesis must be followed by more closing parentheses up to
    /// <paramref name="open"/>'s, or by a set operation or query tail (<c>((SELECT 1) UNION …)</c>).
    /// PostgreSQL's LALR grammar decides this with its states; one lookahead scan does it here.
    /// </summary>
    private bool LooksLikeQueryInParens(int open)
    {
        if (tokens[open].Kind != TokenKind.LeftParen)
        {
            return false;
        }

        var first = open;
        while (tokens[first].Kind == TokenKind.LeftParen)
        {
            first++;
        }

        var word = tokens[first];
        if (!(word.IsKeyword("select") || word.IsKeyword("values") || word.IsKeyword("with") || word.IsKeyword("table")))
        {
            return false;
        }

        var levels = first - open;
        if (levels == 1)
        {
            return true;
        }

        var close = MatchingParen(first - 1);
        for (var level = levels - 1; level > 0 && close >= 0; level--)
        {
            var next = tokens[close + 1];
            if (next.Kind != TokenKind.RightParen)
            {
                return next.Kind == TokenKind.Identifier && next.Text is "union" or "intersect" or "except" or "order"
                    or "limit" or "offset" or "fetch";
            }

            close++;
        }

        return true;
    }

    /// <summary>Index of the <c>)</c> matching the <c>(</c> at <paramref name="open"/>, or -1 if unbalanced.</summary>
    private int MatchingParen(int open)
    {
        var nesting = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.LeftParen)
            {
                nesting++;
            }
            else if (tokens[i].Kind == TokenKind.RightParen && --nesting == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
