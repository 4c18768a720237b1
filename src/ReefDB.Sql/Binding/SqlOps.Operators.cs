using System.Globalization;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal static partial class SqlOps
{
    public static (SqlType, Func<SqlValue, SqlValue>) Unary(UnaryOperator op, SqlType t)
    {
        if (!t.IsNumeric)
        {
            throw new SqlException(SqlStates.UndefinedFunction, $"operator does not exist: {op} {t.Name}");
        }

        return op switch
        {
            UnaryOperator.Plus => (t, v => v),
            UnaryOperator.Negate => (t, v => v.IsNull ? v : v.Kind switch
            {
                SqlValueKind.Int64 => SqlValue.FromInt64(CheckInt(-(decimal)v.AsInt64, t)),
                SqlValueKind.Numeric => SqlValue.FromNumeric(-v.AsNumeric),
                SqlValueKind.Float32 => SqlValue.FromReal(-(float)v.AsDouble),
                _ => SqlValue.FromDouble(-v.AsDouble),
            }),
            UnaryOperator.BitwiseNot when t.IsInteger => (t, v => v.IsNull ? v : SqlValue.FromInt64(~v.AsInt64)),
            _ => throw new SqlException(SqlStates.UndefinedFunction, $"operator does not exist: {op} {t.Name}"),
        };
    }

    public static (SqlType, Func<SqlValue, SqlValue, SqlValue>) Binary(BinaryOperator op, SqlType l, SqlType r)
    {
        if (op == BinaryOperator.Concat)
        {
            return (SqlType.Text, (a, b) => a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.FromText(ToText(a) + ToText(b)));
        }

        if (!l.IsNumeric || !r.IsNumeric)
        {
            throw new SqlException(SqlStates.UndefinedFunction, $"operator does not exist: {l.Name} {Binder.OperatorText(op)} {r.Name}");
        }

        var t = Rank(l) >= Rank(r) ? l.WithoutModifiers : r.WithoutModifiers;
        if (t.Kind == SqlTypeKind.Int16)
        {
            t = SqlType.Integer;
        }

        if (op is BinaryOperator.BitwiseAnd or BinaryOperator.BitwiseOr or BinaryOperator.BitwiseXor or BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight)
        {
            if (!t.IsInteger)
            {
                throw new SqlException(SqlStates.UndefinedFunction, $"operator does not exist: {l.Name} {Binder.OperatorText(op)} {r.Name}");
            }

            return (t, (a, b) => a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.FromInt64(op switch
            {
                BinaryOperator.BitwiseAnd => a.AsInt64 & b.AsInt64,
                BinaryOperator.BitwiseOr => a.AsInt64 | b.AsInt64,
                BinaryOperator.BitwiseXor => a.AsInt64 ^ b.AsInt64,
                BinaryOperator.ShiftLeft => a.AsInt64 << (int)b.AsInt64,
                _ => a.AsInt64 >> (int)b.AsInt64,
            }));
        }

        if (op == BinaryOperator.Power)
        {
            var pt = t.Kind == SqlTypeKind.Numeric ? SqlType.Numeric : SqlType.Double;
            return (pt, (a, b) => a.IsNull || b.IsNull ? SqlValue.Null : CastValue(SqlValue.FromDouble(Math.Pow(a.ToDouble(), b.ToDouble())), pt));
        }

        if (t.IsInteger)
        {
            return (t, (a, b) =>
            {
                if (a.IsNull || b.IsNull)
                {
                    return SqlValue.Null;
                }

                long x = a.AsInt64, y = b.AsInt64;
                return SqlValue.FromInt64(op switch
                {
                    BinaryOperator.Add => CheckInt((decimal)x + y, t),
                    BinaryOperator.Subtract => CheckInt((decimal)x - y, t),
                    BinaryOperator.Multiply => CheckInt((decimal)x * y, t),
                    BinaryOperator.Divide => y == 0 ? throw DivisionByZero() : CheckInt(x == long.MinValue && y == -1 ? -(decimal)x : x / y, t),
                    BinaryOperator.Modulo => y == 0 ? throw DivisionByZero() : (y == -1 ? 0 : x % y),
                    _ => throw new SqlException(SqlStates.UndefinedFunction, "operator does not exist"),
                });
            });
        }

        if (t.Kind == SqlTypeKind.Numeric)
        {
            return (t, (a, b) =>
            {
                if (a.IsNull || b.IsNull)
                {
                    return SqlValue.Null;
                }

                var x = ToDecimal(a);
                var y = ToDecimal(b);
                try
                {
                    return SqlValue.FromNumeric(op switch
                    {
                        BinaryOperator.Add => x + y,
                        BinaryOperator.Subtract => x - y,
                        BinaryOperator.Multiply => x * y,
                        BinaryOperator.Divide => y == 0 ? throw DivisionByZero() : x / y,
                        BinaryOperator.Modulo => y == 0 ? throw DivisionByZero() : x % y,
                        _ => throw new SqlException(SqlStates.UndefinedFunction, "operator does not exist"),
                    });
                }
                catch (OverflowException)
                {
                    throw new SqlException(SqlStates.NumericValueOutOfRange, "value overflows numeric format");
                }
            });
        }

        return (t, (a, b) =>
        {
            if (a.IsNull || b.IsNull)
            {
                return SqlValue.Null;
            }

            double x = a.ToDouble(), y = b.ToDouble();
            var result = op switch
            {
                BinaryOperator.Add => x + y,
                BinaryOperator.Subtract => x - y,
                BinaryOperator.Multiply => x * y,
                BinaryOperator.Divide => y == 0 ? throw DivisionByZero() : x / y,
                BinaryOperator.Modulo => y == 0 ? throw DivisionByZero() : Math.IEEERemainder(x, y),
                _ => throw new SqlException(SqlStates.UndefinedFunction, "operator does not exist"),
            };
            if (double.IsInfinity(result) && !double.IsInfinity(x) && !double.IsInfinity(y))
            {
                throw new SqlException(SqlStates.NumericValueOutOfRange, "value out of range: overflow");
            }

            return t.Kind == SqlTypeKind.Float32 ? SqlValue.FromReal((float)result) : SqlValue.FromDouble(result);
        });
    }

    private static SqlException DivisionByZero() => new(SqlStates.DivisionByZero, "division by zero");

    private static long CheckInt(decimal value, SqlType t)
    {
        var (min, max, name) = t.Kind switch
        {
            SqlTypeKind.Int16 => (short.MinValue, short.MaxValue, "smallint"),
            SqlTypeKind.Int32 => (int.MinValue, int.MaxValue, "integer"),
            _ => ((decimal)long.MinValue, (decimal)long.MaxValue, "bigint"),
        };
        if (value < min || value > max)
        {
            throw new SqlException(SqlStates.NumericValueOutOfRange, $"{name} out of range");
        }

        return (long)value;
    }

    internal static decimal ToDecimal(SqlValue v) => v.Kind switch
    {
        SqlValueKind.Int64 => v.AsInt64,
        SqlValueKind.Numeric => v.AsNumeric,
        _ => (decimal)v.ToDouble(),
    };

    internal static string ToText(SqlValue v) => v.FormatText() ?? string.Empty;

    public static SqlValue CastValue(SqlValue v, SqlType to)
    {
        if (v.IsNull)
        {
            return v;
        }

        try
        {
            return to.Kind switch
            {
                SqlTypeKind.Boolean => v.Kind switch
                {
                    SqlValueKind.Boolean => v,
                    SqlValueKind.Int64 => SqlValue.FromBoolean(v.AsInt64 != 0),
                    SqlValueKind.Text => SqlValue.FromBoolean(v.AsText.Trim().ToLowerInvariant() switch
                    {
                        "t" or "true" or "yes" or "y" or "on" or "1" => true,
                        "f" or "false" or "no" or "n" or "off" or "0" => false,
                        _ => throw Invalid("boolean", v.AsText),
                    }),
                    _ => throw Cannot(v, to),
                },
                SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64 => SqlValue.FromInt64(v.Kind switch
                {
                    SqlValueKind.Int64 => CheckInt(v.AsInt64, to),
                    SqlValueKind.Numeric => CheckInt(Math.Round(v.AsNumeric, MidpointRounding.AwayFromZero), to),
                    SqlValueKind.Float32 or SqlValueKind.Float64 => double.IsFinite(v.AsDouble) && Math.Abs(v.AsDouble) < 1e19
                        ? CheckInt((decimal)Math.Round(v.AsDouble, MidpointRounding.ToEven), to)
                        : throw new SqlException(SqlStates.NumericValueOutOfRange, $"{to.Name} out of range"),
                    SqlValueKind.Boolean => v.AsBoolean ? 1 : 0,
                    SqlValueKind.Text => long.TryParse(v.AsText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                        ? CheckInt(l, to) : throw Invalid(to.Name, v.AsText),
                    _ => throw Cannot(v, to),
                }),
                SqlTypeKind.Float32 or SqlTypeKind.Float64 => ToFloat(v, to),
                SqlTypeKind.Numeric => SqlValue.FromNumeric(Scale(v.Kind switch
                {
                    SqlValueKind.Int64 => v.AsInt64,
                    SqlValueKind.Numeric => v.AsNumeric,
                    SqlValueKind.Float32 or SqlValueKind.Float64 => (decimal)v.AsDouble,
                    SqlValueKind.Text => decimal.TryParse(v.AsText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                        ? d : throw Invalid("numeric", v.AsText),
                    _ => throw Cannot(v, to),
                }, to)),
                SqlTypeKind.Text or SqlTypeKind.VarChar or SqlTypeKind.Char => SqlValue.FromText(FitText(ToText(v), to)),
                SqlTypeKind.Date when v.Kind == SqlValueKind.Text => SqlValue.FromDate(DateOnly.Parse(v.AsText, CultureInfo.InvariantCulture)),
                SqlTypeKind.Date when v.Kind == SqlValueKind.Timestamp => SqlValue.FromDate(DateOnly.FromDateTime(v.AsTimestamp)),
                SqlTypeKind.Timestamp when v.Kind == SqlValueKind.Text => SqlValue.FromTimestamp(DateTime.Parse(v.AsText, CultureInfo.InvariantCulture)),
                SqlTypeKind.Timestamp when v.Kind == SqlValueKind.Date => SqlValue.FromTimestamp(v.AsDate.ToDateTime(TimeOnly.MinValue)),
                _ when v.Kind == to.ValueKind => v,
                _ => throw Cannot(v, to),
            };
        }
        catch (FormatException)
        {
            throw Invalid(to.Name, ToText(v));
        }
        catch (OverflowException)
        {
            throw new SqlException(SqlStates.NumericValueOutOfRange, $"value out of range for type {to.Name}");
        }
    }

    private static SqlValue ToFloat(SqlValue v, SqlType to)
    {
        var d = v.Kind switch
        {
            SqlValueKind.Text => double.TryParse(v.AsText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : throw Invalid(to.Name, v.AsText),
            SqlValueKind.Boolean => throw Cannot(v, to),
            _ => v.ToDouble(),
        };
        return to.Kind == SqlTypeKind.Float32 ? SqlValue.FromReal((float)d) : SqlValue.FromDouble(d);
    }

    private static decimal Scale(decimal d, SqlType to) =>
        to.Scale is { } s ? Math.Round(d, s, MidpointRounding.AwayFromZero) : d;

    private static string FitText(string s, SqlType to)
    {
        if (to.Length is not { } n)
        {
            return s;
        }

        if (s.Length > n)
        {
            if (s.AsSpan(n).Trim(' ').Length > 0)
            {
                throw new SqlException(SqlStates.StringDataRightTruncation, $"value too long for type {to.Name}");
            }

            s = s[..n];
        }

        return to.Kind == SqlTypeKind.Char ? s.PadRight(n) : s;
    }

    private static SqlException Invalid(string type, string text) =>
        new(SqlStates.InvalidTextRepresentation, $"invalid input syntax for type {type}: \"{text}\"");

    private static SqlException Cannot(SqlValue v, SqlType to) =>
        new(SqlStates.CannotCoerce, $"cannot cast type {v.Kind} to {to.Name}");
}
