using System.Globalization;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Functions;

/// <summary>A value with its declared type, written the way a PostgreSQL literal would give it.</summary>
internal readonly record struct Typed(SqlValue Value, SqlType Type)
{
    public static Typed Int(long v) => new(SqlValue.FromInt64(v), SqlType.Integer);
    public static Typed SmallInt(long v) => new(SqlValue.FromInt64(v), SqlType.SmallInt);
    public static Typed BigInt(long v) => new(SqlValue.FromInt64(v), SqlType.BigInt);
    public static Typed Num(string v) => new(SqlValue.FromNumeric(decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)), SqlType.Numeric);
    public static Typed Float(double v) => new(SqlValue.FromDouble(v), SqlType.Double);
    public static Typed Real(float v) => new(SqlValue.FromReal(v), SqlType.Real);
    public static Typed Text(string v) => new(SqlValue.FromText(v), SqlType.Text);
    public static Typed Unknown(string v) => new(SqlValue.FromText(v), SqlType.Unknown);
    public static Typed Char(string v, int n) => new(SqlValue.FromText(v.PadRight(n)), SqlType.Char(n));
    public static Typed Bool(bool? v) => new(SqlValue.FromBoolean(v), SqlType.Boolean);
    public static Typed Date(string v) => new(SqlCasts.Cast(SqlValue.FromText(v), SqlType.Unknown, SqlType.Date), SqlType.Date);
    public static Typed Timestamp(string v) => new(SqlCasts.Cast(SqlValue.FromText(v), SqlType.Unknown, SqlType.Timestamp), SqlType.Timestamp);
    public static Typed Null(SqlType type) => new(SqlValue.Null, type);
    public static Typed NullLiteral => new(SqlValue.Null, SqlType.Unknown);
}
