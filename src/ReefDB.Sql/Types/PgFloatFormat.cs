using System.Globalization;
using System.Text;

namespace ReefDB.Sql.Types;

/// <summary>
/// PostgreSQL 12+ text output of float4/float8 (extra_float_digits = 1): the shortest digits that round-trip,
/// laid out in fixed notation when the decimal exponent is in [-4, precision) and as <c>1e+20</c> otherwise,
/// where precision is 15 for double and 6 for real (DBL_DIG/FLT_DIG). Special values: <c>NaN</c>,
/// <c>Infinity</c>, <c>-Infinity</c>, and <c>-0</c>.
/// </summary>
/// <remarks>
/// .NET's "R" formatting already yields the shortest round-trip digits; only the layout differs from
/// PostgreSQL's, so this re-lays those digits out rather than reimplementing Ryu.
/// </remarks>
internal static class PgFloatFormat
{
    public static string FormatDouble(double value) =>
        Special(value) ?? Layout(value.ToString("R", CultureInfo.InvariantCulture), 15);

    public static string FormatReal(float value) =>
        Special(value) ?? Layout(value.ToString("R", CultureInfo.InvariantCulture), 6);

    private static string? Special(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }
        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }
        return null;
    }

    private static string Layout(string roundTrip, int precision)
    {
        // Split .NET's output ("-1.2345E-05", "123.45", "1E+20") into sign, significant digits and the
        // decimal exponent of the first digit.
        var negative = roundTrip.StartsWith('-');
        var body = negative ? roundTrip[1..] : roundTrip;
        var ePos = body.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? body[..ePos] : body;
        var exponentOffset = ePos >= 0 ? int.Parse(body[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var allDigits = intPart + (dot >= 0 ? mantissa[(dot + 1)..] : "");
        var leadingZeros = 0;
        while (leadingZeros < allDigits.Length - 1 && allDigits[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        var digits = allDigits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        var exponent = intPart.Length - 1 - leadingZeros + exponentOffset;

        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }
        if (exponent < -4 || exponent >= precision)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }
            sb.Append('e').Append(exponent < 0 ? '-' : '+');
            sb.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent < 0)
        {
            sb.Append("0.").Append('0', -exponent - 1).Append(digits);
        }
        else if (digits.Length <= exponent + 1)
        {
            sb.Append(digits).Append('0', exponent + 1 - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        }
        return sb.ToString();
    }
}
