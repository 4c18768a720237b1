namespace ReefDB.Sql.Syntax;

/// <summary>CREATE, DROP and ALTER statements.</summary>
internal sealed partial class Parser
{
    private Statement ParseCreate()
    {
        Advance();
        if (AcceptKeywords("or", "replace"))
        {
            ExpectKeyword("view");
            return ParseCreateViewBody(orReplace: true);
        }

        if (AcceptKeyword("table"))
        {
            return ParseCreateTableBody();
        }

        if (AcceptKeyword("view"))
        {
            return ParseCreateViewBody(orReplace: false);
        }

        var unique = AcceptKeyword("unique");
        ExpectKeyword("index");
        return ParseCreateIndexBody(unique);
    }

    private CreateTableStatement ParseCreateTableBody()
    {
        var ifNotExists = AcceptKeywords("if", "not", "exists");
        var name = ParseObjectName();
        Expect(TokenKind.LeftParen);
        var columns = new List<ColumnDefinition>();
        var constraints = new List<TableConstraint>();
        if (!Is(TokenKind.RightParen))
        {
            do
            {
                if (IsTableConstraintStart())
                {
                    constraints.Add(ParseTableConstraint());
                }
                else
                {
                    columns.Add(ParseColumnDefinition());
                }
            }
            while (Accept(TokenKind.Comma));
        }

        Expect(TokenKind.RightParen);
        return new CreateTableStatement(name, ifNotExists, columns, constraints);
    }

    private bool IsTableConstraintStart() =>
        IsKeyword("constraint") || IsKeyword("primary") || IsKeyword("unique") || IsKeyword("check") || IsKeyword("foreign");

    private ColumnDefinition ParseColumnDefinition()
    {
        var start = Current;
        var name = ParseColId();
        var type = ParseTypeName();
        var constraints = new List<ColumnConstraint>();
        while (true)
        {
            var constraintStart = Current;
            var constraintName = AcceptKeyword("constraint") ? ParseColId() : null;
            ColumnConstraint? constraint = null;
            if (AcceptKeywords("not", "null"))
            {
                constraint = new NotNullColumnConstraint(constraintName);
            }
            else if (AcceptKeyword("null"))
            {
                constraint = new NullColumnConstraint(constraintName);
            }
            else if (AcceptKeywords("primary", "key"))
            {
                constraint = new PrimaryKeyColumnConstraint(constraintName);
            }
            else if (AcceptKeyword("unique"))
            {
                constraint = new UniqueColumnConstraint(constraintName);
            }
            else if (AcceptKeyword("default"))
            {
                // PostgreSQL's b_expr: no AND/OR/NOT/IS at the top, so "DEFAULT 0 NOT NULL" reads as intended.
                constraint = new DefaultColumnConstraint(constraintName, ParseExpression(ComparisonLevel));
            }
            else if (AcceptKeyword("check"))
            {
                constraint = new CheckColumnConstraint(constraintName, ParseParenthesizedCondition());
            }
            else if (AcceptKeyword("references"))
            {
                constraint = new ReferencesColumnConstraint(constraintName, ParseForeignKeyReference(constraintStart));
            }
            else if (constraintName is not null)
            {
                throw SyntaxError();
            }
            else
            {
                return new ColumnDefinition(name, type, constraints) { Position = PositionOf(start) };
            }

            constraints.Add(constraint with { Position = PositionOf(constraintStart) });
        }
    }

    private Expression ParseParenthesizedCondition()
    {
        Expect(TokenKind.LeftParen);
        var condition = ParseExpression();
        Expect(TokenKind.RightParen);
        return condition;
    }

    private TableConstraint ParseTableConstraint()
    {
        var start = Current;
        var name = AcceptKeyword("constraint") ? ParseColId() : null;
        TableConstraint constraint;
        if (AcceptKeywords("primary", "key"))
        {
            constraint = new PrimaryKeyTableConstraint(name, ParseParenthesizedNames());
        }
        else if (AcceptKeyword("unique"))
        {
            constraint = new UniqueTableConstraint(name, ParseParenthesizedNames());
        }
        else if (AcceptKeyword("check"))
        {
            constraint = new CheckTableConstraint(name, ParseParenthesizedCondition());
        }
        else
        {
            var foreign = Current;
            ExpectKeyword("foreign");
            ExpectKeyword("key");
            var columns = ParseParenthesizedNames();
            ExpectKeyword("references");
            constraint = new ForeignKeyTableConstraint(name, columns, ParseForeignKeyReference(foreign));
        }

        return constraint with { Position = PositionOf(start) };
    }

    /// <summary>After REFERENCES: <c>table [(cols)] [ON DELETE action] [ON UPDATE action]</c>.</summary>
    private ForeignKeyReference ParseForeignKeyReference(Token start)
    {
        var table = ParseObjectName();
        List<string> columns = Is(TokenKind.LeftParen) ? ParseParenthesizedNames() : [];
        ReferentialAction onDelete = ReferentialAction.NoAction, onUpdate = ReferentialAction.NoAction;
        while (IsKeyword("on") && (Peek(1).IsKeyword("delete") || Peek(1).IsKeyword("update")))
        {
            Advance();
            var isDelete = Advance().IsKeyword("delete");
            var action = ParseReferentialAction();
            if (isDelete)
            {
                onDelete = action;
            }
            else
            {
                onUpdate = action;
            }
        }

        return new ForeignKeyReference(table, columns, onDelete, onUpdate) { Position = PositionOf(start) };
    }

    private ReferentialAction ParseReferentialAction()
    {
        if (AcceptKeywords("no", "action"))
        {
            return ReferentialAction.NoAction;
        }

        if (AcceptKeyword("restrict"))
        {
            return ReferentialAction.Restrict;
        }

        if (AcceptKeyword("cascade"))
        {
            return ReferentialAction.Cascade;
        }

        ExpectKeyword("set");
        if (AcceptKeyword("null"))
        {
            return ReferentialAction.SetNull;
        }

        ExpectKeyword("default");
        return ReferentialAction.SetDefault;
    }

    private CreateIndexStatement ParseCreateIndexBody(bool unique)
    {
        AcceptKeyword("concurrently");
        var ifNotExists = AcceptKeywords("if", "not", "exists");
        var name = IsKeyword("on") ? null : ParseColId();
        ExpectKeyword("on");
        AcceptKeyword("only");
        var table = ParseObjectName();
        var method = AcceptKeyword("using") ? ParseColId() : null;
        Expect(TokenKind.LeftParen);
        var elements = new List<IndexElement>();
        do
        {
            var start = Current;
            var expression = Is(TokenKind.LeftParen) ? ParseParenthesizedCondition() : ParsePrimary();
            if (IsWord(Current) && !IsKeyword("asc") && !IsKeyword("desc") && !IsKeyword("nulls"))
            {
                // An operator class (text_pattern_ops, …): accepted and ignored, ReefDB has one per type.
                ParseColId();
            }

            var (direction, nulls) = ParseSortOptions();
            elements.Add(new IndexElement(expression, direction, nulls) { Position = PositionOf(start) });
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RightParen);
        var where = AcceptKeyword("where") ? ParseExpression() : null;
        return new CreateIndexStatement(name, table, unique, ifNotExists, method, elements, where);
    }

    private CreateViewStatement ParseCreateViewBody(bool orReplace)
    {
        var name = ParseObjectName();
        List<string> columns = Is(TokenKind.LeftParen) ? ParseParenthesizedNames() : [];
        ExpectKeyword("as");
        return new CreateViewStatement(name, orReplace, columns, ParseQuery());
    }

    private Statement ParseDrop()
    {
        Advance();
        var kind = Current;
        if (!AcceptKeyword("table") && !AcceptKeyword("index") && !AcceptKeyword("view"))
        {
            throw SyntaxError();
        }

        if (kind.IsKeyword("index"))
        {
            AcceptKeyword("concurrently");
        }

        var ifExists = AcceptKeywords("if", "exists");
        var names = ParseObjectNameList();
        var behavior = ParseDropBehavior();
        return kind.Text switch
        {
            "table" => new DropTableStatement(names, ifExists, behavior),
            "index" => new DropIndexStatement(names, ifExists, behavior),
            _ => new DropViewStatement(names, ifExists, behavior),
        };
    }

    private AlterTableStatement ParseAlterTable()
    {
        Advance();
        ExpectKeyword("table");
        var ifExists = AcceptKeywords("if", "exists");
        AcceptKeyword("only");
        var table = ParseObjectName();
        var actions = new List<AlterTableAction>();
        var start = Current;
        if (AcceptKeyword("rename"))
        {
            if (AcceptKeyword("to"))
            {
                actions.Add(new RenameTableAction(ParseColId()) { Position = PositionOf(start) });
            }
            else
            {
                AcceptKeyword("column");
                var oldName = ParseColId();
                ExpectKeyword("to");
                actions.Add(new RenameColumnAction(oldName, ParseColId()) { Position = PositionOf(start) });
            }

            return new AlterTableStatement(table, ifExists, actions);
        }

        do
        {
            actions.Add(ParseAlterAction());
        }
        while (Accept(TokenKind.Comma));

        return new AlterTableStatement(table, ifExists, actions);
    }

    private AlterTableAction ParseAlterAction()
    {
        var start = Current;
        if (AcceptKeyword("add"))
        {
            if (IsTableConstraintStart())
            {
                return new AddConstraintAction(ParseTableConstraint()) { Position = PositionOf(start) };
            }

            AcceptKeyword("column");
            var ifNotExists = AcceptKeywords("if", "not", "exists");
            return new AddColumnAction(ParseColumnDefinition(), ifNotExists) { Position = PositionOf(start) };
        }

        ExpectKeyword("drop");
        AcceptKeyword("column");
        var ifExists = AcceptKeywords("if", "exists");
        var column = ParseColId();
        return new DropColumnAction(column, ifExists, ParseDropBehavior()) { Position = PositionOf(start) };
    }
}
