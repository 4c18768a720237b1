using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Types;

public sealed class SqlValueTests
{
    [Fact]
    public void Default_is_null_and_formats_as_null()
    {
        SqlValue value = default;
        Assert.True(value.IsNull);
        Assert.Null(value.FormatText());
        Assert.Equal("NULL", value.ToString());
        Assert.Equal(SqlValue.Null, value);
    }

    [Fact]
    public void Value_is_compact() =>
        Assert.True(System.Runtime.CompilerServices.Unsafe.SizeOf<SqlValue>() <= 24);

    // Expected strings were produced by PostgreSQL 15 (SELECT of the same literal).
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1e15, "1e+15")]
    [InlineData(1e14, "100000000000000")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1.5e-300, "1.5e-300")]
    [InlineData(1e22, "1e+22")]
    [InlineData(1152921504606846976.0, "1.152921504606847e+18")]
    [InlineData(33.333333333333336, "33.333333333333336")]
    [InlineData(1.5e15, "1.5e+15")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(-0.0, "-0")]
    [InlineData(0.0, "0")]
    public void Doubles_format_like_postgres(double value, string expected) =>
        Assert.Equal(expected, SqlValue.FromDouble(value).FormatText());

    [Theory]
    [InlineData(1e6f, "1e+06")]
    [InlineData(123456f, "123456")]
    [InlineData(0.1f, "0.1")]
    [InlineData(3.14159f, "3.14159")]
    [InlineData(3.4e38f, "3.4e+38")]
    public void Reals_format_with_float_precision(float value, string expected) =>
        Assert.Equal(expected, SqlValue.FromReal(value).FormatText());

    [Fact]
    public void Other_kinds_format_like_postgres()
    {
        Assert.Equal("t", SqlValue.True.FormatText());
        Assert.Equal("f", SqlValue.False.FormatText());
        Assert.Equal("-42", SqlValue.FromInt64(-42).FormatText());
        Assert.Equal("1.50", SqlValue.FromNumeric(1.50m).FormatText());
        Assert.Equal("0.000", SqlValue.FromNumeric(0.000m).FormatText());
        Assert.Equal("0.00001", SqlValue.FromNumeric(0.00001m).FormatText());
        Assert.Equal("2024-01-31", SqlValue.FromDate(new DateOnly(2024, 1, 31)).FormatText());
        Assert.Equal("0001-01-01", SqlValue.FromDate(new DateOnly(1, 1, 1)).FormatText());
        Assert.Equal("2024-01-31 12:00:00", SqlValue.FromTimestamp(new DateTime(2024, 1, 31, 12, 0, 0)).FormatText());
        Assert.Equal("2024-01-31 12:00:00.12345",
            SqlValue.FromTimestamp(new DateTime(2024, 1, 31, 12, 0, 0).AddTicks(1234500)).FormatText());
        Assert.Equal("\\x0102ff", SqlValue.FromBytea([1, 2, 0xff]).FormatText());
        Assert.Equal("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            SqlValue.FromUuid(Guid.Parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")).FormatText());
    }

    [Fact]
    public void Dates_and_timestamps_use_the_postgres_epoch()
    {
        Assert.Equal(0, SqlValue.FromDate(new DateOnly(2000, 1, 1)).AsDateDays);
        Assert.Equal(-1, SqlValue.FromDate(new DateOnly(1999, 12, 31)).AsDateDays);
        Assert.Equal(1_500_000, SqlValue.FromTimestamp(new DateTime(2000, 1, 1, 0, 0, 1, 500)).AsTimestampMicros);
        Assert.Equal(new DateOnly(2024, 2, 29), SqlValue.FromDate(new DateOnly(2024, 2, 29)).AsDate);
    }

    [Fact]
    public void Accessors_refuse_the_wrong_kind() =>
        Assert.Throws<InvalidOperationException>(() => SqlValue.FromText("1").AsInt64);
}
