using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>INSERT, UPDATE, DELETE.</summary>
internal sealed partial class Parser
{
    private InsertStatement ParseInsert(WithClause? with)
    {
        var start = ExpectKeyword("insert");
        ExpectKeyword("into");
        var table = ParseObjectName();
        var alias = AcceptKeyword("as") ? ParseColId() : null;
        List<string> columns = Is(TokenKind.LeftParen) && !LooksLikeQueryInParens(index) ? ParseParenthesizedNames() : [];

        Query? source = null;
        if (!AcceptKeywords("default", "values"))
        {
            var sourceStart = Current;
            source = IsKeyword("values")
                ? FinishQuery(null, ParseValues(allowDefault: true), sourceStart)
                : ParseQuery();
        }

        OnConflictClause? onConflict = IsKeyword("on") ? ParseOnConflict() : null;
        var returning = ParseReturning();
        return new InsertStatement(with, table, alias, columns, source, onConflict, returning) { Position = PositionOf(start) };
    }

    private OnConflictClause ParseOnConflict()
    {
        var start = ExpectKeyword("on");
        ExpectKeyword("conflict");
        List<string> targets = [];
        string? constraint = null;
        if (Is(TokenKind.LeftParen))
        {
            targets = ParseParenthesizedNames();
        }
        else if (AcceptKeyword("on"))
        {
            ExpectKeyword("constraint");
            constraint = ParseColId();
        }

        ExpectKeyword("do");
        if (AcceptKeyword("nothing"))
        {
            return new OnConflictClause(targets, constraint, OnConflictAction.DoNothing, [], null) { Position = PositionOf(start) };
        }

        var update = ExpectKeyword("update");
        if (targets.Count == 0 && constraint is null)
        {
            throw ErrorAt(
                update, SqlStates.SyntaxError, "ON CONFLICT DO UPDATE requires inference specification or constraint name");
        }

        ExpectKeyword("set");
        var set = ParseSetClauses();
        var where = AcceptKeyword("where") ? ParseExpression() : null;
        return new OnConflictClause(targets, constraint, OnConflictAction.DoUpdate, set, where) { Position = PositionOf(start) };
    }

    private UpdateStatement ParseUpdate(WithClause? with)
    {
        var start = ExpectKeyword("update");
        AcceptKeyword("only");
        var table = ParseObjectName();
        var alias = ParseOptionalTableAlias(allowBareSet: false);
        if (alias is { ColumnNames.Count: > 0 })
        {
            throw SyntaxError();
        }

        ExpectKeyword("set");
        var set = ParseSetClauses();
        List<TableReference> from = AcceptKeyword("from") ? ParseFromList() : [];
        var where = AcceptKeyword("where") ? ParseExpression() : null;
        var returning = ParseReturning();
        return new UpdateStatement(with, table, alias?.Name, set, from, where, returning) { Position = PositionOf(start) };
    }

    private DeleteStatement ParseDelete(WithClause? with)
    {
        var start = ExpectKeyword("delete");
        ExpectKeyword("from");
        AcceptKeyword("only");
        var table = ParseObjectName();
        var alias = ParseOptionalTableAlias();
        if (alias is { ColumnNames.Count: > 0 })
        {
            throw SyntaxError();
        }

        List<TableReference> usingList = AcceptKeyword("using") ? ParseFromList() : [];
        var where = AcceptKeyword("where") ? ParseExpression() : null;
        var returning = ParseReturning();
        return new DeleteStatement(with, table, alias?.Name, usingList, where, returning) { Position = PositionOf(start) };
    }

    private List<SelectItem> ParseReturning() => AcceptKeyword("returning") ? ParseSelectList() : [];

    /// <summary><c>col = value, (a, b) = (x, y), …</c>; values may be DEFAULT.</summary>
    private List<SetClause> ParseSetClauses()
    {
        var clauses = new List<SetClause>();
        do
        {
            var start = Current;
            if (Is(TokenKind.LeftParen))
            {
                var columns = ParseParenthesizedNames();
                ExpectOperator("=");
                AcceptKeyword("row");
                if (Is(TokenKind.LeftParen) && LooksLikeQueryInParens(index))
                {
                    throw ErrorAt(Current, SqlStates.FeatureNotSupported, "multiple-column UPDATE from a subquery is not supported");
                }

                var valuesStart = Expect(TokenKind.LeftParen);
                var values = ParseValuesItems(allowDefault: true);
                Expect(TokenKind.RightParen);
                if (values.Count != columns.Count)
                {
                    throw ErrorAt(valuesStart, SqlStates.SyntaxError, "number of columns does not match number of values");
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    clauses.Add(new SetClause(columns[i], values[i]) { Position = PositionOf(start) });
                }

                continue;
            }

            var column = ParseColId();
            ExpectOperator("=");
            clauses.Add(new SetClause(column, ParseValueOrDefault(allowDefault: true)) { Position = PositionOf(start) });
        }
        while (Accept(TokenKind.Comma));

        return clauses;
    }

    private Expression ParseValueOrDefault(bool allowDefault)
    {
        if (allowDefault && IsKeyword("default"))
        {
            return new DefaultExpression { Position = PositionOf(Advance()) };
        }

        return ParseExpression();
    }

    private List<Expression> ParseValuesItems(bool allowDefault)
    {
        var items = new List<Expression> { ParseValueOrDefault(allowDefault) };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseValueOrDefault(allowDefault));
        }

        return items;
    }
}
