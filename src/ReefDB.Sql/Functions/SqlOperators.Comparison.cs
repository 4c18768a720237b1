using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

internal static partial class SqlOperators
{
    /// <summary>
    /// Resolves the type both sides of a comparison are compared as (unknown literals take the other side's
    /// type), or throws 42883 ("operator does not exist: integer = text") when they cannot be compared.
    /// </summary>
    internal static SqlType ComparisonType(string op, SqlType left, SqlType right)
    {
        var l = left.Kind == SqlTypeKind.Unknown ? TypeResolution.ResolveUnknown(right) : left;
        var r = right.Kind == SqlTypeKind.Unknown ? TypeResolution.ResolveUnknown(left) : right;
        var comparable = (l.IsNumeric && r.IsNumeric)
            || (l.IsString && r.IsString)
            || (l.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp && r.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp)
            || (l.Kind == r.Kind && l.Kind is not SqlTypeKind.Interval);
        return comparable ? l : throw NoOperator(op, left, right);
    }

    /// <summary>
    /// A three-way comparer for values of <paramref name="left"/> and <paramref name="right"/> (both non-NULL)
    /// with SQL semantics: numbers across kinds by value, char(n) ignoring trailing blanks, unknown literals
    /// converted to the other side's type. Throws 42883 for incomparable types.
    /// </summary>
    internal static Func<SqlValue, SqlValue, int> Comparer(string op, SqlType left, SqlType right)
    {
        _ = ComparisonType(op, left, right);
        var l = left.Kind == SqlTypeKind.Unknown ? TypeResolution.ResolveUnknown(right) : left;
        var r = right.Kind == SqlTypeKind.Unknown ? TypeResolution.ResolveUnknown(left) : right;
        var coerceLeft = left.Kind == SqlTypeKind.Unknown && !l.IsString ? Coercion(left, l) : null;
        var coerceRight = right.Kind == SqlTypeKind.Unknown && !r.IsString ? Coercion(right, r) : null;
        // bpchar semantics: padding is insignificant in comparisons (char vs char, or char vs a literal).
        var trimLeft = l.Kind == SqlTypeKind.Char;
        var trimRight = r.Kind == SqlTypeKind.Char;
        if (coerceLeft is null && coerceRight is null && !trimLeft && !trimRight)
        {
            return SqlValue.Compare;
        }
        return (a, b) =>
        {
            a = coerceLeft is null ? a : coerceLeft(a);
            b = coerceRight is null ? b : coerceRight(b);
            if (trimLeft || trimRight)
            {
                return TextOrder.Compare(trimLeft ? a.AsText.TrimEnd(' ') : a.AsText, trimRight ? b.AsText.TrimEnd(' ') : b.AsText);
            }
            return SqlValue.Compare(a, b);
        };
    }

    private static BinaryOperator ResolveComparison(string op, SqlType left, SqlType right)
    {
        var type = ComparisonType(op, left, right);
        var compare = Comparer(op, left, right);
        BinaryEvaluator core = op switch
        {
            "=" => (a, b) => SqlValue.FromBoolean(compare(a, b) == 0),
            "<>" => (a, b) => SqlValue.FromBoolean(compare(a, b) != 0),
            "<" => (a, b) => SqlValue.FromBoolean(compare(a, b) < 0),
            "<=" => (a, b) => SqlValue.FromBoolean(compare(a, b) <= 0),
            ">" => (a, b) => SqlValue.FromBoolean(compare(a, b) > 0),
            _ => (a, b) => SqlValue.FromBoolean(compare(a, b) >= 0),
        };
        return new BinaryOperator(op, type, type, SqlType.Boolean, (a, b) => a.IsNull || b.IsNull ? SqlValue.Null : core(a, b));
    }

    private static BinaryOperator ResolveDistinct(string op, SqlType left, SqlType right)
    {
        var type = ComparisonType("=", left, right);
        var compare = Comparer("=", left, right);
        var distinct = op == "IS DISTINCT FROM";
        return new BinaryOperator(op, type, type, SqlType.Boolean, (a, b) =>
        {
            bool same = a.IsNull || b.IsNull ? a.IsNull && b.IsNull : compare(a, b) == 0;
            return SqlValue.FromBoolean(distinct ? !same : same);
        });
    }

    private static BinaryOperator ResolveLogic(string op, SqlType left, SqlType right)
    {
        foreach (var side in (ReadOnlySpan<SqlType>)[left, right])
        {
            if (side.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Unknown))
            {
                throw new Errors.SqlException(Errors.SqlStates.DatatypeMismatch,
                    $"argument of {op} must be type boolean, not type {side.Name}");
            }
        }
        var coerceLeft = Coercion(left, SqlType.Boolean);
        var coerceRight = Coercion(right, SqlType.Boolean);
        BinaryEvaluator evaluate = op == "AND"
            ? (a, b) => SqlLogic.And(coerceLeft(a), coerceRight(b))
            : (a, b) => SqlLogic.Or(coerceLeft(a), coerceRight(b));
        return new BinaryOperator(op, SqlType.Boolean, SqlType.Boolean, SqlType.Boolean, evaluate);
    }
}
