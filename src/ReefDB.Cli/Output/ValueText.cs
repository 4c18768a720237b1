using System.Globalization;

namespace ReefDB.Cli.Output;

/// <summary>
/// PostgreSQL's text output for the CLR values of <see cref="Sessions.StatementOutcome"/> rows:
/// what psql shows and what csv prints. Deterministic (invariant culture, shortest round-trip floats).
/// </summary>
internal static class ValueText
{
    /// <summary>The text of a non-null value; null gives <paramref name="nullText"/>.</summary>
    public static string Format(object? value, string nullText = "") => value switch
    {
        null => nullText,
        string s => s,
        bool b => b ? "t" : "f",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d.ToString("R", CultureInfo.InvariantCulture)),
        float f => FormatFloat(f.ToString("R", CultureInfo.InvariantCulture)),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>True for values psql right-aligns.</summary>
    public static bool IsNumeric(object? value) => value is long or int or double or float or decimal;

    // .NET's shortest round-trip form equals PostgreSQL's (extra_float_digits = 1, the default since
    // PostgreSQL 12) except for the exponent letter: 1E+20 versus 1e+20.
    private static string FormatFloat(string text) => text.Replace('E', 'e');
}
