using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>
/// Resolves SQL operators for operand types with PostgreSQL's rules (result types, promotion, unknown
/// literals taking the other operand's type) and returns evaluators that raise PostgreSQL's errors.
/// </summary>
/// <remarks>
/// Names: <c>+ - * / % ^</c>, <c>= &lt;&gt; != &lt; &lt;= &gt; &gt;=</c>, <c>||</c>, <c>LIKE</c>,
/// <c>NOT LIKE</c>, <c>ILIKE</c>, <c>NOT ILIKE</c> (<c>~~</c>, <c>!~~</c>, <c>~~*</c>, <c>!~~*</c>), <c>AND</c>,
/// <c>OR</c>, <c>IS DISTINCT FROM</c>, <c>IS NOT DISTINCT FROM</c>, and the integer bit operators
/// <c>&amp; | # &lt;&lt; &gt;&gt;</c>; unary <c>-</c>, <c>+</c>, <c>NOT</c>, <c>~</c>. Keywords in any case.
/// LIKE with an ESCAPE clause is <see cref="ResolveLike"/>.
/// </remarks>
internal static partial class SqlOperators
{
    /// <summary>Resolves <paramref name="name"/> for the operand types; 42883 when no such operator exists.</summary>
    public static BinaryOperator ResolveBinary(string name, SqlType left, SqlType right)
    {
        var op = name.ToUpperInvariant() switch
        {
            "!=" => "<>",
            "~~" => "LIKE",
            "!~~" => "NOT LIKE",
            "~~*" => "ILIKE",
            "!~~*" => "NOT ILIKE",
            var other => other,
        };
        return op switch
        {
            "+" or "-" or "*" or "/" or "%" => ResolveArithmetic(op, left, right),
            "^" => ResolvePower(left, right),
            "=" or "<>" or "<" or "<=" or ">" or ">=" => ResolveComparison(op, left, right),
            "||" => ResolveConcat(left, right),
            "LIKE" or "NOT LIKE" or "ILIKE" or "NOT ILIKE" => ResolveLike(op, left, right, hasEscape: false),
            "AND" or "OR" => ResolveLogic(op, left, right),
            "IS DISTINCT FROM" or "IS NOT DISTINCT FROM" => ResolveDistinct(op, left, right),
            "&" or "|" or "#" or "<<" or ">>" => ResolveBitwise(op, left, right),
            "~" or "~*" => ResolveRegexMatch(op, left, right),
            _ => throw NoOperator(name, left, right),
        };
    }

    /// <summary>Resolves a prefix operator: <c>-</c>, <c>+</c>, <c>NOT</c>, <c>~</c>.</summary>
    public static UnaryOperator ResolveUnary(string name, SqlType operand)
    {
        var op = name.ToUpperInvariant();
        var type = operand.Kind == SqlTypeKind.Unknown && op != "NOT" ? throw NoUnaryOperator(name, operand) : operand;
        switch (op)
        {
            case "NOT":
                if (operand.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Unknown))
                {
                    throw new SqlException(SqlStates.DatatypeMismatch, $"argument of NOT must be type boolean, not type {operand.Name}");
                }
                var toBool = Coercion(operand, SqlType.Boolean);
                return new UnaryOperator(op, operand, SqlType.Boolean, v => SqlLogic.Not(toBool(v)));
            case "+" when type.IsNumeric:
                return new UnaryOperator(op, type, type.WithoutModifiers, v => v);
            case "+":
                // PostgreSQL has prefix + for numbers only (42883 for "+ text"); ReefDB, like SQLite and
                // MySQL, reads it as the identity on every type, so SQL written for those runs unchanged
                // and no statement PostgreSQL accepts changes meaning.
                return new UnaryOperator(op, type, type, v => v);
            case "-" when type.IsNumeric:
                var kind = type.Kind;
                return new UnaryOperator(op, type, type.WithoutModifiers, v => v.Kind switch
                {
                    SqlValueKind.Null => v,
                    SqlValueKind.Int64 => SqlValue.FromInt64(IntegerMath.Negate(v.AsInt64, kind)),
                    SqlValueKind.Float32 => SqlValue.FromReal(-(float)v.AsDouble),
                    SqlValueKind.Float64 => SqlValue.FromDouble(-v.AsDouble),
                    _ => SqlValue.FromNumeric(-v.AsNumeric),
                });
            case "~" when type.IsInteger:
                var width = type.Kind;
                return new UnaryOperator(op, type, type, v => v.IsNull ? v : SqlValue.FromInt64(IntegerMath.Check(~v.AsInt64, width)));
            default:
                throw NoUnaryOperator(name, operand);
        }
    }

    /// <summary>
    /// A converter from values of <paramref name="from"/> to <paramref name="to"/> under implicit rules, or
    /// identity when the storage is already right (integers of any width, the same kind).
    /// </summary>
    internal static Func<SqlValue, SqlValue> Coercion(SqlType from, SqlType to)
    {
        if (from.Kind == to.Kind || (from.IsInteger && to.IsInteger && SqlCasts.NumericRank(to.Kind) >= SqlCasts.NumericRank(from.Kind)))
        {
            return static v => v;
        }
        return v => SqlCasts.Cast(v, from, to, CastContext.Implicit);
    }

    internal static SqlException NoOperator(string name, SqlType left, SqlType right) =>
        new(SqlStates.UndefinedFunction, $"operator does not exist: {left.Name} {name} {right.Name}");

    private static SqlException NoUnaryOperator(string name, SqlType operand) =>
        new(SqlStates.UndefinedFunction, $"operator does not exist: {name} {operand.Name}");

    private static SqlException NotUnique(string name, SqlType left, SqlType right) =>
        new(SqlStates.AmbiguousFunction, $"operator is not unique: {left.Name} {name} {right.Name}");

    /// <summary>Wraps a strict evaluator: NULL on either side gives NULL; unknown operands are coerced first.</summary>
    private static BinaryEvaluator Strict(SqlType left, SqlType leftTarget, SqlType right, SqlType rightTarget, BinaryEvaluator core)
    {
        var coerceLeft = left.Kind == SqlTypeKind.Unknown ? Coercion(left, leftTarget) : null;
        var coerceRight = right.Kind == SqlTypeKind.Unknown ? Coercion(right, rightTarget) : null;
        if (coerceLeft is null && coerceRight is null)
        {
            return (a, b) => a.IsNull || b.IsNull ? SqlValue.Null : core(a, b);
        }
        return (a, b) =>
        {
            if (a.IsNull || b.IsNull)
            {
                return SqlValue.Null;
            }
            return core(coerceLeft is null ? a : coerceLeft(a), coerceRight is null ? b : coerceRight(b));
        };
    }
}
