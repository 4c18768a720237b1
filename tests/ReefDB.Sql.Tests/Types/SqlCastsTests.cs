using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Types;

// Expected values and messages were produced by PostgreSQL 15 with `SELECT '<input>'::<type>` etc.
public sealed class SqlCastsTests
{
    private static string? FromLiteral(string input, string type, params int[] modifiers) =>
        SqlCasts.Cast(SqlValue.FromText(input), SqlType.Unknown, SqlType.Parse(type, modifiers)).FormatText();

    private static SqlException LiteralError(string input, string type, params int[] modifiers) =>
        Assert.Throws<SqlException>(() => FromLiteral(input, type, modifiers));

    [Theory]
    [InlineData(" 12 ", "int", "12")]
    [InlineData("+5", "int", "5")]
    [InlineData("-0", "int", "0")]
    [InlineData("2147483648", "bigint", "2147483648")]
    [InlineData(" 1.5e3 ", "float8", "1500")]
    [InlineData("inf", "float8", "Infinity")]
    [InlineData("-Infinity", "float8", "-Infinity")]
    [InlineData("NaN", "float8", "NaN")]
    [InlineData("1.2345678", "real", "1.2345678")]
    [InlineData("1.50", "numeric", "1.50")]
    [InlineData("1e5", "numeric", "100000")]
    [InlineData("-.5", "numeric", "-0.5")]
    [InlineData("123.456", "numeric", "123.46", 5, 2)]
    [InlineData("1.005", "numeric", "1.01", 4, 2)]
    [InlineData("-1.005", "numeric", "-1.01", 4, 2)]
    [InlineData("1", "numeric", "1.00", 10, 2)]
    [InlineData("yes", "bool", "t")]
    [InlineData("of", "bool", "f")]
    [InlineData("Y", "bool", "t")]
    [InlineData(" true ", "bool", "t")]
    [InlineData("0", "bool", "f")]
    [InlineData("n", "bool", "f")]
    [InlineData("2024-1-5", "date", "2024-01-05")]
    [InlineData("20240105", "date", "2024-01-05")]
    [InlineData("2024-01-05 13:00", "date", "2024-01-05")]
    [InlineData("0099-01-01", "date", "0099-01-01")]
    [InlineData("2024-01-05T13:14:15.5", "timestamp", "2024-01-05 13:14:15.5")]
    [InlineData("2024-01-05", "timestamp", "2024-01-05 00:00:00")]
    [InlineData(" 2024-01-05 1:2:3 ", "timestamp", "2024-01-05 01:02:03")]
    [InlineData("2024-01-05 12:00:00+02", "timestamp", "2024-01-05 12:00:00")]
    [InlineData("2024-01-31 12:00:00.123450", "timestamp", "2024-01-31 12:00:00.12345")]
    [InlineData("x", "bytea", "\\x78")]
    [InlineData("abc", "bytea", "\\x616263")]
    [InlineData("\\x0102ff", "bytea", "\\x0102ff")]
    [InlineData("a\\\\b\\101", "bytea", "\\x615c6241")]
    [InlineData("{a0eebc99-9c0b4ef8bb6d6bb9bd380a11}", "uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")]
    [InlineData("A0EEBC999C0B4EF8BB6D6BB9BD380A11", "uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")]
    [InlineData("abcdef", "varchar", "abc", 3)]
    [InlineData("ab", "char", "ab  ", 4)]
    [InlineData("abcd", "char", "ab", 2)]
    public void Literals_convert_like_postgres(string input, string type, string expected, params int[] modifiers) =>
        Assert.Equal(expected, FromLiteral(input, type, modifiers));

    [Theory]
    [InlineData("abc", "int", "22P02", "invalid input syntax for type integer: \"abc\"")]
    [InlineData("", "int", "22P02", "invalid input syntax for type integer: \"\"")]
    [InlineData("1.5", "int", "22P02", "invalid input syntax for type integer: \"1.5\"")]
    [InlineData("2147483648", "int", "22003", "value \"2147483648\" is out of range for type integer")]
    [InlineData("40000", "smallint", "22003", "value \"40000\" is out of range for type smallint")]
    [InlineData("abc", "float8", "22P02", "invalid input syntax for type double precision: \"abc\"")]
    [InlineData("  ", "float8", "22P02", "invalid input syntax for type double precision: \"  \"")]
    [InlineData("1e400", "float8", "22003", "\"1e400\" is out of range for type double precision")]
    [InlineData("1e-400", "float8", "22003", "\"1e-400\" is out of range for type double precision")]
    [InlineData("1e40", "real", "22003", "\"1e40\" is out of range for type real")]
    [InlineData("abc", "numeric", "22P02", "invalid input syntax for type numeric: \"abc\"")]
    [InlineData("1.2.3", "numeric", "22P02", "invalid input syntax for type numeric: \"1.2.3\"")]
    [InlineData("abc", "boolean", "22P02", "invalid input syntax for type boolean: \"abc\"")]
    [InlineData("o", "boolean", "22P02", "invalid input syntax for type boolean: \"o\"")]
    [InlineData("abc", "date", "22007", "invalid input syntax for type date: \"abc\"")]
    [InlineData("2024-02-30", "date", "22008", "date/time field value out of range: \"2024-02-30\"")]
    [InlineData("99-01-01", "date", "22008", "date/time field value out of range: \"99-01-01\"")]
    [InlineData("2024-01-05 25:00", "timestamp", "22008", "date/time field value out of range: \"2024-01-05 25:00\"")]
    [InlineData("z", "uuid", "22P02", "invalid input syntax for type uuid: \"z\"")]
    [InlineData("\\xzz", "bytea", "22023", "invalid hexadecimal digit: \"z\"")]
    [InlineData("\\x123", "bytea", "22023", "invalid hexadecimal data: odd number of digits")]
    [InlineData("a\\b", "bytea", "22P02", "invalid input syntax for type bytea")]
    public void Bad_literals_fail_with_postgres_codes_and_messages(string input, string type, string state, string message)
    {
        var error = LiteralError(input, type);
        Assert.Equal(state, error.SqlState);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Numeric_typmod_overflow_is_22003()
    {
        var error = LiteralError("12345.678", "numeric", 5, 2);
        Assert.Equal("22003", error.SqlState);
        Assert.Equal("numeric field overflow", error.Message);
    }

    [Theory]
    [InlineData(1.5, "2")]
    [InlineData(2.5, "2")]
    [InlineData(3.5, "4")]
    [InlineData(-2.5, "-2")]
    public void Double_to_integer_rounds_half_to_even(double value, string expected) =>
        Assert.Equal(expected, SqlCasts.Cast(SqlValue.FromDouble(value), SqlType.Double, SqlType.Integer).FormatText());

    [Theory]
    [InlineData("1.5", "2")]
    [InlineData("2.5", "3")]
    [InlineData("-2.5", "-3")]
    public void Numeric_to_integer_rounds_half_away_from_zero(string value, string expected) =>
        Assert.Equal(expected, SqlCasts.Cast(SqlValue.FromNumeric(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            SqlType.Numeric, SqlType.Integer).FormatText());

    [Fact]
    public void Numeric_conversions_raise_postgres_range_errors()
    {
        Assert.Equal("smallint out of range", Assert.Throws<SqlException>(() =>
            SqlCasts.Cast(SqlValue.FromInt64(32768), SqlType.Integer, SqlType.SmallInt)).Message);
        Assert.Equal("integer out of range", Assert.Throws<SqlException>(() =>
            SqlCasts.Cast(SqlValue.FromDouble(1e10), SqlType.Double, SqlType.Integer)).Message);
        Assert.Equal("bigint out of range", Assert.Throws<SqlException>(() =>
            SqlCasts.Cast(SqlValue.FromDouble(9223372036854775807.0), SqlType.Double, SqlType.BigInt)).Message);
        Assert.Equal("value out of range: overflow", Assert.Throws<SqlException>(() =>
            SqlCasts.Cast(SqlValue.FromDouble(1e39), SqlType.Double, SqlType.Real)).Message);
        Assert.Equal("value out of range: underflow", Assert.Throws<SqlException>(() =>
            SqlCasts.Cast(SqlValue.FromDouble(1e-50), SqlType.Double, SqlType.Real)).Message);
    }

    [Fact]
    public void Floats_become_numeric_with_their_decimal_digits()
    {
        Assert.Equal("0.3", SqlCasts.Cast(SqlValue.FromDouble(0.1 + 0.2), SqlType.Double, SqlType.Numeric).FormatText());
        Assert.Equal("100000000000000000000", SqlCasts.Cast(SqlValue.FromDouble(1e20), SqlType.Double, SqlType.Numeric).FormatText());
        Assert.Equal("123456789.123", SqlCasts.Cast(SqlValue.FromDouble(123456789.123), SqlType.Double, SqlType.Numeric).FormatText());
        Assert.Equal("1.23457", SqlCasts.Cast(SqlValue.FromReal(1.2345678f), SqlType.Real, SqlType.Numeric).FormatText());
        Assert.Equal("0.10000000149011612", SqlCasts.Cast(SqlValue.FromReal(0.1f), SqlType.Real, SqlType.Double).FormatText());
    }

    [Fact]
    public void Values_become_text_as_postgres_prints_them()
    {
        Assert.Equal("true", SqlCasts.Cast(SqlValue.True, SqlType.Boolean, SqlType.Text).FormatText());
        Assert.Equal("1.5", SqlCasts.Cast(SqlValue.FromDouble(1.5), SqlType.Double, SqlType.Text).FormatText());
        Assert.Equal("1.50", SqlCasts.Cast(SqlValue.FromNumeric(1.50m), SqlType.Numeric, SqlType.Text).FormatText());
        Assert.Equal("ab", SqlCasts.Cast(SqlValue.FromText("ab  "), SqlType.Char(4), SqlType.VarCharUnbounded).FormatText());
        Assert.Equal("x", SqlCasts.Cast(SqlValue.FromText("x "), SqlType.Char(2), SqlType.Text).FormatText());
        Assert.Equal("1", SqlCasts.Cast(SqlValue.True, SqlType.Boolean, SqlType.Integer).FormatText());
        Assert.Equal("t", SqlCasts.Cast(SqlValue.FromInt64(5), SqlType.Integer, SqlType.Boolean).FormatText());
        Assert.Equal("2024-01-01 00:00:00",
            SqlCasts.Cast(SqlValue.FromDate(new DateOnly(2024, 1, 1)), SqlType.Date, SqlType.Timestamp).FormatText());
        Assert.Equal("2024-01-01",
            SqlCasts.Cast(SqlValue.FromTimestamp(new DateTime(2024, 1, 1, 12, 0, 0)), SqlType.Timestamp, SqlType.Date).FormatText());
    }

    [Fact]
    public void Varchar_length_is_enforced_on_assignment_and_truncates_on_explicit_cast()
    {
        var longText = SqlValue.FromText("abcdef");
        var error = Assert.Throws<SqlException>(() => SqlCasts.Cast(longText, SqlType.Text, SqlType.VarChar(3), CastContext.Assignment));
        Assert.Equal("22001", error.SqlState);
        Assert.Equal("value too long for type character varying(3)", error.Message);
        Assert.Equal("value too long for type character(2)", Assert.Throws<SqlException>(() =>
            SqlCasts.Cast(longText, SqlType.Text, SqlType.Char(2), CastContext.Assignment)).Message);
        Assert.Equal("abc", SqlCasts.Cast(longText, SqlType.Text, SqlType.VarChar(3), CastContext.Explicit).AsText);
        // Trailing spaces beyond the limit are dropped silently, as in PostgreSQL.
        Assert.Equal("abc", SqlCasts.Cast(SqlValue.FromText("abc   "), SqlType.Text, SqlType.VarChar(3), CastContext.Assignment).AsText);
        // Lengths count code points: one emoji is one character.
        Assert.Equal("\U0001F600", SqlCasts.Cast(SqlValue.FromText("\U0001F600"), SqlType.Text, SqlType.VarChar(1), CastContext.Assignment).AsText);
    }

    [Theory]
    [InlineData("integer", "bigint", CastContext.Implicit)]
    [InlineData("bigint", "numeric", CastContext.Implicit)]
    [InlineData("numeric", "double precision", CastContext.Implicit)]
    [InlineData("integer", "real", CastContext.Implicit)]
    [InlineData("bigint", "integer", CastContext.Assignment)]
    [InlineData("double precision", "numeric", CastContext.Assignment)]
    [InlineData("integer", "text", CastContext.Assignment)]
    [InlineData("text", "integer", CastContext.Explicit)]
    [InlineData("varchar", "text", CastContext.Implicit)]
    [InlineData("date", "timestamp", CastContext.Implicit)]
    [InlineData("timestamp", "date", CastContext.Assignment)]
    [InlineData("integer", "boolean", CastContext.Explicit)]
    [InlineData("unknown", "date", CastContext.Implicit)]
    public void Cast_levels_follow_pg_cast(string from, string to, CastContext expected) =>
        Assert.Equal(expected, SqlCasts.CastLevel(Parse(from), Parse(to)));

    [Theory]
    [InlineData("bigint", "boolean")]
    [InlineData("numeric", "boolean")]
    [InlineData("date", "integer")]
    [InlineData("bytea", "uuid")]
    public void Some_casts_do_not_exist(string from, string to)
    {
        Assert.Null(SqlCasts.CastLevel(Parse(from), Parse(to)));
        var error = Assert.Throws<SqlException>(() => SqlCasts.Cast(Sample(Parse(from)), Parse(from), Parse(to)));
        Assert.Equal("42846", error.SqlState);
        Assert.Equal($"cannot cast type {Parse(from).Name} to {Parse(to).Name}", error.Message);
    }

    private static SqlType Parse(string name) => name == "unknown" ? SqlType.Unknown : SqlType.Parse(name);

    private static SqlValue Sample(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int64 => SqlValue.FromInt64(1),
        SqlTypeKind.Numeric => SqlValue.FromNumeric(1m),
        SqlTypeKind.Date => SqlValue.FromDateDays(0),
        _ => SqlValue.FromBytea([1]),
    };

    [Fact]
    public void Null_casts_to_null() =>
        Assert.True(SqlCasts.Cast(SqlValue.Null, SqlType.Unknown, SqlType.Integer).IsNull);
}
