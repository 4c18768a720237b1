using System.Collections.Immutable;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    private BoundExpr BindFunctionCall(FunctionCall f, ExprContext cx)
    {
        var name = f.Name;
        if (SqlOps.IsAggregate(name))
        {
            return BindAggregate(f, cx);
        }

        if (f.Distinct || f.IsStar || f.OrderBy.Count > 0 || f.Filter is not null)
        {
            throw new SqlException(SqlStates.WrongObjectType, $"{name} is not an aggregate function");
        }

        var args = f.Arguments.Select(a => BindExpression(a, cx)).ToList();
        switch (name)
        {
            case "coalesce":
                var unified = Unify(args, "COALESCE");
                return new BoundCoalesce([.. unified], unified[0].Type);
            case "nullif" when args.Count == 2:
                var (a, b) = UnifyForComparison(args[0], args[1], "NULLIF");
                var left = args[0].Type.Kind == SqlTypeKind.Unknown ? a : args[0];
                return new BoundCase(
                    [(new BoundComparison(BinaryOperator.Equal, a, b), new BoundConstant(SqlValue.Null, left.Type))],
                    left,
                    left.Type);
            case "greatest" or "least":
                var items = Unify(args, name.ToUpperInvariant());
                var greatest = name == "greatest";
                return new BoundCall(name, (values, _) => Extreme(values, greatest), [.. items], items[0].Type);
        }

        var resolved = SqlOps.Function(name, args.Select(a => a.Type).ToList());
        var coerced = args.Select((a, i) => i < resolved.ParameterTypes.Count ? Coerce(a, resolved.ParameterTypes[i], name) : a);
        return new BoundCall(name, resolved.Implementation, [.. coerced], resolved.ReturnType, resolved.Volatile);
    }

    private static SqlValue Extreme(SqlValue[] values, bool greatest)
    {
        var best = SqlValue.Null;
        foreach (var v in values)
        {
            if (v.IsNull)
            {
                continue;
            }

            if (best.IsNull || (greatest ? SqlValue.Compare(v, best) > 0 : SqlValue.Compare(v, best) < 0))
            {
                best = v;
            }
        }

        return best;
    }

    private BoundAggregateCall BindAggregate(FunctionCall f, ExprContext cx)
    {
        if (!cx.AllowAggregates)
        {
            throw new SqlException(SqlStates.GroupingError, $"aggregate functions are not allowed in {cx.Clause}");
        }

        cx.SawAggregate = true;
        var inner = cx.WithoutAggregates("aggregate function calls");
        var args = f.Arguments.Select(a => BindExpression(a, inner)).ToList();
        var resolved = SqlOps.Aggregate(f.Name, args.Select(a => a.Type).ToList(), f.IsStar);
        var coerced = args.Select((a, i) => i < resolved.ParameterTypes.Count ? Coerce(a, resolved.ParameterTypes[i], f.Name) : a);
        var filter = f.Filter is null ? null : BindCondition(f.Filter, inner);
        var order = f.OrderBy.Select(o => BindOrderKey(o, inner)).ToImmutableArray();
        return new BoundAggregateCall(f.Name, [.. coerced], f.Distinct, f.IsStar, filter, order, resolved.ReturnType);
    }

    private BoundOrderKey BindOrderKey(OrderByItem o, ExprContext cx)
    {
        var e = BindExpression(o.Expression, cx);
        return MakeOrderKey(e, o);
    }

    private static BoundOrderKey MakeOrderKey(BoundExpr e, OrderByItem o)
    {
        var descending = o.Direction == SortDirection.Descending;
        var nullsFirst = o.Nulls switch
        {
            NullsOrder.First => true,
            NullsOrder.Last => false,
            _ => descending,
        };
        return new BoundOrderKey(e, descending, nullsFirst);
    }

    private BoundSubquery BindSubquery(SubqueryKind kind, Query query, Expression? leftSyntax, BinaryOperator op, ExprContext cx)
    {
        var left = leftSyntax is null ? null : BindExpression(leftSyntax, cx);
        var scope = new Scope(cx.Scope, null);
        var bound = BindQuery(query, scope);
        if (kind != SubqueryKind.Exists && bound.Width != 1)
        {
            throw new SqlException(
                SqlStates.SyntaxError,
                bound.Width > 1 ? "subquery has too many columns" : "subquery must return a column");
        }

        var type = SqlType.Boolean;
        if (kind == SubqueryKind.Scalar)
        {
            type = bound.Types[0].Kind == SqlTypeKind.Unknown ? SqlType.Text : bound.Types[0];
        }
        else if (left is not null)
        {
            var probe = new BoundConstant(SqlValue.Null, bound.Types[0]);
            var (l, _) = UnifyForComparison(left, probe, Binder.OperatorText(op));
            left = l;
        }

        var outer = scope.OuterReferences.DistinctBy(c => c.Id).ToImmutableArray();
        return new BoundSubquery(kind, bound, left, op, outer, type) { Id = NewSubqueryId() };
    }

    private BoundExpr BindInSubquery(InSubqueryExpression e, ExprContext cx)
    {
        if (e.Value is RowExpression)
        {
            throw new SqlException(SqlStates.FeatureNotSupported, "row values in IN (subquery) are not supported");
        }

        return e.Negated
            ? BindSubquery(SubqueryKind.All, e.Subquery, e.Value, BinaryOperator.NotEqual, cx)
            : BindSubquery(SubqueryKind.Any, e.Subquery, e.Value, BinaryOperator.Equal, cx);
    }
}
