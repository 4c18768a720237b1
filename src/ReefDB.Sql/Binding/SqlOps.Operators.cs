using ReefDB.Sql.Functions;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal static partial class SqlOps
{
    /// <summary>A prefix operator, resolved by the value layer (PostgreSQL result types and errors).</summary>
    public static (SqlType, Func<SqlValue, SqlValue>) Unary(Syntax.UnaryOperator op, SqlType t)
    {
        var resolved = SqlOperators.ResolveUnary(
            op switch
            {
                Syntax.UnaryOperator.Negate => "-",
                Syntax.UnaryOperator.Plus => "+",
                Syntax.UnaryOperator.BitwiseNot => "~",
                _ => "NOT",
            },
            t);
        var evaluate = resolved.Evaluate;
        return (resolved.ResultType, v => evaluate(v));
    }

    /// <summary>An infix (non-comparison, non-logical) operator, resolved by the value layer.</summary>
    public static (SqlType, Func<SqlValue, SqlValue, SqlValue>) Binary(Syntax.BinaryOperator op, SqlType l, SqlType r)
    {
        var resolved = SqlOperators.ResolveBinary(Binder.OperatorText(op), l, r);
        var evaluate = resolved.Evaluate;
        return (resolved.ResultType, (a, b) => evaluate(a, b));
    }

    /// <summary>Converts a value to <paramref name="to"/> with explicit-cast rules (CAST, parameters).</summary>
    public static SqlValue CastValue(SqlValue v, SqlType to) => v.IsNull ? v : SqlCasts.Cast(v, to);
}
