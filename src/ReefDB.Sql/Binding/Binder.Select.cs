using System.Collections.Immutable;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    private BoundSelect BindSelect(SelectExpression s, IReadOnlyList<OrderByItem> orderBy, Expression? limit, Expression? offset, Scope scope)
    {
        var from = BindFromList(s.From, scope);
        var where = s.Where is null ? null : BindCondition(s.Where, new ExprContext(scope, false, "WHERE"));

        var outputCx = new ExprContext(scope, true, "SELECT");
        var outputs = new List<BoundExpr>();
        var names = new List<string>();
        foreach (var item in s.Items)
        {
            switch (item)
            {
                case StarSelectItem star:
                    ExpandStar(star, scope, outputs, names);
                    break;
                case ExpressionSelectItem e:
                    if (ColumnResolved is not null && e is { Alias: null, Expression: ColumnReference named })
                    {
                        UnaliasedOutputColumns.Add(named);
                    }

                    var bound = BindExpression(e.Expression, outputCx);
                    if (bound.Type.Kind == SqlTypeKind.Unknown)
                    {
                        bound = Coerce(bound, SqlType.Text, "SELECT");
                    }

                    outputs.Add(bound);
                    names.Add(e.Alias ?? DeriveName(e.Expression));
                    break;
            }
        }

        var groupBy = s.GroupBy.Select(g => BindGroupKey(g, scope, outputs, names)).ToImmutableArray();
        var havingCx = new ExprContext(scope, true, "HAVING");
        var having = s.Having is null ? null : BindCondition(s.Having, havingCx);

        var orderCx = new ExprContext(scope, true, "ORDER BY");
        var order = orderBy.Select(o => BindSelectOrderKey(o, orderCx, outputs, names)).ToImmutableArray();
        var distinctOn = s.DistinctOn.Select(e => BindExpression(e, outputCx)).ToImmutableArray();
        var isAggregate = groupBy.Length > 0 || outputCx.SawAggregate || havingCx.SawAggregate || orderCx.SawAggregate;
        if (s.Distinct && distinctOn.IsEmpty && order.Any(k => k.Expression is not BoundOutputRef))
        {
            throw new SqlException(SqlStates.InvalidColumnReference, "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
        }

        if (isAggregate)
        {
            var keys = groupBy.Select(ExpressionKey.Of).ToHashSet(StringComparer.Ordinal);

            // Subqueries read this level's aggregates they contain as computed columns: grouped by definition.
            keys.UnionWith(scope.NestedAggregates.Select(a => ExpressionKey.Of(new BoundColumn(a.Id, scope.Level, a.Call.Type, a.Call.Name))));
            foreach (var e in outputs.Concat(having is null ? [] : [having]).Concat(order.Select(o => o.Expression)).Concat(distinctOn))
            {
                CheckGrouped(e, keys, scope.Level);
            }
        }

        return new BoundSelect(
            [.. names],
            [.. outputs.Select(o => o.Type)],
            from,
            where,
            groupBy,
            isAggregate,
            having,
            [.. outputs],
            s.Distinct,
            distinctOn,
            order,
            BindLimit(limit, scope),
            BindLimit(offset, scope),
            scope.Level)
        {
            NestedAggregates = [.. scope.NestedAggregates],
        };
    }

    private static void ExpandStar(StarSelectItem star, Scope scope, List<BoundExpr> outputs, List<string> names)
    {
        var any = false;
        foreach (var v in scope.Variables)
        {
            if (star.Table is not null && !string.Equals(v.Alias, star.Table, StringComparison.Ordinal))
            {
                continue;
            }

            any = true;
            for (var i = 0; i < v.ColumnNames.Length; i++)
            {
                if (star.Table is null && v.HiddenForUnqualified.Contains(i))
                {
                    continue;
                }

                outputs.Add(new BoundColumn(new ColumnId(v.SourceId, i), scope.Level, v.ColumnTypes[i], v.ColumnNames[i]));
                names.Add(v.ColumnNames[i]);
            }
        }

        if (!any)
        {
            throw star.Table is null
                ? new SqlException(SqlStates.SyntaxError, "SELECT * with no tables specified is not valid")
                : new SqlException(SqlStates.UndefinedTable, $"missing FROM-clause entry for table \"{star.Table}\"");
        }
    }

    /// <summary>PostgreSQL's output column name for an unaliased expression.</summary>
    public static string DeriveName(Expression e) => e switch
    {
        ColumnReference c => c.Column,
        FunctionCall f => f.Name,
        CastExpression c => DeriveName(c.Operand) is var inner && inner != "?column?" ? inner : c.Type.Name,
        CaseExpression => "case",
        ExistsExpression => "exists",
        ScalarSubquery q when q.Subquery.Body is SelectExpression { Items: [ExpressionSelectItem item] } =>
            item.Alias ?? DeriveName(item.Expression),
        CurrentValueExpression v => v.Kind switch
        {
            CurrentValueKind.CurrentDate => "current_date",
            CurrentValueKind.CurrentTimestamp => "current_timestamp",
            _ => v.Kind.ToString().ToLowerInvariant(),
        },
        BooleanLiteral => "bool",
        _ => "?column?",
    };

    private BoundExpr BindGroupKey(Expression g, Scope scope, List<BoundExpr> outputs, List<string> names)
    {
        if (g is IntegerLiteral i)
        {
            if (i.Value < 1 || i.Value > outputs.Count)
            {
                throw new SqlException(SqlStates.InvalidColumnReference, $"GROUP BY position {i.Value} is not in select list");
            }

            return outputs[(int)i.Value - 1];
        }

        if (g is ColumnReference { Table: null } c && scope.Resolve(null, c.Column) is null)
        {
            var index = names.IndexOf(c.Column);
            if (index >= 0)
            {
                return outputs[index];
            }
        }

        return BindExpression(g, new ExprContext(scope, false, "GROUP BY"));
    }

    private BoundOrderKey BindSelectOrderKey(OrderByItem o, ExprContext cx, List<BoundExpr> outputs, List<string> names)
    {
        if (o.Expression is IntegerLiteral i)
        {
            if (i.Value < 1 || i.Value > outputs.Count)
            {
                throw new SqlException(SqlStates.InvalidColumnReference, $"ORDER BY position {i.Value} is not in select list");
            }

            var k = (int)i.Value - 1;
            return MakeOrderKey(new BoundOutputRef(k, outputs[k].Type), o);
        }

        if (o.Expression is ColumnReference { Table: null } c)
        {
            var matches = names.Select((n, idx) => (n, idx)).Where(x => x.n == c.Column).ToList();
            if (matches.Count == 1 || (matches.Count > 1 && matches.All(m => ExpressionKey.Of(outputs[m.idx]) == ExpressionKey.Of(outputs[matches[0].idx]))))
            {
                return MakeOrderKey(new BoundOutputRef(matches[0].idx, outputs[matches[0].idx].Type), o);
            }

            if (matches.Count > 1)
            {
                throw new SqlException(SqlStates.AmbiguousColumn, $"ORDER BY \"{c.Column}\" is ambiguous");
            }
        }

        var bound = BindExpression(o.Expression, cx);
        var key = ExpressionKey.Of(bound);
        var same = outputs.FindIndex(x => ExpressionKey.Of(x) == key);
        return MakeOrderKey(same >= 0 ? new BoundOutputRef(same, bound.Type) : bound, o);
    }

    /// <summary>Rejects (42803) a column of this level read outside an aggregate and not grouped.</summary>
    private static void CheckGrouped(BoundExpr e, HashSet<string> groupKeys, int level)
    {
        if (e is BoundAggregateCall or BoundOutputRef || groupKeys.Contains(ExpressionKey.Of(e)))
        {
            return;
        }

        if (e is BoundColumn c && c.Level == level)
        {
            throw new SqlException(SqlStates.GroupingError, $"column \"{c.Name}\" must appear in the GROUP BY clause or be used in an aggregate function");
        }

        if (e is BoundSubquery sq)
        {
            foreach (var outer in sq.OuterReferences.Where(x => x.Level == level))
            {
                CheckGrouped(outer, groupKeys, level);
            }
        }

        foreach (var child in e.Children)
        {
            CheckGrouped(child, groupKeys, level);
        }
    }
}
