namespace ReefDB.Sql.Syntax;

/// <summary>Expressions, fully parenthesized.</summary>
internal sealed partial class SqlFormatter
{
    private void WriteExpression(Expression expression)
    {
        switch (expression)
        {
            case NullLiteral:
                Append("NULL");
                break;
            case BooleanLiteral boolean:
                Append(boolean.Value ? "TRUE" : "FALSE");
                break;
            case IntegerLiteral integer:
                Append(integer.Value);
                break;
            case NumericLiteral numeric:
                Append(numeric.Text);
                break;
            case StringLiteral text:
                Append(QuoteString(text.Value));
                break;
            case BitStringLiteral bits:
                Append("B'").Append(bits.Bits).Append("'");
                break;
            case ParameterReference parameter:
                Append("$").Append(parameter.Number);
                break;
            case ColumnReference column:
                if (column.Schema is not null)
                {
                    Name(column.Schema).Append(".");
                }

                if (column.Table is not null)
                {
                    Name(column.Table).Append(".");
                }

                Name(column.Column);
                break;
            case UnaryExpression unary:
                Append("(").Append(UnarySymbol(unary.Operator)).Append(" ");
                WriteExpression(unary.Operand);
                Append(")");
                break;
            case BinaryExpression binary:
                Append("(");
                WriteExpression(binary.Left);
                Append(" ").Append(BinarySymbol(binary.Operator)).Append(" ");
                WriteExpression(binary.Right);
                Append(")");
                break;
            case CastExpression cast:
                Append("CAST(");
                WriteExpression(cast.Operand);
                Append(" AS ");
                WriteType(cast.Type);
                Append(")");
                break;
            case CaseExpression caseExpression:
                WriteCase(caseExpression);
                break;
            case RowExpression row:
                Append("ROW(");
                WriteList(row.Items, WriteExpression);
                Append(")");
                break;
            case DefaultExpression:
                Append("DEFAULT");
                break;
            case CurrentValueExpression current:
                Append(CurrentValueKeyword(current.Kind));
                break;
            case FunctionCall call:
                WriteCall(call);
                break;
            case ExistsExpression exists:
                Append("EXISTS (");
                WriteQuery(exists.Subquery);
                Append(")");
                break;
            case ScalarSubquery scalar:
                Append("(");
                WriteQuery(scalar.Subquery);
                Append(")");
                break;
            default:
                WritePredicate(expression);
                break;
        }
    }

    private void WritePredicate(Expression expression)
    {
        Append("(");
        switch (expression)
        {
            case LikeExpression like:
                WriteExpression(like.Value);
                Append(like.Negated ? " NOT " : " ").Append(like.Kind switch
                {
                    LikeKind.Like => "LIKE ",
                    LikeKind.ILike => "ILIKE ",
                    _ => "SIMILAR TO ",
                });
                WriteExpression(like.Pattern);
                WriteClause(" ESCAPE ", like.Escape);

                break;
            case IsNullExpression isNull:
                WriteExpression(isNull.Operand);
                Append(isNull.Negated ? " IS NOT NULL" : " IS NULL");
                break;
            case IsTruthExpression truth:
                WriteExpression(truth.Operand);
                Append(truth.Negated ? " IS NOT " : " IS ").Append(truth.Value.ToString().ToUpperInvariant());
                break;
            case IsDistinctFromExpression distinct:
                WriteExpression(distinct.Left);
                Append(distinct.Negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
                WriteExpression(distinct.Right);
                break;
            case BetweenExpression between:
                WriteExpression(between.Value);
                Append(between.Negated ? " NOT BETWEEN " : " BETWEEN ").Append(between.Symmetric ? "SYMMETRIC " : "");
                WriteExpression(between.Low);
                Append(" AND ");
                WriteExpression(between.High);
                break;
            case InListExpression inList:
                WriteExpression(inList.Value);
                Append(inList.Negated ? " NOT IN (" : " IN (");
                WriteList(inList.Items, WriteExpression);
                Append(")");
                break;
            case InSubqueryExpression inQuery:
                WriteExpression(inQuery.Value);
                Append(inQuery.Negated ? " NOT IN (" : " IN (");
                WriteQuery(inQuery.Subquery);
                Append(")");
                break;
            case QuantifiedComparison quantified:
                WriteExpression(quantified.Left);
                Append(" ").Append(BinarySymbol(quantified.Operator))
                    .Append(quantified.Quantifier == Quantifier.All ? " ALL (" : " ANY (");
                if (quantified.Subquery is not null)
                {
                    WriteQuery(quantified.Subquery);
                }
                else if (quantified.Array is not null)
                {
                    WriteExpression(quantified.Array);
                }

                Append(")");
                break;
            default:
                Append(expression.GetType().Name);
                break;
        }

        Append(")");
    }

    private void WriteCase(CaseExpression expression)
    {
        Append("CASE");
        WriteClause(" ", expression.Operand);

        foreach (var arm in expression.WhenClauses)
        {
            Append(" WHEN ");
            WriteExpression(arm.Condition);
            Append(" THEN ");
            WriteExpression(arm.Result);
        }

        WriteClause(" ELSE ", expression.Else);

        Append(" END");
    }

    private void WriteCall(FunctionCall call)
    {
        if (call.Schema is not null)
        {
            Name(call.Schema).Append(".");
        }

        Append(QuoteFunctionName(call.Name)).Append("(");
        if (call.IsStar)
        {
            Append("*");
        }

        if (call.Distinct)
        {
            Append("DISTINCT ");
        }

        WriteList(call.Arguments, WriteExpression);
        WriteClause(" ORDER BY ", call.OrderBy, WriteOrderByItem);

        Append(")");
        if (call.Filter is not null)
        {
            Append(" FILTER (WHERE ");
            WriteExpression(call.Filter);
            Append(")");
        }
    }

    /// <summary>Function names may be type/function-name keywords (left, right) and the keyword
    /// functions that also parse as plain calls; others that are keywords need quotes.</summary>
    private static string QuoteFunctionName(string name)
    {
        var quoted = QuoteIdentifier(name);
        if (quoted[0] != '"')
        {
            return name;
        }

        var lowerWord = name[0] is (>= 'a' and <= 'z') or '_'
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '$');
        var keyword = Keywords.CategoryOf(new Token(TokenKind.Identifier, name, 0, 0));
        var callable = keyword == KeywordCategory.TypeFunctionName
            || name is "coalesce" or "nullif" or "greatest" or "least" or "substring";
        return lowerWord && callable ? name : quoted;
    }

    private static string UnarySymbol(UnaryOperator op) => op switch
    {
        UnaryOperator.Plus => "+",
        UnaryOperator.Negate => "-",
        UnaryOperator.Not => "NOT",
        UnaryOperator.TextSearchNot => "!!",
        _ => "~",
    };

    public static string BinarySymbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Power => "^",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.And => "AND",
        BinaryOperator.Or => "OR",
        BinaryOperator.Concat => "||",
        BinaryOperator.TextSearchMatch => "@@",
        BinaryOperator.BitwiseAnd => "&",
        BinaryOperator.BitwiseOr => "|",
        BinaryOperator.BitwiseXor => "#",
        BinaryOperator.ShiftLeft => "<<",
        BinaryOperator.ShiftRight => ">>",
        BinaryOperator.RegexMatch => "~",
        BinaryOperator.RegexMatchInsensitive => "~*",
        BinaryOperator.RegexNotMatch => "!~",
        BinaryOperator.TextSearchAnd => "&&",
        BinaryOperator.TextSearchPhrase => "<->",
        BinaryOperator.Contains => "@>",
        BinaryOperator.ContainedBy => "<@",
        BinaryOperator.TextSearchMatchDeprecated => "@@@",
        _ => "!~*",
    };

    private static string CurrentValueKeyword(CurrentValueKind kind) => kind switch
    {
        CurrentValueKind.CurrentDate => "CURRENT_DATE",
        CurrentValueKind.CurrentTime => "CURRENT_TIME",
        CurrentValueKind.CurrentTimestamp => "CURRENT_TIMESTAMP",
        CurrentValueKind.LocalTime => "LOCALTIME",
        CurrentValueKind.LocalTimestamp => "LOCALTIMESTAMP",
        CurrentValueKind.SessionUser => "SESSION_USER",
        _ => "CURRENT_USER",
    };
}
