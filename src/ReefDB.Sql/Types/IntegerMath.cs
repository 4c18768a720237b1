namespace ReefDB.Sql.Types;

/// <summary>
/// Integer arithmetic at a declared width. Values are stored as 64 bits, so a smallint or integer result is
/// computed in 64 bits and then range-checked against its declared type, raising PostgreSQL's
/// "integer out of range" (22003) exactly where PostgreSQL would.
/// </summary>
internal static class IntegerMath
{
    public static bool FitsIn(long value, SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.Int16 => value is >= short.MinValue and <= short.MaxValue,
        SqlTypeKind.Int32 => value is >= int.MinValue and <= int.MaxValue,
        _ => true,
    };

    public static long Check(long value, SqlTypeKind kind) =>
        FitsIn(value, kind) ? value : throw ValueErrors.IntegerOutOfRange(kind);

    public static long Add(long a, long b, SqlTypeKind kind)
    {
        var r = a + b;
        // Signed overflow in 64 bits: both operands share a sign that the result lacks.
        if (((a ^ r) & (b ^ r)) < 0)
        {
            throw ValueErrors.IntegerOutOfRange(kind);
        }
        return Check(r, kind);
    }

    public static long Subtract(long a, long b, SqlTypeKind kind)
    {
        var r = a - b;
        if (((a ^ b) & (a ^ r)) < 0)
        {
            throw ValueErrors.IntegerOutOfRange(kind);
        }
        return Check(r, kind);
    }

    public static long Multiply(long a, long b, SqlTypeKind kind)
    {
        var r = Math.BigMul(a, b, out var low);
        if ((r != 0 || low < 0) && (r != -1 || low >= 0))
        {
            throw ValueErrors.IntegerOutOfRange(kind);
        }
        return Check(low, kind);
    }

    /// <summary>Truncating division (toward zero), 22012 on zero, overflow for MIN / -1.</summary>
    public static long Divide(long a, long b, SqlTypeKind kind)
    {
        if (b == 0)
        {
            throw ValueErrors.DivisionByZero();
        }
        if (b == -1)
        {
            return Negate(a, kind);
        }
        return a / b;
    }

    /// <summary>Remainder with the dividend's sign; MIN % -1 is 0 as in PostgreSQL.</summary>
    public static long Remainder(long a, long b)
    {
        if (b == 0)
        {
            throw ValueErrors.DivisionByZero();
        }
        return b == -1 ? 0 : a % b;
    }

    public static long Negate(long a, SqlTypeKind kind)
    {
        if (a == long.MinValue)
        {
            throw ValueErrors.IntegerOutOfRange(kind);
        }
        return Check(-a, kind);
    }

    public static long Abs(long a, SqlTypeKind kind) => a < 0 ? Negate(a, kind) : a;
}
