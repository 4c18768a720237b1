using System.Globalization;
using System.Text;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>
/// to_char(timestamp, format) for the common template patterns: YYYY YYY YY Y, MM, Month/MONTH/month (padded
/// to 9), Mon/MON/mon, DD, DDD, D, Day/DAY/day (padded to 9), Dy/DY/dy, HH HH12 HH24, MI, SS, MS, US,
/// AM/PM/am/pm/A.M./P.M., Q, CC, IW, WW, J, the FM prefix and "quoted text". Names are English, as in
/// PostgreSQL without the TM prefix.
/// </summary>
internal static class DateTimeFormat
{
    private static readonly string[] Patterns =
    [
        "A.M.", "P.M.", "a.m.", "p.m.", "MONTH", "Month", "month", "HH24", "HH12", "YYYY", "DDD", "YYY", "MON", "Mon", "mon",
        "DAY", "Day", "day", "HH", "MI", "SS", "MS", "US", "AM", "PM", "am", "pm", "YY", "MM", "DD", "DY", "Dy", "dy",
        "IW", "WW", "CC", "Q", "Y", "D", "J",
    ];

    public static string ToChar(long micros, string format)
    {
        var dt = PgDateTime.FromMicros(micros);
        var sb = new StringBuilder(format.Length + 16);
        var i = 0;
        while (i < format.Length)
        {
            var fillMode = false;
            if (string.CompareOrdinal(format, i, "FM", 0, 2) == 0)
            {
                fillMode = true;
                i += 2;
            }
            if (i < format.Length && format[i] == '"')
            {
                var end = format.IndexOf('"', i + 1);
                end = end < 0 ? format.Length : end;
                sb.Append(format, i + 1, end - i - 1);
                i = end + 1;
                continue;
            }
            var pattern = Patterns.FirstOrDefault(p => string.CompareOrdinal(format, i, p, 0, p.Length) == 0);
            if (pattern is null)
            {
                if (i < format.Length)
                {
                    sb.Append(format[i]);
                }
                i++;
                continue;
            }
            sb.Append(Render(pattern, dt, micros, fillMode));
            i += pattern.Length;
        }
        return sb.ToString();
    }

    private static string Render(string pattern, DateTime dt, long micros, bool fillMode)
    {
        string Number(long value, int width) =>
            fillMode ? value.ToString(CultureInfo.InvariantCulture) : value.ToString(new string('0', width), CultureInfo.InvariantCulture);
        string Name(string name, int width, Func<string, string> casing) => casing(fillMode ? name : name.PadRight(width));
        var month = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(dt.Month);
        var day = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(dt.DayOfWeek);
        var hour12 = dt.Hour % 12 == 0 ? 12 : dt.Hour % 12;
        var pm = dt.Hour >= 12;
        var fraction = (micros % PgDateTime.MicrosPerSecond + PgDateTime.MicrosPerSecond) % PgDateTime.MicrosPerSecond;
        return pattern switch
        {
            "YYYY" => Number(dt.Year, 4),
            "YYY" => Number(dt.Year % 1000, 3),
            "YY" => Number(dt.Year % 100, 2),
            "Y" => Number(dt.Year % 10, 1),
            "MM" => Number(dt.Month, 2),
            "MONTH" => Name(month, 9, TextChars.AsciiUpper),
            "Month" => Name(month, 9, s => s),
            "month" => Name(month, 9, TextChars.AsciiLower),
            "MON" => TextChars.AsciiUpper(month[..3]),
            "Mon" => month[..3],
            "mon" => TextChars.AsciiLower(month[..3]),
            "DD" => Number(dt.Day, 2),
            "DDD" => Number(dt.DayOfYear, 3),
            "D" => Number((int)dt.DayOfWeek + 1, 1),
            "DAY" => Name(day, 9, TextChars.AsciiUpper),
            "Day" => Name(day, 9, s => s),
            "day" => Name(day, 9, TextChars.AsciiLower),
            "DY" => TextChars.AsciiUpper(day[..3]),
            "Dy" => day[..3],
            "dy" => TextChars.AsciiLower(day[..3]),
            "HH" or "HH12" => Number(hour12, 2),
            "HH24" => Number(dt.Hour, 2),
            "MI" => Number(dt.Minute, 2),
            "SS" => Number(dt.Second, 2),
            "MS" => Number(fraction / 1000, 3),
            "US" => Number(fraction, 6),
            "AM" or "PM" => pm ? "PM" : "AM",
            "am" or "pm" => pm ? "pm" : "am",
            "A.M." or "P.M." => pm ? "P.M." : "A.M.",
            "a.m." or "p.m." => pm ? "p.m." : "a.m.",
            "Q" => Number(((dt.Month - 1) / 3) + 1, 1),
            "CC" => Number(((dt.Year - 1) / 100) + 1, 2),
            "IW" => Number(ISOWeek.GetWeekOfYear(dt), 2),
            "WW" => Number(((dt.DayOfYear - 1) / 7) + 1, 2),
            _ => Number((long)Math.Floor(micros / (double)PgDateTime.MicrosPerDay) + 2451545, 1),
        };
    }
}
