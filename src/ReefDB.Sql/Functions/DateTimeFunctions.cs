using System.Globalization;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>date_trunc, date_part/extract and make_date/make_timestamp over ReefDB's microsecond timestamps.</summary>
internal static class DateTimeFunctions
{
    private const long MicrosPerSecond = PgDateTime.MicrosPerSecond;
    private const long MicrosPerDay = PgDateTime.MicrosPerDay;
    private const int JulianDayOf2000 = 2451545;
    private static readonly long UnixEpochMicros = PgDateTime.ToMicros(new DateTime(1970, 1, 1));

    /// <summary>Canonical unit names for PostgreSQL's accepted spellings (DecodeUnits), or null.</summary>
    public static string? CanonicalUnit(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "microsecond" or "microseconds" or "us" or "usec" or "usecs" or "useconds" => "microseconds",
        "millisecond" or "milliseconds" or "ms" or "msec" or "msecs" or "mseconds" => "milliseconds",
        "second" or "seconds" or "s" or "sec" or "secs" => "second",
        "minute" or "minutes" or "m" or "min" or "mins" => "minute",
        "hour" or "hours" or "h" or "hr" or "hrs" => "hour",
        "day" or "days" or "d" => "day",
        "week" or "weeks" or "w" => "week",
        "month" or "months" or "mon" or "mons" => "month",
        "quarter" or "qtr" => "quarter",
        "year" or "years" or "y" or "yr" or "yrs" => "year",
        "decade" or "decades" or "dec" or "decs" => "decade",
        "century" or "centuries" or "c" or "cent" => "century",
        "millennium" or "millennia" or "mil" or "mils" => "millennium",
        "dow" => "dow",
        "isodow" => "isodow",
        "doy" => "doy",
        "epoch" => "epoch",
        "isoyear" => "isoyear",
        "julian" or "j" => "julian",
        _ => null,
    };

    public static long DateTrunc(string unit, long micros)
    {
        var canonical = CanonicalUnit(unit);
        var dt = PgDateTime.FromMicros(micros);
        var day = micros - FloorMod(micros, MicrosPerDay);
        long Start(int year, int month) => PgDateTime.ToMicros(new DateTime(year, month, 1));
        return canonical switch
        {
            "microseconds" => micros,
            "milliseconds" => micros - FloorMod(micros, 1000),
            "second" => micros - FloorMod(micros, MicrosPerSecond),
            "minute" => micros - FloorMod(micros, 60 * MicrosPerSecond),
            "hour" => micros - FloorMod(micros, 3600 * MicrosPerSecond),
            "day" => day,
            "week" => day - ((((int)dt.DayOfWeek + 6) % 7) * MicrosPerDay),
            "month" => Start(dt.Year, dt.Month),
            "quarter" => Start(dt.Year, ((dt.Month - 1) / 3 * 3) + 1),
            "year" => Start(dt.Year, 1),
            "decade" => Start(Math.Max(dt.Year / 10 * 10, 1), 1),
            "century" => Start(((dt.Year - 1) / 100 * 100) + 1, 1),
            "millennium" => Start(((dt.Year - 1) / 1000 * 1000) + 1, 1),
            _ => throw UnitNotRecognized(unit, "timestamp without time zone"),
        };
    }

    /// <summary>
    /// extract(field FROM timestamp) as numeric with PostgreSQL's scales (second and epoch 6, milliseconds 3).
    /// For a date (<paramref name="isDate"/>), time fields are 0A000 and epoch/julian are whole numbers.
    /// </summary>
    public static decimal Extract(string unit, long micros, bool isDate)
    {
        var typeName = isDate ? "date" : "timestamp without time zone";
        var canonical = CanonicalUnit(unit) ?? throw UnitNotRecognized(unit, typeName);
        if (isDate && canonical is "microseconds" or "milliseconds" or "second" or "minute" or "hour")
        {
            throw new SqlException(SqlStates.FeatureNotSupported, $"unit \"{unit.Trim().ToLowerInvariant()}\" not supported for type date");
        }
        var dt = PgDateTime.FromMicros(micros);
        var ofMinute = FloorMod(micros, 60 * MicrosPerSecond);
        switch (canonical)
        {
            case "microseconds":
                return ofMinute;
            case "milliseconds":
                return NumericMath.WithScale(ofMinute / 1000m, 3);
            case "second":
                return NumericMath.WithScale(ofMinute / 1_000_000m, 6);
            case "epoch":
                var seconds = (micros - UnixEpochMicros) / 1_000_000m;
                return isDate ? seconds : NumericMath.WithScale(seconds, 6);
            case "julian":
                var days = FloorDiv(micros, MicrosPerDay) + JulianDayOf2000;
                return isDate ? days : NumericMath.WithScale(days + (FloorMod(micros, MicrosPerDay) / (decimal)MicrosPerDay), 20);
            default:
                return DatePart(canonical, dt);
        }
    }

    /// <summary>date_part: the same fields as double precision.</summary>
    public static double DatePart(string unit, long micros)
    {
        var canonical = CanonicalUnit(unit) ?? throw UnitNotRecognized(unit, "timestamp without time zone");
        var ofMinute = FloorMod(micros, 60 * MicrosPerSecond);
        return canonical switch
        {
            "microseconds" => ofMinute,
            "milliseconds" => ofMinute / 1000.0,
            "second" => ofMinute / 1_000_000.0,
            "epoch" => (micros - UnixEpochMicros) / 1_000_000.0,
            "julian" => FloorDiv(micros, MicrosPerDay) + JulianDayOf2000 + (FloorMod(micros, MicrosPerDay) / (double)MicrosPerDay),
            _ => (double)DatePart(canonical, PgDateTime.FromMicros(micros)),
        };
    }

    private static decimal DatePart(string canonical, DateTime dt) => canonical switch
    {
        "minute" => dt.Minute,
        "hour" => dt.Hour,
        "day" => dt.Day,
        "month" => dt.Month,
        "quarter" => ((dt.Month - 1) / 3) + 1,
        "year" => dt.Year,
        "decade" => dt.Year / 10,
        "century" => ((dt.Year - 1) / 100) + 1,
        "millennium" => ((dt.Year - 1) / 1000) + 1,
        "dow" => (int)dt.DayOfWeek,
        "isodow" => dt.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)dt.DayOfWeek,
        "doy" => dt.DayOfYear,
        "week" => ISOWeek.GetWeekOfYear(dt),
        "isoyear" => ISOWeek.GetYear(dt),
        _ => throw new InvalidOperationException(canonical),
    };

    public static int MakeDate(long year, long month, long day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            throw new SqlException(SqlStates.DatetimeFieldOverflow,
                string.Create(CultureInfo.InvariantCulture, $"date field value out of range: {year}-{month:00}-{day:00}"));
        }
        return PgDateTime.ToDays(new DateOnly((int)year, (int)month, (int)day));
    }

    public static long MakeTimestamp(long year, long month, long day, long hour, long minute, double second)
    {
        var date = MakeDate(year, month, day);
        if (hour is < 0 or > 24 || minute is < 0 or > 59 || second < 0 || second > 60
            || (hour == 24 && (minute > 0 || second > 0)))
        {
            throw new SqlException(SqlStates.DatetimeFieldOverflow,
                string.Create(CultureInfo.InvariantCulture, $"time field value out of range: {hour:00}:{minute:00}:{PgFloatFormat.FormatDouble(second).PadLeft(2, '0')}"));
        }
        var micros = (long)Math.Round(second * MicrosPerSecond, MidpointRounding.ToEven);
        return (date * MicrosPerDay) + (((hour * 60) + minute) * 60 * MicrosPerSecond) + micros;
    }

    private static SqlException UnitNotRecognized(string unit, string typeName) =>
        new(SqlStates.InvalidParameterValue, $"unit \"{unit.Trim().ToLowerInvariant()}\" not recognized for type {typeName}");

    private static long FloorMod(long value, long divisor) => ((value % divisor) + divisor) % divisor;

    private static long FloorDiv(long value, long divisor) => (value - FloorMod(value, divisor)) / divisor;
}
