using System.Globalization;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>Primary expressions: literals, names, calls, parentheses, CASE, CAST and keyword forms.</summary>
internal sealed partial class Parser
{
    /// <summary>Type keywords that start a typed literal such as <c>TIMESTAMP '2024-01-01 10:00'</c>.</summary>
    private static readonly HashSet<string> TypeKeywords = new(
        ["bigint", "bit", "boolean", "char", "character", "dec", "decimal", "double", "float", "int", "integer",
            "interval", "numeric", "real", "smallint", "time", "timestamp", "varchar"],
        StringComparer.Ordinal);

    private Expression ParsePrimary()
    {
        var token = Current;
        var at = PositionOf(token);
        switch (token.Kind)
        {
            case TokenKind.Integer:
            case TokenKind.Numeric:
                Advance();
                return NumberLiteral(token.Text) with { Position = at };
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Text) { Position = at };
            case TokenKind.BitString:
                Advance();
                return new BitStringLiteral(token.Text) { Position = at };
            case TokenKind.Parameter:
                Advance();
                if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
                {
                    throw ErrorAt(token, SqlStates.UndefinedParameter, $"there is no parameter ${token.Text}");
                }

                return new ParameterReference(number) { Position = at };
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.QuotedIdentifier:
                return ParseNameExpression();
            case TokenKind.Identifier:
                return ParseKeywordOrName();
            default:
                throw SyntaxError();
        }
    }

    private Expression ParseParenthesized()
    {
        var open = Current;
        if (LooksLikeQueryInParens(index))
        {
            Advance();
            var query = ParseQuery();
            Expect(TokenKind.RightParen);
            return new ScalarSubquery(query) { Position = PositionOf(open) };
        }

        Advance();
        var first = ParseExpression();
        if (!Accept(TokenKind.Comma))
        {
            Expect(TokenKind.RightParen);
            return first;
        }

        var items = new List<Expression> { first };
        items.AddRange(ParseExpressionList());
        Expect(TokenKind.RightParen);
        return new RowExpression(items) { Position = PositionOf(open) };
    }

    private Expression ParseKeywordOrName()
    {
        var token = Current;
        var at = PositionOf(token);
        var next = Peek(1);
        var call = next.Kind == TokenKind.LeftParen;
        switch (token.Text)
        {
            case "null":
                Advance();
                return new NullLiteral { Position = at };
            case "true" or "false":
                Advance();
                return new BooleanLiteral(token.Text == "true") { Position = at };
            case "case":
                return ParseCase();
            case "cast":
                Advance();
                Expect(TokenKind.LeftParen);
                var operand = ParseExpression();
                ExpectKeyword("as");
                var type = ParseTypeName();
                Expect(TokenKind.RightParen);
                return new CastExpression(operand, type) { Position = at };
            case "exists":
                Advance();
                if (!LooksLikeQueryInParens(index))
                {
                    throw SyntaxError();
                }

                Advance();
                var subquery = ParseQuery();
                Expect(TokenKind.RightParen);
                return new ExistsExpression(subquery) { Position = at };
            case "row" when call:
                Advance();
                Advance();
                List<Expression> items = Is(TokenKind.RightParen) ? [] : ParseExpressionList();
                Expect(TokenKind.RightParen);
                return new RowExpression(items) { Position = at };
            case "current_date" or "current_time" or "current_timestamp" or "localtime" or "localtimestamp"
                or "current_user" or "current_role" or "session_user" or "user":
                Advance();
                return new CurrentValueExpression(token.Text switch
                {
                    "current_date" => CurrentValueKind.CurrentDate,
                    "current_time" => CurrentValueKind.CurrentTime,
                    "current_timestamp" => CurrentValueKind.CurrentTimestamp,
                    "localtime" => CurrentValueKind.LocalTime,
                    "localtimestamp" => CurrentValueKind.LocalTimestamp,
                    "session_user" => CurrentValueKind.SessionUser,
                    _ => CurrentValueKind.CurrentUser,
                })
                {
                    Position = at,
                };
            case "extract" when call:
                return ParseExtract();
            case "substring" when call:
                return ParseSubstring();
            case "position" when call:
                return ParsePosition();
            case "trim" when call:
                return ParseTrim();
            case "coalesce" or "nullif" or "greatest" or "least" when call:
                Advance();
                return ParseFunctionArguments(null, token.Text, token);
            case "array":
                throw ErrorAt(token, SqlStates.FeatureNotSupported, "arrays are not supported");
            case "default":
                throw ErrorAt(token, SqlStates.SyntaxError, "DEFAULT is not allowed in this context");
        }

        if (IsTypedLiteralStart(token, next))
        {
            var type = ParseTypeName();
            if (!Is(TokenKind.String))
            {
                throw SyntaxError();
            }

            var value = new StringLiteral(Advance().Text) { Position = at };
            return new CastExpression(value, type) { Position = at };
        }

        return ParseNameExpression();
    }

    /// <summary>
    /// <c>type 'text'</c>: a type keyword followed by a string (or by the rest of a multi-word type), or
    /// any plain identifier directly followed by a string (<c>date '2024-01-01'</c>), as in PostgreSQL.
    /// </summary>
    private static bool IsTypedLiteralStart(Token token, Token next)
    {
        if (TypeKeywords.Contains(token.Text))
        {
            return next.Kind is TokenKind.String or TokenKind.LeftParen
                || (token.Text == "double" && next.IsKeyword("precision"))
                || (token.Text is "timestamp" or "time" && (next.IsKeyword("with") || next.IsKeyword("without")))
                || (token.Text is "character" or "char" or "bit" && next.IsKeyword("varying"));
        }

        return next.Kind == TokenKind.String && Keywords.CategoryOf(token) == KeywordCategory.None;
    }

    /// <summary>A column reference <c>a</c>, <c>t.a</c>, <c>s.t.a</c>, or a call <c>f(…)</c>, <c>s.f(…)</c>.</summary>
    private Expression ParseNameExpression()
    {
        var start = Current;
        var parts = new List<Token> { Advance() };
        while (Is(TokenKind.Dot))
        {
            Advance();
            if (!IsWord(Current))
            {
                throw SyntaxError();
            }

            parts.Add(Advance());
        }

        if (Is(TokenKind.LeftParen))
        {
            if (parts.Count > 2 || (parts.Count == 1 && !IsFunctionName(start)))
            {
                throw SyntaxErrorAt(start);
            }

            return parts.Count == 1
                ? ParseFunctionArguments(null, start.Text, start)
                : ParseFunctionArguments(start.Text, parts[1].Text, start);
        }

        if (!IsColId(start))
        {
            throw SyntaxErrorAt(start);
        }

        var at = PositionOf(start);
        return parts.Count switch
        {
            1 => new ColumnReference(null, null, start.Text) { Position = at },
            2 => new ColumnReference(null, start.Text, parts[1].Text) { Position = at },
            3 => new ColumnReference(start.Text, parts[1].Text, parts[2].Text) { Position = at },
            _ => throw ErrorAt(start, SqlStates.SyntaxError, "improper qualified name (too many dotted names)"),
        };
    }

    /// <summary>The parenthesized arguments of a call (current token is the <c>(</c>), then FILTER.</summary>
    private FunctionCall ParseFunctionArguments(string? schema, string name, Token start)
    {
        Expect(TokenKind.LeftParen);
        var distinct = false;
        var star = false;
        List<Expression> arguments = [];
        List<OrderByItem> orderBy = [];
        if (IsOperator("*") && Peek(1).Kind == TokenKind.RightParen)
        {
            Advance();
            star = true;
        }
        else if (!Is(TokenKind.RightParen))
        {
            distinct = AcceptKeyword("distinct");
            if (!distinct)
            {
                AcceptKeyword("all");
            }

            arguments = ParseExpressionList();
            if (AcceptKeywords("order", "by"))
            {
                orderBy = ParseOrderByList();
            }
        }

        Expect(TokenKind.RightParen);
        Expression? filter = null;
        if (IsKeyword("filter") && Peek(1).Kind == TokenKind.LeftParen)
        {
            Advance();
            Advance();
            ExpectKeyword("where");
            filter = ParseExpression();
            Expect(TokenKind.RightParen);
        }

        if (IsKeyword("over"))
        {
            throw ErrorAt(Current, SqlStates.FeatureNotSupported, "window functions are not supported");
        }

        if (IsKeyword("within"))
        {
            throw ErrorAt(Current, SqlStates.FeatureNotSupported, "WITHIN GROUP is not supported");
        }

        return new FunctionCall(schema, name, arguments, distinct, star, orderBy, filter) { Position = PositionOf(start) };
    }

    private CaseExpression ParseCase()
    {
        var start = ExpectKeyword("case");
        var operand = IsKeyword("when") ? null : ParseExpression();
        var arms = new List<WhenClause>();
        while (IsKeyword("when"))
        {
            var whenStart = Advance();
            var condition = ParseExpression();
            ExpectKeyword("then");
            arms.Add(new WhenClause(condition, ParseExpression()) { Position = PositionOf(whenStart) });
        }

        if (arms.Count == 0)
        {
            throw SyntaxError();
        }

        var otherwise = AcceptKeyword("else") ? ParseExpression() : null;
        ExpectKeyword("end");
        return new CaseExpression(operand, arms, otherwise) { Position = PositionOf(start) };
    }
}
