using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

internal static partial class SqlOperators
{
    /// <summary>
    /// The type PostgreSQL computes <c>left op right</c> in, for numeric operands: the wider integer for two
    /// integers, real for two reals, double when a float meets anything else, numeric otherwise.
    /// </summary>
    internal static SqlType ArithmeticType(SqlType left, SqlType right)
    {
        if (left.IsInteger && right.IsInteger)
        {
            return SqlCasts.NumericRank(left.Kind) >= SqlCasts.NumericRank(right.Kind) ? left.WithoutModifiers : right.WithoutModifiers;
        }
        if (left.Kind == SqlTypeKind.Float32 && right.Kind == SqlTypeKind.Float32)
        {
            return SqlType.Real;
        }
        return left.IsFloat || right.IsFloat ? SqlType.Double : SqlType.Numeric;
    }

    private static BinaryOperator ResolveArithmetic(string op, SqlType left, SqlType right)
    {
        if (left.Kind == SqlTypeKind.Unknown && right.Kind == SqlTypeKind.Unknown)
        {
            throw NotUnique(op, left, right);
        }
        var l = left.Kind == SqlTypeKind.Unknown ? right : left;
        var r = right.Kind == SqlTypeKind.Unknown ? left : right;
        if (l.Kind is SqlTypeKind.Date || r.Kind is SqlTypeKind.Date)
        {
            return ResolveDateArithmetic(op, left, right, l, r);
        }
        if (!l.IsNumeric || !r.IsNumeric)
        {
            throw NoOperator(op, left, right);
        }
        var type = ArithmeticType(l, r);
        if (op == "%" && type.IsFloat)
        {
            throw NoOperator(op, left, right);
        }
        BinaryEvaluator core = type.Kind switch
        {
            SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64 => IntegerEvaluator(op, type.Kind),
            SqlTypeKind.Float32 => RealEvaluator(op),
            SqlTypeKind.Float64 => DoubleEvaluator(op),
            _ => NumericEvaluator(op),
        };
        return new BinaryOperator(op, l, r, type, Strict(left, l, right, r, core));
    }

    private static BinaryEvaluator IntegerEvaluator(string op, SqlTypeKind kind) => op switch
    {
        "+" => (a, b) => SqlValue.FromInt64(IntegerMath.Add(a.AsInt64, b.AsInt64, kind)),
        "-" => (a, b) => SqlValue.FromInt64(IntegerMath.Subtract(a.AsInt64, b.AsInt64, kind)),
        "*" => (a, b) => SqlValue.FromInt64(IntegerMath.Multiply(a.AsInt64, b.AsInt64, kind)),
        "/" => (a, b) => SqlValue.FromInt64(IntegerMath.Divide(a.AsInt64, b.AsInt64, kind)),
        _ => (a, b) => SqlValue.FromInt64(IntegerMath.Remainder(a.AsInt64, b.AsInt64)),
    };

    private static BinaryEvaluator DoubleEvaluator(string op) => op switch
    {
        "+" => (a, b) => SqlValue.FromDouble(FloatMath.Add(a.ToDouble(), b.ToDouble())),
        "-" => (a, b) => SqlValue.FromDouble(FloatMath.Subtract(a.ToDouble(), b.ToDouble())),
        "*" => (a, b) => SqlValue.FromDouble(FloatMath.Multiply(a.ToDouble(), b.ToDouble())),
        _ => (a, b) => SqlValue.FromDouble(FloatMath.Divide(a.ToDouble(), b.ToDouble())),
    };

    // real op real is computed in single precision, as PostgreSQL's float4 operators do.
    private static BinaryEvaluator RealEvaluator(string op) => op switch
    {
        "+" => (a, b) => SqlValue.FromReal(FloatMath.Add((float)a.AsDouble, (float)b.AsDouble)),
        "-" => (a, b) => SqlValue.FromReal(FloatMath.Subtract((float)a.AsDouble, (float)b.AsDouble)),
        "*" => (a, b) => SqlValue.FromReal(FloatMath.Multiply((float)a.AsDouble, (float)b.AsDouble)),
        _ => (a, b) => SqlValue.FromReal(FloatMath.Divide((float)a.AsDouble, (float)b.AsDouble)),
    };

    private static BinaryEvaluator NumericEvaluator(string op) => op switch
    {
        "+" => (a, b) => SqlValue.FromNumeric(NumericMath.Add(ToDecimal(a), ToDecimal(b))),
        "-" => (a, b) => SqlValue.FromNumeric(NumericMath.Subtract(ToDecimal(a), ToDecimal(b))),
        "*" => (a, b) => SqlValue.FromNumeric(NumericMath.Multiply(ToDecimal(a), ToDecimal(b))),
        "/" => (a, b) => SqlValue.FromNumeric(NumericMath.Divide(ToDecimal(a), ToDecimal(b))),
        _ => (a, b) => SqlValue.FromNumeric(NumericMath.Remainder(ToDecimal(a), ToDecimal(b))),
    };

    /// <summary>An integer or numeric value as decimal (exact).</summary>
    internal static decimal ToDecimal(SqlValue value) => value.Kind == SqlValueKind.Int64 ? value.AsInt64 : value.AsNumeric;

    private static BinaryOperator ResolvePower(SqlType left, SqlType right)
    {
        if (left.Kind == SqlTypeKind.Unknown && right.Kind == SqlTypeKind.Unknown)
        {
            throw NotUnique("^", left, right);
        }
        var l = left.Kind == SqlTypeKind.Unknown ? right : left;
        var r = right.Kind == SqlTypeKind.Unknown ? left : right;
        if (!l.IsNumeric || !r.IsNumeric)
        {
            throw NoOperator("^", left, right);
        }
        // Only float8 ^ float8 and numeric ^ numeric exist: integers go to double, as in PostgreSQL.
        var numeric = !l.IsFloat && !r.IsFloat && (l.Kind == SqlTypeKind.Numeric || r.Kind == SqlTypeKind.Numeric);
        BinaryEvaluator core = numeric
            ? (a, b) => SqlValue.FromNumeric(NumericFunctions.Power(ToDecimal(a), ToDecimal(b)))
            : (a, b) => SqlValue.FromDouble(FloatMath.Power(a.ToDouble(), b.ToDouble()));
        return new BinaryOperator("^", l, r, numeric ? SqlType.Numeric : SqlType.Double, Strict(left, l, right, r, core));
    }

    private static BinaryOperator ResolveDateArithmetic(string op, SqlType left, SqlType right, SqlType l, SqlType r)
    {
        var intRight = r.Kind is SqlTypeKind.Int16 or SqlTypeKind.Int32;
        var intLeft = l.Kind is SqlTypeKind.Int16 or SqlTypeKind.Int32;
        if (l.Kind == SqlTypeKind.Date && intRight && op is "+" or "-")
        {
            var sign = op == "+" ? 1 : -1;
            return new BinaryOperator(op, l, r, SqlType.Date,
                Strict(left, l, right, r, (a, b) => AddDays(a.AsDateDays, sign * b.AsInt64)));
        }
        if (intLeft && r.Kind == SqlTypeKind.Date && op == "+")
        {
            return new BinaryOperator(op, l, r, SqlType.Date, Strict(left, l, right, r, (a, b) => AddDays(b.AsDateDays, a.AsInt64)));
        }
        if (l.Kind == SqlTypeKind.Date && r.Kind == SqlTypeKind.Date && op == "-")
        {
            return new BinaryOperator(op, l, r, SqlType.Integer,
                Strict(left, l, right, r, (a, b) => SqlValue.FromInt64((long)a.AsDateDays - b.AsDateDays)));
        }
        throw NoOperator(op, left, right);
    }

    private static SqlValue AddDays(int days, long delta)
    {
        var result = days + delta;
        return PgDateTime.DaysInRange(result) ? SqlValue.FromDateDays((int)result) : throw ValueErrors.DateOutOfRange();
    }

    private static BinaryOperator ResolveBitwise(string op, SqlType left, SqlType right)
    {
        var l = left.Kind == SqlTypeKind.Unknown ? right : left;
        var r = right.Kind == SqlTypeKind.Unknown ? left : right;
        if (!l.IsInteger || !r.IsInteger)
        {
            throw NoOperator(op, left, right);
        }
        if (op is "<<" or ">>")
        {
            // Shifts keep the left type; C semantics (the count is masked to the width) as PostgreSQL on x86.
            var kind = l.Kind;
            var leftShift = op == "<<";
            return new BinaryOperator(op, l, SqlType.Integer, l.WithoutModifiers, Strict(left, l, right, r, (a, b) =>
                SqlValue.FromInt64(Shift(a.AsInt64, (int)b.AsInt64, leftShift, kind))));
        }
        var type = ArithmeticType(l, r);
        BinaryEvaluator core = op switch
        {
            "&" => (a, b) => SqlValue.FromInt64(a.AsInt64 & b.AsInt64),
            "|" => (a, b) => SqlValue.FromInt64(a.AsInt64 | b.AsInt64),
            _ => (a, b) => SqlValue.FromInt64(a.AsInt64 ^ b.AsInt64),
        };
        return new BinaryOperator(op, l, r, type, Strict(left, l, right, r, core));
    }

    private static long Shift(long value, int count, bool left, SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.Int16 => (short)(left ? (int)value << count : (int)value >> count),
        SqlTypeKind.Int32 => left ? (int)value << count : (int)value >> count,
        _ => left ? value << count : value >> count,
    };
}
