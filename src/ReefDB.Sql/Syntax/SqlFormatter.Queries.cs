namespace ReefDB.Sql.Syntax;

/// <summary>Queries, select items and FROM items.</summary>
internal sealed partial class SqlFormatter
{
    private void WriteQuery(QueryExpression query)
    {
        switch (query)
        {
            case Query full:
                if (full.With is not null)
                {
                    WriteWith(full.With);
                }

                if (full.Body is Query)
                {
                    WriteQueryOperand(full.Body);
                }
                else
                {
                    WriteQuery(full.Body);
                }

                WriteClause(" ORDER BY ", full.OrderBy, WriteOrderByItem);
                WriteClause(" LIMIT ", full.Limit);
                WriteClause(" OFFSET ", full.Offset);

                break;
            case SelectExpression select:
                WriteSelect(select);
                break;
            case ValuesExpression values:
                Append("VALUES ");
                WriteList(values.Rows, row =>
                {
                    Append("(");
                    WriteList(row, WriteExpression);
                    Append(")");
                });
                break;
            case SetOperationExpression setOperation:
                WriteQueryOperand(setOperation.Left);
                Append(setOperation.Operator switch
                {
                    SetOperator.Union => " UNION ",
                    SetOperator.Intersect => " INTERSECT ",
                    _ => " EXCEPT ",
                });
                if (setOperation.All)
                {
                    Append("ALL ");
                }

                WriteQueryOperand(setOperation.Right);
                break;
        }
    }

    /// <summary>Set-operation operands and nested queries go in parentheses, so grouping is explicit.</summary>
    private void WriteQueryOperand(QueryExpression query)
    {
        var parenthesize = query is SetOperationExpression or Query;
        if (parenthesize)
        {
            Append("(");
        }

        WriteQuery(query);
        if (parenthesize)
        {
            Append(")");
        }
    }

    private void WriteWith(WithClause with)
    {
        Append(with.Recursive ? "WITH RECURSIVE " : "WITH ");
        WriteList(with.Tables, cte =>
        {
            Name(cte.Name);
            if (cte.ColumnNames.Count > 0)
            {
                WriteNames(cte.ColumnNames);
            }

            Append(" AS (");
            WriteQuery(cte.Query);
            Append(")");
        });
        Append(" ");
    }

    private void WriteSelect(SelectExpression select)
    {
        Append("SELECT");
        if (select.Distinct)
        {
            Append(" DISTINCT");
            if (select.DistinctOn.Count > 0)
            {
                Append(" ON (");
                WriteList(select.DistinctOn, WriteExpression);
                Append(")");
            }
        }

        WriteClause(" ", select.Items, WriteSelectItem);
        WriteClause(" FROM ", select.From, WriteTableReference);
        WriteClause(" WHERE ", select.Where);
        WriteClause(" GROUP BY ", select.GroupBy, WriteExpression);
        WriteClause(" HAVING ", select.Having);
    }

    private void WriteSelectItem(SelectItem item)
    {
        switch (item)
        {
            case StarSelectItem { Table: null }:
                Append("*");
                break;
            case StarSelectItem star:
                Name(star.Table!).Append(".*");
                break;
            case ExpressionSelectItem expression:
                WriteExpression(expression.Expression);
                if (expression.Alias is not null)
                {
                    Append(" AS ").Name(expression.Alias);
                }

                break;
        }
    }

    private void WriteOrderByItem(OrderByItem item)
    {
        WriteExpression(item.Expression);
        WriteSortOptions(item.Direction, item.Nulls);
    }

    private void WriteSortOptions(SortDirection direction, NullsOrder nulls)
    {
        if (direction == SortDirection.Descending)
        {
            Append(" DESC");
        }

        Append(nulls switch
        {
            NullsOrder.First => " NULLS FIRST",
            NullsOrder.Last => " NULLS LAST",
            _ => "",
        });
    }

    private void WriteTableReference(TableReference table)
    {
        switch (table)
        {
            case NamedTableReference named:
                WriteObjectName(named.Name);
                WriteAlias(named.Alias);
                break;
            case SubqueryTableReference subquery:
                Append(subquery.Lateral ? "LATERAL (" : "(");
                WriteQuery(subquery.Query);
                Append(")");
                WriteAlias(subquery.Alias);
                break;
            case FunctionTableReference function:
                WriteCall(function.Function);
                WriteAlias(function.Alias);
                break;
            case JoinTableReference join:
                Append("(");
                WriteTableReference(join.Left);
                Append(join.Natural ? " NATURAL" : "").Append(join.Kind switch
                {
                    JoinKind.Inner => " INNER JOIN ",
                    JoinKind.Left => " LEFT JOIN ",
                    JoinKind.Right => " RIGHT JOIN ",
                    JoinKind.Full => " FULL JOIN ",
                    _ => " CROSS JOIN ",
                });
                WriteTableReference(join.Right);
                WriteClause(" ON ", join.Condition);
                if (join.Condition is null && join.UsingColumns.Count > 0)
                {
                    Append(" USING ");
                    WriteNames(join.UsingColumns);
                }

                Append(")");
                break;
        }
    }

    private void WriteAlias(TableAlias? alias)
    {
        if (alias is null)
        {
            return;
        }

        Append(" AS ").Name(alias.Name);
        if (alias.ColumnNames.Count > 0)
        {
            WriteNames(alias.ColumnNames);
        }
    }
}
