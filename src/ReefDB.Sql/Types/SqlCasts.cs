namespace ReefDB.Sql.Types;

/// <summary>
/// PostgreSQL's casts between ReefDB's types: which conversions each <see cref="CastContext"/> allows
/// (<see cref="CastLevel"/>), and the conversion itself (<see cref="Cast(SqlValue, SqlType, SqlType, CastContext)"/>) with PostgreSQL's rounding,
/// range checks, text input and output, and varchar/char length rules.
/// </summary>
/// <remarks>
/// The planner decides casts from types (<see cref="CanCast"/>) and reports 42846/42804 itself; at run time
/// <see cref="Cast(SqlValue, SqlType, SqlType, CastContext)"/> only raises data errors (22xxx) for values that do not convert.
/// </remarks>
internal static partial class SqlCasts
{
    /// <summary>
    /// The least context in which <paramref name="from"/> converts to <paramref name="to"/>, or null when no
    /// cast exists (PostgreSQL: "cannot cast type X to Y").
    /// </summary>
    public static CastContext? CastLevel(SqlType from, SqlType to)
    {
        if (from.Kind == to.Kind || from.Kind == SqlTypeKind.Unknown)
        {
            return CastContext.Implicit;
        }
        if (from.IsNumeric && to.IsNumeric)
        {
            return NumericRank(to.Kind) > NumericRank(from.Kind) ? CastContext.Implicit : CastContext.Assignment;
        }
        if (from.IsString && to.IsString)
        {
            return CastContext.Implicit;
        }
        if (to.IsString)
        {
            // Every type has text output; PostgreSQL allows such I/O conversions on assignment.
            return to.Kind == SqlTypeKind.Interval || from.Kind == SqlTypeKind.Interval ? null : CastContext.Assignment;
        }
        if (from.IsString)
        {
            return to.Kind == SqlTypeKind.Interval ? null : CastContext.Explicit;
        }
        return (from.Kind, to.Kind) switch
        {
            (SqlTypeKind.Date, SqlTypeKind.Timestamp) => CastContext.Implicit,
            (SqlTypeKind.Timestamp, SqlTypeKind.Date) => CastContext.Assignment,
            (SqlTypeKind.Int32, SqlTypeKind.Boolean) or (SqlTypeKind.Boolean, SqlTypeKind.Int32) => CastContext.Explicit,
            _ => null,
        };
    }

    /// <summary>True when <paramref name="from"/> converts to <paramref name="to"/> in <paramref name="context"/>.</summary>
    public static bool CanCast(SqlType from, SqlType to, CastContext context) =>
        CastLevel(from, to) is { } level && level <= context;

    /// <summary>
    /// Converts a value of type <paramref name="from"/> to <paramref name="to"/>. NULL stays NULL. The
    /// context only changes varchar/char length handling (explicit truncates, otherwise 22001); the caller
    /// has checked with <see cref="CanCast"/> that the cast is allowed (otherwise 42846 is raised here).
    /// </summary>
    public static SqlValue Cast(SqlValue value, SqlType from, SqlType to, CastContext context = CastContext.Explicit)
    {
        if (value.IsNull)
        {
            return value;
        }
        if (from.Kind != to.Kind && CastLevel(from, to) is null)
        {
            throw ValueErrors.CannotCast(from, to);
        }
        return to.Kind switch
        {
            SqlTypeKind.Boolean => ToBoolean(value, from, to),
            SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64 => SqlValue.FromInt64(ToInteger(value, from, to)),
            SqlTypeKind.Float32 => ToReal(value, from, to),
            SqlTypeKind.Float64 => ToDouble(value, from, to),
            SqlTypeKind.Numeric => ToNumeric(value, from, to),
            SqlTypeKind.Text or SqlTypeKind.VarChar or SqlTypeKind.Char => ToString(value, from, to, context),
            SqlTypeKind.Date => ToDate(value, from, to),
            SqlTypeKind.Timestamp => ToTimestamp(value, from, to),
            SqlTypeKind.Bytea => value.Kind == SqlValueKind.Bytea ? value
                : SqlValue.FromBytea(TextInput.ParseBytea(TextOf(value, from, to))),
            SqlTypeKind.Uuid => value.Kind == SqlValueKind.Uuid ? value
                : SqlValue.FromUuid(TextInput.ParseUuid(TextOf(value, from, to))),
            SqlTypeKind.TsVector => value.Kind == SqlValueKind.TsVector ? value
                : SqlValue.FromTsVector(TextSearchValues.ParseVector(TextOf(value, from, to))),
            SqlTypeKind.TsQuery => value.Kind == SqlValueKind.TsQuery ? value
                : SqlValue.FromTsQuery(TextSearchValues.ParseQuery(TextOf(value, from, to))),
            SqlTypeKind.Unknown => value,
            _ => throw ValueErrors.CannotCast(from, to),
        };
    }

    /// <summary>
    /// Converts a value by its own kind (integers as bigint, strings as text): for callers without a
    /// declared source type, such as bound parameters and literals.
    /// </summary>
    public static SqlValue Cast(SqlValue value, SqlType to, CastContext context = CastContext.Explicit) =>
        Cast(value, TypeOf(value), to, context);

    /// <summary>The unmodified type a value of this kind has on its own (integers are bigint).</summary>
    public static SqlType TypeOf(SqlValue value) => value.Kind switch
    {
        SqlValueKind.Null => SqlType.Unknown,
        SqlValueKind.Boolean => SqlType.Boolean,
        SqlValueKind.Int64 => SqlType.BigInt,
        SqlValueKind.Float32 => SqlType.Real,
        SqlValueKind.Float64 => SqlType.Double,
        SqlValueKind.Numeric => SqlType.Numeric,
        SqlValueKind.Text => SqlType.Text,
        SqlValueKind.Date => SqlType.Date,
        SqlValueKind.Timestamp => SqlType.Timestamp,
        SqlValueKind.Bytea => SqlType.Bytea,
        SqlValueKind.Uuid => SqlType.Uuid,
        SqlValueKind.TsVector => SqlType.TsVector,
        _ => SqlType.TsQuery,
    };

    /// <summary>Implicit promotion order of the numeric types: smallint &lt; integer &lt; bigint &lt; numeric &lt; real &lt; double.</summary>
    public static int NumericRank(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.Int16 => 0,
        SqlTypeKind.Int32 => 1,
        SqlTypeKind.Int64 => 2,
        SqlTypeKind.Numeric => 3,
        SqlTypeKind.Float32 => 4,
        SqlTypeKind.Float64 => 5,
        _ => -1,
    };

    private static string TextOf(SqlValue value, SqlType from, SqlType to) =>
        value.Kind == SqlValueKind.Text ? value.AsText : throw ValueErrors.CannotCast(from, to);

    private static SqlValue ToBoolean(SqlValue value, SqlType from, SqlType to) => value.Kind switch
    {
        SqlValueKind.Boolean => value,
        SqlValueKind.Int64 => SqlValue.FromBoolean(value.AsInt64 != 0),
        SqlValueKind.Text => SqlValue.FromBoolean(TextInput.ParseBoolean(value.AsText)),
        _ => throw ValueErrors.CannotCast(from, to),
    };

    private static SqlValue ToDate(SqlValue value, SqlType from, SqlType to) => value.Kind switch
    {
        SqlValueKind.Date => value,
        SqlValueKind.Timestamp => SqlValue.FromDateDays((int)Math.Floor(value.AsTimestampMicros / (double)PgDateTime.MicrosPerDay)),
        SqlValueKind.Text => SqlValue.FromDateDays(DateTimeInput.ParseDate(value.AsText)),
        _ => throw ValueErrors.CannotCast(from, to),
    };

    private static SqlValue ToTimestamp(SqlValue value, SqlType from, SqlType to) => value.Kind switch
    {
        SqlValueKind.Timestamp => value,
        SqlValueKind.Date => SqlValue.FromTimestampMicros(value.AsDateDays * PgDateTime.MicrosPerDay),
        SqlValueKind.Text => SqlValue.FromTimestampMicros(DateTimeInput.ParseTimestamp(value.AsText)),
        _ => throw ValueErrors.CannotCast(from, to),
    };
}
