using System.Globalization;

namespace ReefDB.Sql.Types;

/// <summary>
/// numeric on top of <see cref="decimal"/> (28–29 significant digits, which the issue requires as a minimum).
/// The decimal's scale plays PostgreSQL's display scale: additions keep the larger scale, products add scales,
/// and <see cref="Divide"/> picks PostgreSQL's result scale. Results beyond decimal's range raise 22003.
/// </summary>
internal static class NumericMath
{
    /// <summary>Rounds half away from zero to <paramref name="scale"/> digits and shows exactly that many.</summary>
    public static decimal RoundToScale(decimal value, int scale)
    {
        if (scale >= 28)
        {
            return value;
        }
        if (scale < 0)
        {
            var factor = Pow10(-scale);
            return decimal.Round(value / factor, 0, MidpointRounding.AwayFromZero) * factor;
        }
        var rounded = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        return WithScale(rounded, scale);
    }

    /// <summary>The same value displayed with exactly <paramref name="scale"/> fractional digits (must not lose digits).</summary>
    public static decimal WithScale(decimal value, int scale)
    {
        var current = value.Scale;
        if (current == scale)
        {
            return value;
        }
        if (current > scale)
        {
            return decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        }
        // Adding a zero with the wanted scale raises the scale without changing the value (may overflow
        // for values near decimal's limit: then the shorter form is kept).
        try
        {
            return value + new decimal(0, 0, 0, false, (byte)Math.Min(scale, 28));
        }
        catch (OverflowException)
        {
            return value;
        }
    }

    /// <summary>Applies a numeric(p, s) modifier: round to s, then require |value| &lt; 10^(p-s) (22003 otherwise).</summary>
    public static decimal ApplyTypmod(decimal value, int precision, int scale)
    {
        var rounded = RoundToScale(value, scale);
        var integerDigits = precision - scale;
        if (integerDigits < 29 && rounded != 0)
        {
            var limit = integerDigits >= 0 ? Pow10(integerDigits) : 1m / Pow10(-integerDigits);
            if (Math.Abs(rounded) >= limit)
            {
                throw ValueErrors.NumericFieldOverflow();
            }
        }
        return rounded;
    }

    public static decimal Add(decimal a, decimal b)
    {
        try
        {
            return a + b;
        }
        catch (OverflowException)
        {
            throw ValueErrors.NumericOverflow();
        }
    }

    public static decimal Subtract(decimal a, decimal b)
    {
        try
        {
            return a - b;
        }
        catch (OverflowException)
        {
            throw ValueErrors.NumericOverflow();
        }
    }

    public static decimal Multiply(decimal a, decimal b)
    {
        decimal product;
        try
        {
            product = a * b;
        }
        catch (OverflowException)
        {
            throw ValueErrors.NumericOverflow();
        }
        return WithScale(product, Math.Min(a.Scale + b.Scale, 28));
    }

    /// <summary>
    /// Division with PostgreSQL's result scale (select_div_scale): about 16 significant digits, but never fewer
    /// fractional digits than either operand shows.
    /// </summary>
    public static decimal Divide(decimal a, decimal b)
    {
        if (b == 0)
        {
            throw ValueErrors.DivisionByZero();
        }
        decimal quotient;
        try
        {
            quotient = a / b;
        }
        catch (OverflowException)
        {
            throw ValueErrors.NumericOverflow();
        }
        return RoundToScale(quotient, DivisionScale(a, b));
    }

    /// <summary>Remainder with the dividend's sign and the larger of the scales.</summary>
    public static decimal Remainder(decimal a, decimal b)
    {
        if (b == 0)
        {
            throw ValueErrors.DivisionByZero();
        }
        return WithScale(a % b, Math.Max(a.Scale, b.Scale));
    }

    internal static int DivisionScale(decimal a, decimal b)
    {
        // PostgreSQL works in base-10000 digits: weight is the position of the first base-10000 digit.
        var (weight1, first1) = BaseTenThousand(a);
        var (weight2, first2) = BaseTenThousand(b);
        var quotientWeight = weight1 - weight2;
        if (first1 <= first2)
        {
            quotientWeight--;
        }
        var scale = 16 - (quotientWeight * 4);
        scale = Math.Max(scale, Math.Max(a.Scale, b.Scale));
        return Math.Clamp(scale, 0, 1000);
    }

    /// <summary>
    /// PostgreSQL's base-10000 view of |<paramref name="value"/>|: the weight of its first digit group and
    /// that group (value = FirstDigit × 10000^Weight + …); (0, 0) for zero.
    /// </summary>
    internal static (int Weight, int FirstDigit) BaseTenThousand(decimal value)
    {
        value = Math.Abs(value);
        if (value == 0)
        {
            return (0, 0);
        }
        var weight = ScaleInto(ref value, 10000m);
        return (weight, (int)decimal.Truncate(value));
    }

    /// <summary>Scales a positive <paramref name="value"/> into [1, <paramref name="radix"/>) and returns the power of the radix taken out.</summary>
    internal static int ScaleInto(ref decimal value, decimal radix)
    {
        var exponent = 0;
        while (value >= radix)
        {
            value /= radix;
            exponent++;
        }
        while (value < 1m)
        {
            value *= radix;
            exponent--;
        }
        return exponent;
    }

    public static decimal Pow10(int exponent) => decimal.Parse("1e" + exponent.ToString(CultureInfo.InvariantCulture),
        NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A double as PostgreSQL's float8-to-numeric cast: its 15 significant digits (DBL_DIG).</summary>
    public static decimal FromDouble(double value, int significantDigits = 15)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw ValueErrors.NumericSpecialUnsupported();
        }
        var text = value.ToString("G" + significantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        try
        {
            return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw ValueErrors.NumericOverflow();
        }
    }
}
