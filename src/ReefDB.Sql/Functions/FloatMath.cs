using System.Numerics;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>
/// float4/float8 arithmetic with PostgreSQL's checks: IEEE results, except that an infinite result from
/// finite inputs is 22003 "value out of range: overflow", a zero result from non-zero inputs is
/// "value out of range: underflow", and dividing by zero is 22012 (even for floats).
/// </summary>
internal static class FloatMath
{
    // float4 and float8 share one generic body: the checks are the same, only the width differs.
    public static T Add<T>(T a, T b)
        where T : IFloatingPointIeee754<T> => Check(a + b, T.IsInfinity(a) || T.IsInfinity(b), true);

    public static T Subtract<T>(T a, T b)
        where T : IFloatingPointIeee754<T> => Check(a - b, T.IsInfinity(a) || T.IsInfinity(b), true);

    public static T Multiply<T>(T a, T b)
        where T : IFloatingPointIeee754<T> => Check(a * b, T.IsInfinity(a) || T.IsInfinity(b), T.IsZero(a) || T.IsZero(b));

    public static T Divide<T>(T a, T b)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsZero(b) && !T.IsNaN(a))
        {
            throw ValueErrors.DivisionByZero();
        }
        return Check(a / b, T.IsInfinity(a), T.IsZero(a) || T.IsInfinity(b));
    }

    /// <summary>dpow: IEEE pow with PostgreSQL's 2201F errors for 0^negative and negative^fraction.</summary>
    public static double Power(double x, double y)
    {
        if (x == 0 && y < 0)
        {
            throw new SqlException(SqlStates.InvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
        }
        if (x < 0 && !double.IsInfinity(y) && Math.Floor(y) != y && !double.IsNaN(y))
        {
            throw new SqlException(SqlStates.InvalidArgumentForPowerFunction,
                "a negative number raised to a non-integer power yields a complex result");
        }
        var result = Math.Pow(x, y);
        return Check(result, double.IsInfinity(x) || double.IsInfinity(y), x == 0 || double.IsInfinity(y));
    }

    public static T Check<T>(T result, bool infinityAllowed, bool zeroAllowed)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsInfinity(result) && !infinityAllowed)
        {
            throw ValueErrors.FloatOverflow();
        }
        if (T.IsZero(result) && !zeroAllowed)
        {
            throw ValueErrors.FloatUnderflow();
        }
        return result;
    }
}
