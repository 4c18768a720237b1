using System.Runtime.InteropServices;

namespace ReefDB.Sql.Types;

/// <summary>
/// One SQL value: a kind tag, an 8-byte primitive slot (bool, long, double bits, date days, timestamp
/// microseconds) and an object slot (string, boxed decimal, byte[], boxed Guid, full-text payloads).
/// 24 bytes, no allocation for the primitive kinds. <c>default(SqlValue)</c> is SQL NULL.
/// </summary>
/// <remarks>
/// Values do not know their declared <see cref="SqlType"/> beyond <see cref="Kind"/>: an integer is an
/// <see cref="SqlValueKind.Int64"/> whether the column is smallint or bigint, so overflow checks and output
/// type names come from the plan's types. Accessors do not convert: calling <see cref="AsInt64"/> on a text
/// value throws <see cref="InvalidOperationException"/> (a bug in the caller, not a user error); use
/// <c>SqlCasts</c> to convert. Byte arrays handed to <see cref="FromBytea"/> must not be mutated later.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly partial struct SqlValue
{
    private readonly object? objectSlot;
    private readonly long primitiveSlot;
    private readonly SqlValueKind tag;

    private SqlValue(SqlValueKind kind, long bits, object? obj)
    {
        tag = kind;
        primitiveSlot = bits;
        objectSlot = obj;
    }

    /// <summary>SQL NULL (same as <c>default</c>).</summary>
    public static SqlValue Null => default;

    /// <summary>Boolean true.</summary>
    public static SqlValue True { get; } = new(SqlValueKind.Boolean, 1, null);

    /// <summary>Boolean false.</summary>
    public static SqlValue False { get; } = new(SqlValueKind.Boolean, 0, null);

    /// <summary>How the value is stored.</summary>
    public SqlValueKind Kind => tag;

    /// <summary>True for SQL NULL.</summary>
    public bool IsNull => tag == SqlValueKind.Null;

    /// <summary>True for integer, real, double and numeric values.</summary>
    public bool IsNumber => tag is SqlValueKind.Int64 or SqlValueKind.Float32 or SqlValueKind.Float64 or SqlValueKind.Numeric;

    /// <summary>A boolean value.</summary>
    public static SqlValue FromBoolean(bool value) => value ? True : False;

    /// <summary>A boolean, or NULL when <paramref name="value"/> is null (three-valued logic results).</summary>
    public static SqlValue FromBoolean(bool? value) => value is { } b ? FromBoolean(b) : default;

    /// <summary>An integer value (smallint, integer or bigint: range checks are the caller's, by declared type).</summary>
    public static SqlValue FromInt64(long value) => new(SqlValueKind.Int64, value, null);

    /// <summary>A double precision value.</summary>
    public static SqlValue FromDouble(double value) => new(SqlValueKind.Float64, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A real value.</summary>
    public static SqlValue FromReal(float value) => new(SqlValueKind.Float32, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A numeric value; the decimal's scale is kept as the display scale (<c>1.50</c> prints as such).</summary>
    public static SqlValue FromNumeric(decimal value) => new(SqlValueKind.Numeric, 0, value);

    /// <summary>A text value (also varchar, char and unknown literals).</summary>
    public static SqlValue FromText(string value) => new(SqlValueKind.Text, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A date as days since 2000-01-01.</summary>
    public static SqlValue FromDateDays(int daysSince2000) => new(SqlValueKind.Date, daysSince2000, null);

    /// <summary>A date.</summary>
    public static SqlValue FromDate(DateOnly date) => FromDateDays(PgDateTime.ToDays(date));

    /// <summary>A timestamp as microseconds since 2000-01-01 00:00:00.</summary>
    public static SqlValue FromTimestampMicros(long microsSince2000) => new(SqlValueKind.Timestamp, microsSince2000, null);

    /// <summary>A timestamp; ticks below a microsecond are truncated, the DateTime's Kind is ignored.</summary>
    public static SqlValue FromTimestamp(DateTime timestamp) => FromTimestampMicros(PgDateTime.ToMicros(timestamp));

    /// <summary>A bytea value; the array is owned by the value from now on and must not be mutated.</summary>
    public static SqlValue FromBytea(byte[] value) => new(SqlValueKind.Bytea, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A uuid value.</summary>
    public static SqlValue FromUuid(Guid value) => new(SqlValueKind.Uuid, 0, value);

    /// <summary>A tsvector with a payload from ReefDB.FullText (compared through <see cref="IComparable"/> if it implements it).</summary>
    public static SqlValue FromTsVector(object payload) => new(SqlValueKind.TsVector, 0, payload ?? throw new ArgumentNullException(nameof(payload)));

    /// <summary>A tsquery with a payload from ReefDB.FullText.</summary>
    public static SqlValue FromTsQuery(object payload) => new(SqlValueKind.TsQuery, 0, payload ?? throw new ArgumentNullException(nameof(payload)));

    /// <summary>
    /// True when both hold the same representation: same kind, same bits, the same object. Stricter than
    /// <see cref="Equals(SqlValue)"/> (1 and 1.0 are equal, not identical); lets a conversion that changed
    /// nothing skip copying its row.
    /// </summary>
    internal bool IsIdenticalTo(SqlValue other) =>
        tag == other.tag && primitiveSlot == other.primitiveSlot && ReferenceEquals(objectSlot, other.objectSlot);

    /// <summary>The boolean of a <see cref="SqlValueKind.Boolean"/> value.</summary>
    public bool AsBoolean => tag == SqlValueKind.Boolean ? primitiveSlot != 0 : throw WrongKind(SqlValueKind.Boolean);

    /// <summary>The integer of an <see cref="SqlValueKind.Int64"/> value.</summary>
    public long AsInt64 => tag == SqlValueKind.Int64 ? primitiveSlot : throw WrongKind(SqlValueKind.Int64);

    /// <summary>The double of a <see cref="SqlValueKind.Float64"/> or <see cref="SqlValueKind.Float32"/> value.</summary>
    public double AsDouble => tag is SqlValueKind.Float64 or SqlValueKind.Float32
        ? BitConverter.Int64BitsToDouble(primitiveSlot)
        : throw WrongKind(SqlValueKind.Float64);

    /// <summary>The decimal of a <see cref="SqlValueKind.Numeric"/> value.</summary>
    public decimal AsNumeric => tag == SqlValueKind.Numeric ? (decimal)objectSlot! : throw WrongKind(SqlValueKind.Numeric);

    /// <summary>The string of a <see cref="SqlValueKind.Text"/> value.</summary>
    public string AsText => tag == SqlValueKind.Text ? (string)objectSlot! : throw WrongKind(SqlValueKind.Text);

    /// <summary>Days since 2000-01-01 of a <see cref="SqlValueKind.Date"/> value.</summary>
    public int AsDateDays => tag == SqlValueKind.Date ? (int)primitiveSlot : throw WrongKind(SqlValueKind.Date);

    /// <summary>The date of a <see cref="SqlValueKind.Date"/> value.</summary>
    public DateOnly AsDate => PgDateTime.FromDays(AsDateDays);

    /// <summary>Microseconds since 2000-01-01 of a <see cref="SqlValueKind.Timestamp"/> value.</summary>
    public long AsTimestampMicros => tag == SqlValueKind.Timestamp ? primitiveSlot : throw WrongKind(SqlValueKind.Timestamp);

    /// <summary>The timestamp of a <see cref="SqlValueKind.Timestamp"/> value (Kind unspecified).</summary>
    public DateTime AsTimestamp => PgDateTime.FromMicros(AsTimestampMicros);

    /// <summary>The bytes of a <see cref="SqlValueKind.Bytea"/> value; read-only by contract.</summary>
    public byte[] AsBytes => tag == SqlValueKind.Bytea ? (byte[])objectSlot! : throw WrongKind(SqlValueKind.Bytea);

    /// <summary>The Guid of a <see cref="SqlValueKind.Uuid"/> value.</summary>
    public Guid AsUuid => tag == SqlValueKind.Uuid ? (Guid)objectSlot! : throw WrongKind(SqlValueKind.Uuid);

    /// <summary>The payload of a tsvector or tsquery value.</summary>
    public object AsPayload => tag is SqlValueKind.TsVector or SqlValueKind.TsQuery ? objectSlot! : throw WrongKind(SqlValueKind.TsVector);

    /// <summary>
    /// Any number as a double (integers and numerics converted, possibly rounding), as PostgreSQL does when it
    /// casts to float8.
    /// </summary>
    public double ToDouble() => tag switch
    {
        SqlValueKind.Int64 => primitiveSlot,
        SqlValueKind.Float32 or SqlValueKind.Float64 => BitConverter.Int64BitsToDouble(primitiveSlot),
        SqlValueKind.Numeric => (double)(decimal)objectSlot!,
        _ => throw WrongKind(SqlValueKind.Float64),
    };

    private InvalidOperationException WrongKind(SqlValueKind wanted) =>
        new($"SqlValue of kind {tag} read as {wanted}");
}
