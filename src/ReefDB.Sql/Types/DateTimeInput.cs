using System.Globalization;

namespace ReefDB.Sql.Types;

/// <summary>
/// date_in / timestamp_in for the ISO forms: <c>2024-01-31</c>, <c>20240131</c>, <c>2024-1-5</c>, then
/// optionally a time after a space or <c>T</c>: <c>12:30</c>, <c>12:30:45</c>, <c>12:30:45.123456</c>, and an
/// optional zone suffix that timestamp-without-time-zone ignores (<c>Z</c>, <c>+02</c>, <c>-05:30</c>). Also
/// <c>epoch</c>. Other PostgreSQL forms (month names, BC, <c>today</c>/<c>now</c> which would read a clock)
/// are rejected with 22007.
/// </summary>
internal static class DateTimeInput
{
    private const string Spaces = " \t\n\r\v\f";

    public static int ParseDate(string input)
    {
        var micros = Parse(input, "date");
        return (int)Math.Floor(micros / (double)PgDateTime.MicrosPerDay);
    }

    public static long ParseTimestamp(string input) => Parse(input, "timestamp without time zone");

    private static long Parse(string input, string typeName)
    {
        var s = input.AsSpan().Trim(Spaces);
        if (s.Equals("epoch", StringComparison.OrdinalIgnoreCase))
        {
            return PgDateTime.ToMicros(new DateTime(1970, 1, 1));
        }
        var i = 0;
        int year, month, day;
        var first = ReadDigits(s, ref i);
        if (first.Length == 8 && (i == s.Length || s[i] is ' ' or 'T' or 't'))
        {
            year = int.Parse(first[..4], CultureInfo.InvariantCulture);
            month = int.Parse(first[4..6], CultureInfo.InvariantCulture);
            day = int.Parse(first[6..], CultureInfo.InvariantCulture);
        }
        else
        {
            if (first.Length < 3 || first.Length > 9 || !Expect(s, ref i, '-'))
            {
                throw Invalid(typeName, input, first.Length is 1 or 2);
            }
            var monthDigits = ReadDigits(s, ref i);
            if (monthDigits.Length is < 1 or > 2 || !Expect(s, ref i, '-'))
            {
                throw Invalid(typeName, input, false);
            }
            var dayDigits = ReadDigits(s, ref i);
            if (dayDigits.Length is < 1 or > 2)
            {
                throw Invalid(typeName, input, false);
            }
            year = int.Parse(first, CultureInfo.InvariantCulture);
            month = int.Parse(monthDigits, CultureInfo.InvariantCulture);
            day = int.Parse(dayDigits, CultureInfo.InvariantCulture);
        }

        long timeMicros = 0;
        if (i < s.Length)
        {
            if (s[i] is 'T' or 't')
            {
                i++;
            }
            else if (s[i] == ' ')
            {
                while (i < s.Length && s[i] == ' ')
                {
                    i++;
                }
            }
            else
            {
                throw Invalid(typeName, input, false);
            }
            timeMicros = ParseTime(s, ref i, input, typeName);
            SkipZone(s, ref i, input, typeName);
        }
        if (i != s.Length)
        {
            throw Invalid(typeName, input, false);
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || (year <= 9999 && day > DateTime.DaysInMonth(year, month)))
        {
            throw ValueErrors.DateTimeFieldOutOfRange(input);
        }
        if (year > 9999)
        {
            throw new Errors.SqlException(Errors.SqlStates.DatetimeFieldOverflow, $"{(typeName == "date" ? "date" : "timestamp")} out of range: \"{input}\"");
        }
        var micros = PgDateTime.ToMicros(new DateTime(year, month, day)) + timeMicros;
        if (!PgDateTime.MicrosInRange(micros))
        {
            throw new Errors.SqlException(Errors.SqlStates.DatetimeFieldOverflow, $"timestamp out of range: \"{input}\"");
        }
        return micros;
    }

    private static long ParseTime(ReadOnlySpan<char> s, ref int i, string input, string typeName)
    {
        var hourDigits = ReadDigits(s, ref i);
        if (hourDigits.Length is < 1 or > 2 || !Expect(s, ref i, ':'))
        {
            throw Invalid(typeName, input, false);
        }
        var minuteDigits = ReadDigits(s, ref i);
        if (minuteDigits.Length is < 1 or > 2)
        {
            throw Invalid(typeName, input, false);
        }
        var hour = int.Parse(hourDigits, CultureInfo.InvariantCulture);
        var minute = int.Parse(minuteDigits, CultureInfo.InvariantCulture);
        var second = 0;
        long fraction = 0;
        if (Expect(s, ref i, ':'))
        {
            var secondDigits = ReadDigits(s, ref i);
            if (secondDigits.Length is < 1 or > 2)
            {
                throw Invalid(typeName, input, false);
            }
            second = int.Parse(secondDigits, CultureInfo.InvariantCulture);
            if (Expect(s, ref i, '.'))
            {
                var fractionDigits = ReadDigits(s, ref i);
                if (fractionDigits.Length == 0)
                {
                    throw Invalid(typeName, input, false);
                }
                // Round to microseconds, half away from zero as rint on a positive value does for .5 ties here.
                var value = decimal.Parse("0." + fractionDigits.ToString(), CultureInfo.InvariantCulture);
                fraction = (long)decimal.Round(value * 1_000_000m, MidpointRounding.ToEven);
            }
        }
        var total = ((((hour * 60L) + minute) * 60) + second) * PgDateTime.MicrosPerSecond + fraction;
        if (minute > 59 || second > 60 || hour > 24 || total > PgDateTime.MicrosPerDay)
        {
            throw ValueErrors.DateTimeFieldOutOfRange(input);
        }
        return total;
    }

    private static void SkipZone(ReadOnlySpan<char> s, ref int i, string input, string typeName)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        if (i == s.Length)
        {
            return;
        }
        if (s[i] is 'Z' or 'z')
        {
            i++;
            return;
        }
        if (s[i] is '+' or '-')
        {
            i++;
            var hours = ReadDigits(s, ref i);
            if (hours.Length is < 1 or > 4)
            {
                throw Invalid(typeName, input, false);
            }
            if (Expect(s, ref i, ':') && ReadDigits(s, ref i).Length != 2)
            {
                throw Invalid(typeName, input, false);
            }
            return;
        }
        throw Invalid(typeName, input, false);
    }

    private static ReadOnlySpan<char> ReadDigits(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        return s[start..i];
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i < s.Length && s[i] == c)
        {
            i++;
            return true;
        }
        return false;
    }

    // A two-digit year is valid syntax whose field PostgreSQL rejects as out of range under ISO datestyle.
    private static Errors.SqlException Invalid(string typeName, string input, bool shortYear) =>
        shortYear ? ValueErrors.DateTimeFieldOutOfRange(input) : ValueErrors.InvalidDateTimeInput(typeName, input);
}
