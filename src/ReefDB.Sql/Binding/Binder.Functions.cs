using System.Collections.Immutable;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Functions.Aggregates;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    private BoundExpr BindFunctionCall(FunctionCall f, ExprContext cx)
    {
        var name = f.Name;
        if (AggregateRegistry.IsAggregate(name))
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
            case "bm25":
                return BindBm25(args);
            // COALESCE and NULLIF stay tree forms: COALESCE evaluates lazily, NULLIF is a CASE.
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
                args = Unify(args, name.ToUpperInvariant());
                break;
        }

        var resolved = ResolveFunction(name, args);
        return new BoundCall(name, resolved.Invoke, [.. args], resolved.ResultType, resolved.IsVolatile);
    }

    /// <summary>
    /// Resolves a scalar function in the value layer's registry. Unknown literals and parameters then take
    /// the chosen overload's parameter types (converted once here, and the parameter's type inferred, as
    /// PostgreSQL does), and the call is resolved again on the converted types, which the evaluator expects.
    /// </summary>
    private Functions.ResolvedFunction ResolveFunction(string name, List<BoundExpr> args)
    {
        var resolved = Functions.FunctionRegistry.Resolve(name, args.Select(a => a.Type).ToList());
        var converted = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Type.Kind == SqlTypeKind.Unknown && resolved.ParameterType(i) is { Kind: not SqlTypeKind.Unknown } target)
            {
                args[i] = Coerce(args[i], target, name);
                converted = true;
            }
        }

        return converted ? Functions.FunctionRegistry.Resolve(name, args.Select(a => a.Type).ToList()) : resolved;
    }

    /// <summary>
    /// Binds an aggregate call. It belongs to the innermost query level whose columns its arguments (or
    /// FILTER, ORDER BY) read, or to the current level when they read none (SQL standard, PostgreSQL):
    /// there it must be allowed by the clause it appears in. An aggregate of an enclosing level becomes,
    /// here, an outer column that level's aggregation computes.
    /// </summary>
    private BoundExpr BindAggregate(FunctionCall f, ExprContext cx)
    {
        var marks = cx.Scope.MarkOuterReferences();
        var inner = cx.WithoutAggregates("aggregate function calls");

        // Unknown literals and parameters are text to an aggregate, as the registry reads them.
        var args = f.Arguments.Select(a => BindExpression(a, inner))
            .Select(a => a.Type.Kind == SqlTypeKind.Unknown ? Coerce(a, SqlType.Text, f.Name) : a).ToList();
        var filter = f.Filter is null ? null : BindCondition(f.Filter, inner);
        var order = f.OrderBy.Select(o => BindOrderKey(o, inner)).ToImmutableArray();

        // With ORDER BY the aggregation node sorts and removes duplicates itself (in that order); otherwise
        // the registry's accumulator does DISTINCT.
        var function = AggregateRegistry.Resolve(f.Name, args.Select(a => a.Type).ToList(), f.Distinct && order.IsEmpty, f.IsStar);
        var call = new BoundAggregateCall(f.Name, function, [.. args], f.Distinct, f.IsStar, filter, order, function.ResultType);
        var level = call.Columns().Select(c => c.Level).DefaultIfEmpty(cx.Scope.Level).Max();
        if (call.Columns().Any(c => c.Level == level && outerAggregateIds.Contains(c.Id)))
        {
            throw new SqlException(SqlStates.GroupingError, "aggregate function calls cannot be nested");
        }

        if (level == cx.Scope.Level)
        {
            AllowAggregate(cx);
            return call;
        }

        // Reading the arguments made this subquery correlated to their columns; it reads the result instead.
        cx.Scope.RestoreOuterReferences(marks);
        var subquery = cx.Scope;
        while (subquery.Level > level + 1)
        {
            subquery = subquery.Parent!;
        }

        AllowAggregate(subquery.EnclosingContext
            ?? throw new SqlException(SqlStates.GroupingError, "aggregate functions are not allowed in FROM clause of their own query level"));
        var result = new BoundColumn(new ColumnId(NewSourceId(), 0), level, call.Type, call.Name);
        outerAggregateIds.Add(result.Id);
        subquery.Parent!.NestedAggregates.Add((result.Id, call));
        cx.Scope.AddOuterReference(result);
        return result;
    }

    private static void AllowAggregate(ExprContext cx)
    {
        if (!cx.AllowAggregates)
        {
            throw new SqlException(SqlStates.GroupingError, $"aggregate functions are not allowed in {cx.Clause}");
        }

        cx.SawAggregate = true;
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
        var scope = new Scope(cx.Scope, null) { EnclosingContext = cx };
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
