namespace ReefDB.Sql.Types;

internal static partial class SqlCasts
{
    private static long ToInteger(SqlValue value, SqlType from, SqlType to)
    {
        switch (value.Kind)
        {
            case SqlValueKind.Int64:
                return IntegerMath.Check(value.AsInt64, to.Kind);
            case SqlValueKind.Float32:
            case SqlValueKind.Float64:
                // PostgreSQL rounds with rint: half to even.
                var rounded = Math.Round(value.AsDouble, MidpointRounding.ToEven);
                if (!(rounded >= -9223372036854775808.0 && rounded < 9223372036854775808.0))
                {
                    throw ValueErrors.IntegerOutOfRange(to.Kind);
                }
                return IntegerMath.Check((long)rounded, to.Kind);
            case SqlValueKind.Numeric:
                var whole = decimal.Round(value.AsNumeric, 0, MidpointRounding.AwayFromZero);
                if (whole < long.MinValue || whole > long.MaxValue)
                {
                    throw ValueErrors.IntegerOutOfRange(to.Kind);
                }
                return IntegerMath.Check((long)whole, to.Kind);
            case SqlValueKind.Boolean:
                return value.AsBoolean ? 1 : 0;
            case SqlValueKind.Text:
                return TextInput.ParseInteger(value.AsText, to.Kind);
            default:
                throw ValueErrors.CannotCast(from, to);
        }
    }

    private static SqlValue ToReal(SqlValue value, SqlType from, SqlType to)
    {
        switch (value.Kind)
        {
            case SqlValueKind.Float32:
                return value;
            case SqlValueKind.Int64:
            case SqlValueKind.Numeric:
            case SqlValueKind.Float64:
                var d = value.ToDouble();
                var f = (float)d;
                if (float.IsInfinity(f) && !double.IsInfinity(d))
                {
                    throw ValueErrors.FloatOverflow();
                }
                if (f == 0 && d != 0)
                {
                    throw ValueErrors.FloatUnderflow();
                }
                return SqlValue.FromReal(f);
            case SqlValueKind.Text:
                return SqlValue.FromReal(TextInput.ParseReal(value.AsText));
            default:
                throw ValueErrors.CannotCast(from, to);
        }
    }

    private static SqlValue ToDouble(SqlValue value, SqlType from, SqlType to) => value.Kind switch
    {
        SqlValueKind.Float64 => value,
        SqlValueKind.Int64 or SqlValueKind.Numeric or SqlValueKind.Float32 => SqlValue.FromDouble(value.ToDouble()),
        SqlValueKind.Text => SqlValue.FromDouble(TextInput.ParseDouble(value.AsText)),
        _ => throw ValueErrors.CannotCast(from, to),
    };

    private static SqlValue ToNumeric(SqlValue value, SqlType from, SqlType to)
    {
        var number = value.Kind switch
        {
            SqlValueKind.Numeric => value.AsNumeric,
            SqlValueKind.Int64 => value.AsInt64,
            SqlValueKind.Float64 => NumericMath.FromDouble(value.AsDouble),
            // float4 to numeric keeps FLT_DIG = 6 significant digits.
            SqlValueKind.Float32 => NumericMath.FromDouble(value.AsDouble, 6),
            SqlValueKind.Text => TextInput.ParseNumeric(value.AsText),
            _ => throw ValueErrors.CannotCast(from, to),
        };
        if (to.Precision is { } precision)
        {
            number = NumericMath.ApplyTypmod(number, precision, to.Scale ?? 0);
        }
        return SqlValue.FromNumeric(number);
    }
}
