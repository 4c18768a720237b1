using ReefDB.Sql.Errors;
using static ReefDB.Sql.Tests.Functions.FunctionTestKit;
using static ReefDB.Sql.Tests.Functions.Typed;

namespace ReefDB.Sql.Tests.Functions;

// Expected values and errors were produced by PostgreSQL 15.
public sealed class DateTimeFunctionTests
{
    [Theory]
    [InlineData("month", "2024-02-15 13:14:15.5", "2024-02-01 00:00:00")]
    [InlineData("year", "2024-02-15", "2024-01-01 00:00:00")]
    [InlineData("hour", "2024-02-15 13:14:15", "2024-02-15 13:00:00")]
    [InlineData("week", "2024-02-15 13:14", "2024-02-12 00:00:00")]
    [InlineData("quarter", "2024-05-15", "2024-04-01 00:00:00")]
    [InlineData("decade", "2024-05-15", "2020-01-01 00:00:00")]
    [InlineData("century", "2024-05-15", "2001-01-01 00:00:00")]
    [InlineData("millennium", "2024-05-15", "2001-01-01 00:00:00")]
    [InlineData("second", "2024-02-15 13:14:15.5", "2024-02-15 13:14:15")]
    [InlineData("milliseconds", "2024-02-15 13:14:15.123456", "2024-02-15 13:14:15.123")]
    [InlineData("DAY", "2024-02-15 13:14:15.123456", "2024-02-15 00:00:00")]
    public void Date_trunc(string unit, string timestamp, string expected) =>
        Assert.Equal(expected, Eval("date_trunc", Unknown(unit), Timestamp(timestamp)));

    [Fact]
    public void Date_trunc_rejects_unknown_units()
    {
        var error = Assert.Throws<SqlException>(() => Eval("date_trunc", Unknown("foo"), Timestamp("2024-01-01")));
        Assert.Equal(("22023", "unit \"foo\" not recognized for type timestamp without time zone"), (error.SqlState, error.Message));
    }

    [Theory]
    [InlineData("year", "2024-02-15 13:14:15.5", "2024")]
    [InlineData("second", "2024-02-15 13:14:15.5", "15.5")]
    [InlineData("epoch", "2024-02-15 13:14:15.5", "1708002855.5")]
    [InlineData("dow", "2024-02-18", "0")]
    [InlineData("isodow", "2024-02-18", "7")]
    [InlineData("doy", "2024-02-15", "46")]
    [InlineData("week", "2024-01-01", "1")]
    [InlineData("quarter", "2024-05-01", "2")]
    [InlineData("century", "2024-05-01", "21")]
    [InlineData("decade", "2024-05-01", "202")]
    [InlineData("millennium", "2024-05-01", "3")]
    [InlineData("milliseconds", "2024-02-15 13:14:15.5", "15500")]
    [InlineData("microseconds", "2024-02-15 13:14:15.5", "15500000")]
    [InlineData("isoyear", "2024-12-30", "2025")]
    [InlineData("julian", "2024-02-15", "2460356")]
    public void Date_part_returns_double(string field, string timestamp, string expected) =>
        Assert.Equal(expected, Eval("date_part", Unknown(field), Timestamp(timestamp)));

    [Fact]
    public void Extract_returns_numeric_with_postgres_scales()
    {
        Assert.Equal("2024", Eval("extract", Unknown("year"), Date("2024-02-15")));
        Assert.Equal("15.500000", Eval("extract", Unknown("second"), Timestamp("2024-02-15 13:14:15.5")));
        Assert.Equal("1708002855.500000", Eval("extract", Unknown("epoch"), Timestamp("2024-02-15 13:14:15.5")));
        Assert.Equal("1707955200", Eval("extract", Unknown("epoch"), Date("2024-02-15")));
        Assert.Equal("15500.000", Eval("extract", Unknown("milliseconds"), Timestamp("2024-02-15 13:14:15.5")));
        Assert.Equal("4", Eval("extract", Unknown("dow"), Date("2024-02-15")));
        Assert.Equal("2460356", Eval("extract", Unknown("julian"), Date("2024-02-15")));
        Assert.Equal("15.000000", Eval("extract", Unknown("second"), Timestamp("2024-02-15 13:14:15")));
        Assert.Equal("2460356.50000000000000000000", Eval("extract", Unknown("julian"), Timestamp("2024-02-15 12:00")));
        Assert.Equal("numeric", ResultType("extract", Unknown("year"), Date("2024-02-15")));
        var hour = Assert.Throws<SqlException>(() => Eval("extract", Unknown("hour"), Date("2024-02-15")));
        Assert.Equal(("0A000", "unit \"hour\" not supported for type date"), (hour.SqlState, hour.Message));
        var foo = Assert.Throws<SqlException>(() => Eval("extract", Unknown("foo"), Date("2024-02-15")));
        Assert.Equal(("22023", "unit \"foo\" not recognized for type date"), (foo.SqlState, foo.Message));
    }

    [Fact]
    public void Make_date_and_timestamp()
    {
        Assert.Equal("2024-02-29", Eval("make_date", Int(2024), Int(2), Int(29)));
        Assert.Equal("2024-02-29 12:30:15.5", Eval("make_timestamp", Int(2024), Int(2), Int(29), Int(12), Int(30), Num("15.5")));
        var date = Assert.Throws<SqlException>(() => Eval("make_date", Int(2024), Int(2), Int(30)));
        Assert.Equal(("22008", "date field value out of range: 2024-02-30"), (date.SqlState, date.Message));
        var time = Assert.Throws<SqlException>(() => Eval("make_timestamp", Int(2024), Int(2), Int(28), Int(25), Int(0), Int(0)));
        Assert.Equal(("22008", "time field value out of range: 25:00:00"), (time.SqlState, time.Message));
    }

    [Fact]
    public void To_char_common_patterns()
    {
        Assert.Equal("2024-02-05 13:04:05.123 Feb February  Monday    Mon 036 1 01 PM pm 24",
            Eval("to_char", Timestamp("2024-02-05 13:04:05.123"), Unknown("YYYY-MM-DD HH24:MI:SS.MS Mon Month Day Dy DDD Q HH12 AM pm YY")));
        Assert.Equal("February 5, 2024", Eval("to_char", Date("2024-02-05"), Unknown("FMMonth FMDD, YYYY")));
        Assert.Equal("12:04 AM 1 06 06 21 2460346 024",
            Eval("to_char", Timestamp("2024-02-05 00:04:05"), Unknown("HH12:MI AM Q IW WW CC J YYY")));
    }
}
