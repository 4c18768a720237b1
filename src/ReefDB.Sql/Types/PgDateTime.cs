using System.Globalization;

namespace ReefDB.Sql.Types;

/// <summary>
/// Conversions between ReefDB's date/timestamp encodings (PostgreSQL's: days and microseconds since
/// 2000-01-01) and .NET types, and their PostgreSQL text forms. Supported range: years 1 to 9999 (the
/// range of <see cref="DateTime"/>); PostgreSQL goes further, ReefDB reports 22008 beyond it.
/// </summary>
internal static class PgDateTime
{
    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerDay = 86_400 * MicrosPerSecond;

    private static readonly int EpochDayNumber = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long EpochTicks = new DateTime(2000, 1, 1).Ticks;

    public static int MinDays { get; } = DateOnly.MinValue.DayNumber - EpochDayNumber;
    public static int MaxDays { get; } = DateOnly.MaxValue.DayNumber - EpochDayNumber;
    public static long MinMicros { get; } = (DateTime.MinValue.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond;
    public static long MaxMicros { get; } = (DateTime.MaxValue.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(days + EpochDayNumber);

    public static long ToMicros(DateTime timestamp) => (timestamp.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime FromMicros(long micros) => new(EpochTicks + (micros * TimeSpan.TicksPerMicrosecond), DateTimeKind.Unspecified);

    public static bool DaysInRange(long days) => days >= MinDays && days <= MaxDays;

    public static bool MicrosInRange(long micros) => micros >= MinMicros && micros <= MaxMicros;

    /// <summary><c>2024-01-31</c>.</summary>
    public static string FormatDate(int days) =>
        FromDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>2024-01-31 12:00:00</c>, with <c>.ffffff</c> trimmed of trailing zeros when non-zero.</summary>
    public static string FormatTimestamp(long micros)
    {
        var dt = FromMicros(micros);
        var text = dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = (int)(dt.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        if (fraction == 0)
        {
            return text;
        }
        var digits = fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return text + "." + digits;
    }
}
