using System.Globalization;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Types;

/// <summary>The data errors of the value layer, with PostgreSQL's codes and exact messages.</summary>
internal static class ValueErrors
{
    public static SqlException InvalidInput(string typeName, string input) =>
        new(SqlStates.InvalidTextRepresentation, $"invalid input syntax for type {typeName}: \"{input}\"");

    public static SqlException OutOfRangeInput(string typeName, string input) =>
        new(SqlStates.NumericValueOutOfRange, $"value \"{input}\" is out of range for type {typeName}");

    public static SqlException IntegerOutOfRange(SqlTypeKind kind) =>
        new(SqlStates.NumericValueOutOfRange, kind switch
        {
            SqlTypeKind.Int16 => "smallint out of range",
            SqlTypeKind.Int32 => "integer out of range",
            _ => "bigint out of range",
        });

    public static SqlException FloatOverflow() => new(SqlStates.NumericValueOutOfRange, "value out of range: overflow");

    public static SqlException FloatUnderflow() => new(SqlStates.NumericValueOutOfRange, "value out of range: underflow");

    public static SqlException NumericOverflow() => new(SqlStates.NumericValueOutOfRange, "value overflows numeric format");

    public static SqlException NumericFieldOverflow() => new(SqlStates.NumericValueOutOfRange, "numeric field overflow");

    public static SqlException NumericSpecialUnsupported() =>
        new(SqlStates.FeatureNotSupported, "numeric NaN and Infinity are not supported");

    public static SqlException DivisionByZero() => new(SqlStates.DivisionByZero, "division by zero");

    public static SqlException DateOutOfRange() => new(SqlStates.DatetimeFieldOverflow, "date out of range");

    public static SqlException TimestampOutOfRange() => new(SqlStates.DatetimeFieldOverflow, "timestamp out of range");

    public static SqlException DateTimeFieldOutOfRange(string input) =>
        new(SqlStates.DatetimeFieldOverflow, $"date/time field value out of range: \"{input}\"");

    public static SqlException InvalidDateTimeInput(string typeName, string input) =>
        new(SqlStates.InvalidDatetimeFormat, $"invalid input syntax for type {typeName}: \"{input}\"");

    public static SqlException ValueTooLong(SqlType type) =>
        new(SqlStates.StringDataRightTruncation, $"value too long for type {type.Name}");

    public static SqlException CannotCast(SqlType from, SqlType to) =>
        new(SqlStates.CannotCoerce, $"cannot cast type {from.Name} to {to.Name}");

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
