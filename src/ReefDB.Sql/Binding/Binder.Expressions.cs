using System.Collections.Immutable;
using System.Globalization;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    public BoundExpr BindExpression(Expression expression, ExprContext cx) => expression switch
    {
        ColumnReference c => BindColumn(c, cx),
        ParameterReference p => BindParameter(p),
        NullLiteral => new BoundConstant(SqlValue.Null, SqlType.Unknown),
        BooleanLiteral b => new BoundConstant(SqlValue.FromBoolean(b.Value), SqlType.Boolean),
        IntegerLiteral i => new BoundConstant(
            SqlValue.FromInt64(i.Value), i.Value is >= int.MinValue and <= int.MaxValue ? SqlType.Integer : SqlType.BigInt),
        NumericLiteral n => BindNumericLiteral(n),
        StringLiteral s => new BoundConstant(SqlValue.FromText(s.Value), SqlType.Unknown),
        UnaryExpression u => BindUnary(u, cx),
        BinaryExpression b => BindBinary(b, cx),
        CastExpression c => Cast(BindExpression(c.Operand, cx), TypeFromName(c.Type), explicitCast: true),
        CaseExpression c => BindCase(c, cx),
        IsNullExpression n => new BoundIsNull(BindExpression(n.Operand, cx), n.Negated),
        IsTruthExpression t => new BoundIsTruth(Coerce(BindExpression(t.Operand, cx), SqlType.Boolean, "IS TRUE"), t.Value, t.Negated),
        IsDistinctFromExpression d => BindIsDistinct(d, cx),
        BetweenExpression b => BindBetween(b, cx),
        InListExpression i => BindInList(i, cx),
        LikeExpression l => BindLike(l, cx),
        FunctionCall f => BindFunctionCall(f, cx),
        CurrentValueExpression v => BindCurrentValue(v),
        ScalarSubquery s => BindSubquery(SubqueryKind.Scalar, s.Subquery, null, BinaryOperator.Equal, cx),
        ExistsExpression e => BindSubquery(SubqueryKind.Exists, e.Subquery, null, BinaryOperator.Equal, cx),
        InSubqueryExpression i => BindInSubquery(i, cx),
        QuantifiedComparison q when q.Subquery is not null =>
            BindSubquery(q.Quantifier == Quantifier.Any ? SubqueryKind.Any : SubqueryKind.All, q.Subquery, q.Left, q.Operator, cx),
        RowExpression => throw new SqlException(SqlStates.FeatureNotSupported, "row values are not supported here"),
        DefaultExpression => throw new SqlException(SqlStates.SyntaxError, "DEFAULT is not allowed in this context"),
        _ => throw new SqlException(SqlStates.FeatureNotSupported, $"expression {expression.GetType().Name} is not supported"),
    };

    /// <summary>Binds a condition (WHERE, ON, HAVING, CHECK): it must be boolean.</summary>
    public BoundExpr BindCondition(Expression expression, ExprContext cx) =>
        Coerce(BindExpression(expression, cx), SqlType.Boolean, cx.Clause);

    private BoundExpr BindColumn(ColumnReference c, ExprContext cx)
    {
        var found = cx.Scope.Resolve(c.Table, c.Column);
        if (found is not null)
        {
            ColumnResolved?.Invoke(c, found);
            return found;
        }

        if (c.Table is not null && cx.Scope.FindVariable(c.Table) is null)
        {
            throw new SqlException(SqlStates.UndefinedTable, $"missing FROM-clause entry for table \"{c.Table}\"");
        }

        var name = c.Table is null ? c.Column : $"{c.Table}.{c.Column}";
        throw new SqlException(SqlStates.UndefinedColumn, $"column \"{name}\" does not exist", c.Position);
    }

    private BoundParameter BindParameter(ParameterReference p)
    {
        if (p.Number < 1)
        {
            throw new SqlException(SqlStates.UndefinedParameter, $"there is no parameter ${p.Number}");
        }

        NoteParameter(p.Number - 1, SqlType.Unknown);
        return new BoundParameter(p.Number - 1, SqlType.Unknown);
    }

    private static BoundConstant BindNumericLiteral(NumericLiteral n)
    {
        if (decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return new BoundConstant(SqlValue.FromNumeric(d), SqlType.Numeric);
        }

        if (double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
        {
            return new BoundConstant(SqlValue.FromDouble(f), SqlType.Double);
        }

        throw new SqlException(SqlStates.NumericValueOutOfRange, $"numeric literal {n.Text} is out of range");
    }

    private BoundExpr BindUnary(UnaryExpression u, ExprContext cx)
    {
        var operand = BindExpression(u.Operand, cx);
        if (u.Operator == UnaryOperator.TextSearchNot)
        {
            return BindTextSearchNot(operand);
        }

        if (u.Operator == UnaryOperator.Not)
        {
            return new BoundNot(Coerce(operand, SqlType.Boolean, "NOT"));
        }

        if (operand.Type.Kind == SqlTypeKind.Unknown)
        {
            operand = Coerce(operand, operand is BoundConstant { Value.IsNull: false } ? SqlType.Numeric : SqlType.Integer, "operator");
        }

        var (type, fn) = SqlOps.Unary(u.Operator, operand.Type);
        return new BoundUnary(UnaryName(u.Operator), fn, operand, type);
    }

    private BoundExpr BindBinary(BinaryExpression b, ExprContext cx)
    {
        if (b.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            var isAnd = b.Operator == BinaryOperator.And;
            var operands = ImmutableArray.CreateBuilder<BoundExpr>();
            foreach (var part in Flatten(b, b.Operator))
            {
                var bound = Coerce(BindExpression(part, cx), SqlType.Boolean, isAnd ? "AND" : "OR");
                if (bound is BoundLogical inner && inner.IsAnd == isAnd)
                {
                    operands.AddRange(inner.Operands);
                }
                else
                {
                    operands.Add(bound);
                }
            }

            return new BoundLogical(isAnd, operands.ToImmutable());
        }

        var left = BindExpression(b.Left, cx);
        var right = BindExpression(b.Right, cx);
        return BindBinaryOperator(b.Operator, left, right);
    }

    public BoundExpr BindBinaryOperator(BinaryOperator op, BoundExpr left, BoundExpr right)
    {
        if (IsComparison(op))
        {
            var (l, r) = UnifyForComparison(left, right, OperatorText(op));
            return new BoundComparison(op, l, r);
        }

        if (BindTextSearchOperator(op, left, right) is { } textSearch)
        {
            return textSearch;
        }

        if (left.Type.Kind == SqlTypeKind.Unknown && right.Type.Kind != SqlTypeKind.Unknown)
        {
            left = Coerce(left, op == BinaryOperator.Concat ? SqlType.Text : right.Type, OperatorText(op));
        }
        else if (right.Type.Kind == SqlTypeKind.Unknown && left.Type.Kind != SqlTypeKind.Unknown)
        {
            right = Coerce(right, op == BinaryOperator.Concat ? SqlType.Text : left.Type, OperatorText(op));
        }
        else if (left.Type.Kind == SqlTypeKind.Unknown && right.Type.Kind == SqlTypeKind.Unknown)
        {
            var t = op == BinaryOperator.Concat || (left is BoundConstant { Value.IsNull: false } && right is BoundConstant { Value.IsNull: false })
                ? SqlType.Text
                : SqlType.Integer;
            left = Coerce(left, t, OperatorText(op));
            right = Coerce(right, t, OperatorText(op));
        }

        var (type, fn) = SqlOps.Binary(op, left.Type, right.Type);
        return new BoundBinary(OperatorText(op), fn, left, right, type);
    }

    /// <summary>Brings two comparison operands to comparable types (unknown literals take the other side's type).</summary>
    public (BoundExpr Left, BoundExpr Right) UnifyForComparison(BoundExpr left, BoundExpr right, string what)
    {
        var lk = left.Type.Kind;
        var rk = right.Type.Kind;
        if (lk == SqlTypeKind.Unknown && rk == SqlTypeKind.Unknown)
        {
            return (Coerce(left, SqlType.Text, what), Coerce(right, SqlType.Text, what));
        }

        if (lk == SqlTypeKind.Unknown)
        {
            return (Coerce(left, right.Type, what), right);
        }

        if (rk == SqlTypeKind.Unknown)
        {
            return (left, Coerce(right, left.Type, what));
        }

        var common = SqlOps.CommonType([left.Type, right.Type], what);
        return (Coerce(left, common, what), Coerce(right, common, what));
    }

    private static IEnumerable<Expression> Flatten(Expression e, BinaryOperator op) =>
        e is BinaryExpression b && b.Operator == op ? Flatten(b.Left, op).Concat(Flatten(b.Right, op)) : [e];

    public static bool IsComparison(BinaryOperator op) => op is BinaryOperator.Equal or BinaryOperator.NotEqual
        or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;

    /// <summary>The operator's SQL symbol, as the value layer resolves it (AND/OR never get here).</summary>
    public static string OperatorText(BinaryOperator op) => SqlFormatter.BinarySymbol(op);

    private static string UnaryName(UnaryOperator op) => op switch
    {
        UnaryOperator.Negate => "-",
        UnaryOperator.Plus => "+",
        UnaryOperator.BitwiseNot => "~",
        _ => "NOT",
    };
}
