using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>
/// Transcendental functions on numeric, computed in decimal (about 28 significant digits) and rounded to
/// the result scale PostgreSQL chooses (numeric_power, numeric_sqrt, numeric_exp, numeric_ln, log_var), so
/// that e.g. <c>sqrt(2.0)</c> prints <c>1.414213562373095</c> and <c>exp(1.0)</c> <c>2.7182818284590452</c>.
/// </summary>
/// <remarks>
/// Hand-written: .NET has no decimal Math, and going through double would get the 16th digit wrong.
/// </remarks>
internal static class NumericFunctions
{
    private const int MinSignificantDigits = 16;
    private const decimal Ln10 = 2.3025850929940456840179914547m;
    private const decimal Ln2 = 0.6931471805599453094172321215m;
    private const decimal E = 2.7182818284590452353602874714m;

    public static decimal Power(decimal x, decimal y)
    {
        if (x == 0 && y < 0)
        {
            throw new SqlException(SqlStates.InvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
        }
        var integral = y == decimal.Truncate(y);
        if (x < 0 && !integral)
        {
            throw new SqlException(SqlStates.InvalidArgumentForPowerFunction,
                "a negative number raised to a non-integer power yields a complex result");
        }
        int scale;
        decimal result;
        if (integral && Math.Abs(y) <= int.MaxValue)
        {
            scale = Math.Max(MinSignificantDigits, (int)x.Scale);
            result = IntegerPower(x, (long)y);
        }
        else
        {
            var lnResult = LnPositive(x) * y;
            var weight = (int)((double)lnResult * 0.434294481903252);
            scale = Math.Max(Math.Max(MinSignificantDigits - weight, (int)x.Scale), (int)y.Scale);
            result = ExpAny(lnResult);
        }
        return NumericMath.RoundToScale(result, Math.Max(scale, 0));
    }

    public static decimal Sqrt(decimal x)
    {
        if (x < 0)
        {
            throw new SqlException(SqlStates.InvalidArgumentForPowerFunction, "cannot take square root of a negative number");
        }
        var weight = NumericMath.BaseTenThousand(x).Weight;
        var sweight = ((weight + 1) * 4 / 2) - 1;
        var scale = Math.Max(MinSignificantDigits - sweight, (int)x.Scale);
        if (x == 0)
        {
            return NumericMath.RoundToScale(0m, Math.Max(scale, 0));
        }
        var guess = (decimal)Math.Sqrt((double)x);
        for (var i = 0; i < 6; i++)
        {
            guess = (guess + (x / guess)) / 2;
        }
        return NumericMath.RoundToScale(guess, Math.Max(scale, 0));
    }

    public static decimal Exp(decimal x)
    {
        var weight = (int)((double)x * 0.434294481903252);
        var scale = Math.Max(MinSignificantDigits - weight, (int)x.Scale);
        return NumericMath.RoundToScale(ExpAny(x), Math.Max(scale, 0));
    }

    public static decimal Ln(decimal x)
    {
        CheckLogArgument(x);
        var scale = Math.Max(MinSignificantDigits - EstimateLnWeight(x), (int)x.Scale);
        return NumericMath.RoundToScale(LnPositive(x), Math.Max(scale, 0));
    }

    /// <summary>log(base, x); log(x) is log(10, x).</summary>
    public static decimal Log(decimal logBase, decimal x)
    {
        CheckLogArgument(logBase);
        CheckLogArgument(x);
        var lnBase = LnPositive(logBase);
        if (lnBase == 0)
        {
            throw ValueErrors.DivisionByZero();
        }
        var weight = EstimateLnWeight(x) - EstimateLnWeight(logBase);
        var scale = Math.Max(Math.Max(MinSignificantDigits - weight, (int)logBase.Scale), (int)x.Scale);
        return NumericMath.RoundToScale(LnPositive(x) / lnBase, Math.Max(scale, 0));
    }

    private static void CheckLogArgument(decimal x)
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

    private static decimal IntegerPower(decimal x, long n)
    {
        var negative = n < 0;
        var remaining = Math.Abs(n);
        var result = 1m;
        var factor = x;
        try
        {
            while (remaining > 0)
            {
                if ((remaining & 1) != 0)
                {
                    result *= factor;
                }
                remaining >>= 1;
                if (remaining > 0)
                {
                    factor *= factor;
                }
            }
        }
        catch (OverflowException)
        {
            throw ValueErrors.NumericOverflow();
        }
        return negative ? 1m / result : result;
    }

    private static decimal ExpAny(decimal x)
    {
        if (x > 66m)
        {
            throw ValueErrors.NumericOverflow();
        }
        if (x < -66m)
        {
            return 0m;
        }
        var whole = (long)decimal.Truncate(x);
        var fraction = x - whole;
        // Taylor series for e^fraction, |fraction| < 1: terms shrink fast enough for 28 digits within 40 steps.
        var sum = 1m;
        var term = 1m;
        for (var k = 1; k < 40 && term != 0; k++)
        {
            term = term * fraction / k;
            sum += term;
        }
        return IntegerPower(E, whole) * sum;
    }

    /// <summary>ln(x) for x &gt; 0: scale into [1, 2) by powers of ten and two, then the atanh series.</summary>
    private static decimal LnPositive(decimal x)
    {
        var tens = NumericMath.ScaleInto(ref x, 10m);
        var twos = 0;
        while (x >= 2m)
        {
            x /= 2m;
            twos++;
        }
        var z = (x - 1m) / (x + 1m);
        var z2 = z * z;
        var sum = 0m;
        var power = z;
        for (var k = 1; k < 200 && power != 0; k += 2)
        {
            sum += power / k;
            power *= z2;
        }
        return (2m * sum) + (twos * Ln2) + (tens * Ln10);
    }

    /// <summary>PostgreSQL's estimate_ln_dweight: the decimal weight of ln(x), which sets the result scale.</summary>
    private static int EstimateLnWeight(decimal x)
    {
        if (x >= 0.9m && x <= 1.1m)
        {
            var delta = Math.Abs(x - 1m);
            return delta == 0 ? 0 : (int)Math.Floor(Math.Log10((double)delta));
        }
        var ln = Math.Log((double)x);
        return (int)Math.Log10(Math.Abs(ln));
    }
}
