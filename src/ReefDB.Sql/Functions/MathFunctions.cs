using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>Math functions on double precision and numeric with PostgreSQL's domain and range errors.</summary>
internal static class MathFunctions
{
    public static double Sqrt(double x) => x < 0
        ? throw new SqlException(SqlStates.InvalidArgumentForPowerFunction, "cannot take square root of a negative number")
        : Math.Sqrt(x);

    public static double Ln(double x)
    {
        CheckLogArgument(x);
        return Math.Log(x);
    }

    public static double Log10(double x)
    {
        CheckLogArgument(x);
        return Math.Log10(x);
    }

    public static double Exp(double x) => FloatMath.Check(Math.Exp(x), double.IsInfinity(x), double.IsNegativeInfinity(x));

    /// <summary>asin/acos: 22003 "input is out of range" outside [-1, 1].</summary>
    public static double InverseTrig(double x, Func<double, double> function) =>
        double.IsNaN(x) ? double.NaN
        : x is < -1 or > 1 ? throw new SqlException(SqlStates.NumericValueOutOfRange, "input is out of range")
        : function(x);

    public static double Trig(double x, Func<double, double> function) =>
        double.IsInfinity(x) ? throw new SqlException(SqlStates.NumericValueOutOfRange, "input is out of range") : function(x);

    public static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : 0;

    public static long WidthBucket(double operand, double low, double high, long count)
    {
        if (count <= 0)
        {
            throw new SqlException(SqlStates.InvalidArgumentForWidthBucketFunction, "count must be greater than zero");
        }
        if (low == high)
        {
            throw new SqlException(SqlStates.InvalidArgumentForWidthBucketFunction, "lower bound cannot equal upper bound");
        }
        if (double.IsNaN(operand) || double.IsNaN(low) || double.IsNaN(high))
        {
            throw new SqlException(SqlStates.InvalidArgumentForWidthBucketFunction,
                "operand, lower bound, and upper bound cannot be NaN");
        }
        if (low < high)
        {
            return operand < low ? 0 : operand >= high ? checked(count + 1) : (long)((operand - low) / (high - low) * count) + 1;
        }
        return operand > low ? 0 : operand <= high ? checked(count + 1) : (long)((low - operand) / (low - high) * count) + 1;
    }

    public static long Gcd(long a, long b, SqlTypeKind kind)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return IntegerMath.Abs(a, kind);
    }

    public static long Lcm(long a, long b, SqlTypeKind kind)
    {
        if (a == 0 || b == 0)
        {
            return 0;
        }
        var gcd = Gcd(a, b, kind);
        return IntegerMath.Abs(IntegerMath.Multiply(a / gcd, b, kind), kind);
    }

    public static decimal Gcd(decimal a, decimal b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return Math.Abs(a);
    }

    /// <summary>Numeric round/trunc to <paramref name="scale"/> digits (negative: left of the point); scale shown is max(scale, 0).</summary>
    public static decimal Round(decimal x, long scale, bool truncate)
    {
        var s = (int)Math.Clamp(scale, -28, 28);
        if (s >= 0)
        {
            var rounded = decimal.Round(x, Math.Min(s, x.Scale), truncate ? MidpointRounding.ToZero : MidpointRounding.AwayFromZero);
            return NumericMath.WithScale(rounded, s);
        }
        var factor = NumericMath.Pow10(-s);
        return decimal.Round(x / factor, 0, truncate ? MidpointRounding.ToZero : MidpointRounding.AwayFromZero) * factor;
    }

    private static void CheckLogArgument(double x)
    {
        if (x == 0)
        {
            throw new SqlException(SqlStates.InvalidArgumentForLogarithm, "cannot take logarithm of zero");
        }
        if (x < 0)
        {
            throw new SqlException(SqlStates.InvalidArgumentForLogarithm, "cannot take logarithm of a negative number");
        }
    }
}
