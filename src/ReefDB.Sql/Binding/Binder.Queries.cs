using System.Collections.Immutable;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Binds a full query in <paramref name="scope"/> (a fresh scope whose parent is the enclosing query
    /// level, or null at top level).
    /// </summary>
    public BoundQuery BindQuery(Query query, Scope scope)
    {
        if (query.With is not null)
        {
            scope.Ctes = BindWith(query.With, scope.Ctes);
        }

        if (query.Body is SelectExpression select)
        {
            return BindSelect(select, query.OrderBy, query.Limit, query.Offset, scope);
        }

        var body = BindQueryExpression(query.Body, scope);
        if (query.OrderBy.Count == 0 && query.Limit is null && query.Offset is null)
        {
            return body;
        }

        var keys = query.OrderBy.Select(o => OutputOrderKey(o, body)).ToImmutableArray();
        return new BoundSortedQuery(body, keys, BindLimit(query.Limit, scope), BindLimit(query.Offset, scope));
    }

    private BoundQuery BindQueryExpression(QueryExpression e, Scope scope) => e switch
    {
        SelectExpression s => BindSelect(s, [], null, null, scope),
        ValuesExpression v => BindValues(v, scope),
        SetOperationExpression s => BindSetOperation(s, scope),
        Query q => BindQuery(q, scope.Sibling()),
        _ => throw new SqlException(SqlStates.FeatureNotSupported, "unsupported query form"),
    };

    private (int, bool, bool) OutputOrderKey(OrderByItem o, BoundQuery body)
    {
        var index = o.Expression switch
        {
            IntegerLiteral i when i.Value >= 1 && i.Value <= body.Width => (int)i.Value - 1,
            IntegerLiteral i => throw new SqlException(SqlStates.InvalidColumnReference, $"ORDER BY position {i.Value} is not in select list"),
            ColumnReference { Table: null } c => body.Names.IndexOf(c.Column),
            _ => -1,
        };
        if (index < 0)
        {
            throw new SqlException(
                SqlStates.FeatureNotSupported,
                "ORDER BY on a UNION/INTERSECT/EXCEPT result must be on one of the result columns");
        }

        var key = MakeOrderKey(new BoundOutputRef(index, body.Types[index]), o);
        return (index, key.Descending, key.NullsFirst);
    }

    private BoundValues BindValues(ValuesExpression v, Scope scope)
    {
        var cx = new ExprContext(scope, false, "VALUES");
        var rows = v.Rows.Select(r => r.Select(e => BindExpression(e, cx)).ToList()).ToList();
        var width = rows[0].Count;
        var types = new SqlType[width];
        for (var c = 0; c < width; c++)
        {
            var column = Unify(rows.Select(r => r[c]).ToList(), "VALUES");
            types[c] = column[0].Type.Kind == SqlTypeKind.Unknown ? SqlType.Text : column[0].Type;
            for (var r = 0; r < rows.Count; r++)
            {
                rows[r][c] = Coerce(column[r], types[c], "VALUES");
            }
        }

        var names = Enumerable.Range(1, width).Select(i => $"column{i}").ToImmutableArray();
        return new BoundValues(names, [.. types], [.. rows.Select(r => r.ToImmutableArray())]);
    }

    private BoundSetOperation BindSetOperation(SetOperationExpression s, Scope scope)
    {
        var left = BindQueryExpression(s.Left, scope.Sibling());
        var right = BindQueryExpression(s.Right, scope.Sibling());
        if (left.Width != right.Width)
        {
            throw new SqlException(SqlStates.SyntaxError, $"each {s.Operator.ToString().ToUpperInvariant()} query must have the same number of columns");
        }

        var types = new SqlType[left.Width];
        for (var i = 0; i < types.Length; i++)
        {
            var l = left.Types[i];
            var r = right.Types[i];
            types[i] = l.Kind == SqlTypeKind.Unknown && r.Kind == SqlTypeKind.Unknown ? SqlType.Text
                : l.Kind == SqlTypeKind.Unknown ? r
                : r.Kind == SqlTypeKind.Unknown ? l
                : SqlOps.CommonType([l, r], s.Operator.ToString().ToUpperInvariant());
        }

        return new BoundSetOperation(left.Names, [.. types], s.Operator, s.All, ConvertTo(left, types), ConvertTo(right, types));
    }

    /// <summary>Wraps <paramref name="q"/> so its columns come out as <paramref name="types"/>.</summary>
    public BoundQuery ConvertTo(BoundQuery q, IReadOnlyList<SqlType> types, bool assignment = false)
    {
        var converters = new Func<SqlValue, SqlValue>?[types.Count];
        var any = false;
        for (var i = 0; i < types.Count; i++)
        {
            var from = q.Types[i];
            if (SameType(from, types[i]))
            {
                continue;
            }

            converters[i] = from.Kind == SqlTypeKind.Unknown
                ? SqlOps.ExplicitCast(SqlType.Text, types[i])
                : (assignment ? SqlOps.AssignmentCast(from, types[i]) : SqlOps.ImplicitCast(from, types[i]))
                    ?? throw new SqlException(SqlStates.DatatypeMismatch, $"column {i + 1} is of type {from.Name} but {types[i].Name} was expected");
            any = true;
        }

        return any ? new BoundConvertedQuery(q, [.. converters], [.. types]) : q;
    }

    private BoundExpr? BindLimit(Expression? e, Scope scope)
    {
        if (e is null)
        {
            return null;
        }

        var cx = new ExprContext(scope.Sibling(), false, "LIMIT");
        return Coerce(BindExpression(e, cx), SqlType.BigInt, "LIMIT");
    }

    private CteScope BindWith(WithClause with, CteScope? parent)
    {
        var ctes = new CteScope(parent);
        foreach (var cte in with.Tables)
        {
            var definition = new CteDefinition(cte.Name, cte.ColumnNames, cte.Query, ctes);
            if (with.Recursive && IsSelfReferencing(cte))
            {
                BindRecursive(definition);
            }

            ctes.Add(definition);
        }

        return ctes;
    }
}
