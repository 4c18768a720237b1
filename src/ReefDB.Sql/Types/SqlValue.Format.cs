using System.Globalization;

namespace ReefDB.Sql.Types;

public readonly partial struct SqlValue
{
    /// <summary>
    /// PostgreSQL's text output of the value, or null for SQL NULL: booleans <c>t</c>/<c>f</c>; floats as
    /// PostgreSQL 12+ (<c>0.1</c>, <c>1e+20</c>, <c>Infinity</c>, <c>NaN</c>, <c>-0</c>); numerics with their
    /// scale (<c>1.50</c>); <c>2024-01-31</c>; <c>2024-01-31 12:00:00.5</c>; bytea as <c>\x0102</c>; lowercase uuid.
    /// </summary>
    public string? FormatText() => tag switch
    {
        SqlValueKind.Null => null,
        SqlValueKind.Boolean => primitiveSlot != 0 ? "t" : "f",
        SqlValueKind.Int64 => primitiveSlot.ToString(CultureInfo.InvariantCulture),
        SqlValueKind.Float32 => PgFloatFormat.FormatReal((float)AsDouble),
        SqlValueKind.Float64 => PgFloatFormat.FormatDouble(AsDouble),
        SqlValueKind.Numeric => ((decimal)objectSlot!).ToString(CultureInfo.InvariantCulture),
        SqlValueKind.Text => (string)objectSlot!,
        SqlValueKind.Date => PgDateTime.FormatDate((int)primitiveSlot),
        SqlValueKind.Timestamp => PgDateTime.FormatTimestamp(primitiveSlot),
        SqlValueKind.Bytea => FormatBytea((byte[])objectSlot!),
        SqlValueKind.Uuid => ((Guid)objectSlot!).ToString("D", CultureInfo.InvariantCulture),
        _ => Convert.ToString(objectSlot, CultureInfo.InvariantCulture),
    };

    /// <summary>The text output, or <c>NULL</c> for SQL NULL (for diagnostics and test messages).</summary>
    public override string ToString() => FormatText() ?? "NULL";

    private static string FormatBytea(byte[] bytes) => "\\x" + Convert.ToHexStringLower(bytes);
}
