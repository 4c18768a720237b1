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
    public static double Add(double a, double b) => Check(a + b, double.IsInfinity(a) || double.IsInfinity(b), true);

    public static double Subtract(double a, double b) => Check(a - b, double.IsInfinity(a) || double.IsInfinity(b), true);

    public static double Multiply(double a, double b) =>
        Check(a * b, double.IsInfinity(a) || double.IsInfinity(b), a == 0 || b == 0);

    public static double Divide(double a, double b)
    {
        if (b == 0 && !double.IsNaN(a))
        {
            throw ValueErrors.DivisionByZero();
        }
        return Check(a / b, double.IsInfinity(a), a == 0 || double.IsInfinity(b));
    }

    public static float Add(float a, float b) => Check(a + b, float.IsInfinity(a) || float.IsInfinity(b), true);

    public static float Subtract(float a, float b) => Check(a - b, float.IsInfinity(a) || float.IsInfinity(b), true);

    public static float Multiply(float a, float b) =>
        Check(a * b, float.IsInfinity(a) || float.IsInfinity(b), a == 0 || b == 0);

    public static float Divide(float a, float b)
    {
        if (b == 0 && !float.IsNaN(a))
        {
            throw ValueErrors.DivisionByZero();
        }
        return Check(a / b, float.IsInfinity(a), a == 0 || float.IsInfinity(b));
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

    public static double Check(double result, bool infinityAllowed, bool zeroAllowed)
    {
        if (double.IsInfinity(result) && !infinityAllowed)
        {
            throw ValueErrors.FloatOverflow();
        }
        if (result == 0 && !zeroAllowed)
        {
            throw ValueErrors.FloatUnderflow();
        }
        return result;
    }

    public static float Check(float result, bool infinityAllowed, bool zeroAllowed)
    {
        if (float.IsInfinity(result) && !infinityAllowed)
        {
            throw ValueErrors.FloatOverflow();
        }
        if (result == 0 && !zeroAllowed)
        {
            throw ValueErrors.FloatUnderflow();
        }
        return result;
    }
}
