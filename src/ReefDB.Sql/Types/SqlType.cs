using System.Globalization;

namespace ReefDB.Sql.Types;

/// <summary>
/// An immutable SQL type descriptor: a <see cref="SqlTypeKind"/> plus its modifiers (length of
/// varchar/char, precision and scale of numeric). Compare with <see cref="Equals(SqlType?)"/>; the shared
/// instances (<see cref="Integer"/>, <see cref="Text"/>, …) are a convenience, not an identity.
/// </summary>
public sealed partial class SqlType : IEquatable<SqlType>
{
    private SqlType(SqlTypeKind kind, int? length = null, int? precision = null, int? scale = null)
    {
        Kind = kind;
        Length = length;
        Precision = precision;
        Scale = scale;
    }

    /// <summary>The type family.</summary>
    public SqlTypeKind Kind { get; }

    /// <summary>Maximum (varchar) or exact (char) length in characters; null when unlimited.</summary>
    public int? Length { get; }

    /// <summary>Numeric precision (total significant digits); null when unconstrained.</summary>
    public int? Precision { get; }

    /// <summary>Numeric scale (digits after the point); null when unconstrained.</summary>
    public int? Scale { get; }

    /// <summary>The type of NULL and of string literals before context gives them a type.</summary>
    public static SqlType Unknown { get; } = new(SqlTypeKind.Unknown);
    /// <summary><c>boolean</c>.</summary>
    public static SqlType Boolean { get; } = new(SqlTypeKind.Boolean);
    /// <summary><c>smallint</c>.</summary>
    public static SqlType SmallInt { get; } = new(SqlTypeKind.Int16);
    /// <summary><c>integer</c>.</summary>
    public static SqlType Integer { get; } = new(SqlTypeKind.Int32);
    /// <summary><c>bigint</c>.</summary>
    public static SqlType BigInt { get; } = new(SqlTypeKind.Int64);
    /// <summary><c>real</c>.</summary>
    public static SqlType Real { get; } = new(SqlTypeKind.Float32);
    /// <summary><c>double precision</c>.</summary>
    public static SqlType Double { get; } = new(SqlTypeKind.Float64);
    /// <summary><c>numeric</c> without precision or scale.</summary>
    public static SqlType Numeric { get; } = new(SqlTypeKind.Numeric);
    /// <summary><c>text</c>.</summary>
    public static SqlType Text { get; } = new(SqlTypeKind.Text);
    /// <summary><c>character varying</c> without a length limit.</summary>
    public static SqlType VarCharUnbounded { get; } = new(SqlTypeKind.VarChar);
    /// <summary><c>date</c>.</summary>
    public static SqlType Date { get; } = new(SqlTypeKind.Date);
    /// <summary><c>timestamp without time zone</c>.</summary>
    public static SqlType Timestamp { get; } = new(SqlTypeKind.Timestamp);
    /// <summary><c>interval</c> (reserved).</summary>
    public static SqlType Interval { get; } = new(SqlTypeKind.Interval);
    /// <summary><c>bytea</c>.</summary>
    public static SqlType Bytea { get; } = new(SqlTypeKind.Bytea);
    /// <summary><c>uuid</c>.</summary>
    public static SqlType Uuid { get; } = new(SqlTypeKind.Uuid);
    /// <summary><c>tsvector</c>.</summary>
    public static SqlType TsVector { get; } = new(SqlTypeKind.TsVector);
    /// <summary><c>tsquery</c>.</summary>
    public static SqlType TsQuery { get; } = new(SqlTypeKind.TsQuery);

    /// <summary><c>character varying(length)</c>; length must be 1..10485760 (PostgreSQL's limit).</summary>
    public static SqlType VarChar(int length) => new(SqlTypeKind.VarChar, CheckLength(length, "varchar"));

    /// <summary><c>character(length)</c>; length must be 1..10485760.</summary>
    public static SqlType Char(int length) => new(SqlTypeKind.Char, CheckLength(length, "char"));

    /// <summary><c>numeric(precision, scale)</c> with PostgreSQL's bounds (precision 1..1000, scale -1000..1000).</summary>
    public static SqlType NumericOf(int precision, int scale = 0)
    {
        if (precision is < 1 or > 1000)
        {
            throw new Errors.SqlException(Errors.SqlStates.InvalidParameterValue,
                string.Create(CultureInfo.InvariantCulture, $"NUMERIC precision {precision} must be between 1 and 1000"));
        }
        if (scale is < -1000 or > 1000)
        {
            throw new Errors.SqlException(Errors.SqlStates.InvalidParameterValue,
                string.Create(CultureInfo.InvariantCulture, $"NUMERIC scale {scale} must be between -1000 and 1000"));
        }
        return new SqlType(SqlTypeKind.Numeric, precision: precision, scale: scale);
    }

    /// <summary>The instance for a kind without modifiers (char gets length 1, as in PostgreSQL).</summary>
    public static SqlType Of(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.Unknown => Unknown,
        SqlTypeKind.Boolean => Boolean,
        SqlTypeKind.Int16 => SmallInt,
        SqlTypeKind.Int32 => Integer,
        SqlTypeKind.Int64 => BigInt,
        SqlTypeKind.Float32 => Real,
        SqlTypeKind.Float64 => Double,
        SqlTypeKind.Numeric => Numeric,
        SqlTypeKind.Text => Text,
        SqlTypeKind.VarChar => VarCharUnbounded,
        SqlTypeKind.Char => Char(1),
        SqlTypeKind.Date => Date,
        SqlTypeKind.Timestamp => Timestamp,
        SqlTypeKind.Interval => Interval,
        SqlTypeKind.Bytea => Bytea,
        SqlTypeKind.Uuid => Uuid,
        SqlTypeKind.TsVector => TsVector,
        SqlTypeKind.TsQuery => TsQuery,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>True for smallint, integer and bigint.</summary>
    public bool IsInteger => Kind is SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64;

    /// <summary>True for real and double precision.</summary>
    public bool IsFloat => Kind is SqlTypeKind.Float32 or SqlTypeKind.Float64;

    /// <summary>True for the integer, float and numeric types.</summary>
    public bool IsNumeric => IsInteger || IsFloat || Kind == SqlTypeKind.Numeric;

    /// <summary>True for text, varchar and char.</summary>
    public bool IsString => Kind is SqlTypeKind.Text or SqlTypeKind.VarChar or SqlTypeKind.Char;

    /// <summary>The same type without modifiers: the type of an expression computed from a column of this type.</summary>
    public SqlType WithoutModifiers => Kind switch
    {
        SqlTypeKind.VarChar when Length is not null => VarCharUnbounded,
        SqlTypeKind.Numeric when Precision is not null => Numeric,
        _ => this,
    };

    /// <summary>How values of this type are stored in a <see cref="SqlValue"/>.</summary>
    public SqlValueKind ValueKind => Kind switch
    {
        SqlTypeKind.Unknown => SqlValueKind.Text,
        SqlTypeKind.Boolean => SqlValueKind.Boolean,
        SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64 => SqlValueKind.Int64,
        SqlTypeKind.Float32 => SqlValueKind.Float32,
        SqlTypeKind.Float64 => SqlValueKind.Float64,
        SqlTypeKind.Numeric => SqlValueKind.Numeric,
        SqlTypeKind.Text or SqlTypeKind.VarChar or SqlTypeKind.Char => SqlValueKind.Text,
        SqlTypeKind.Date => SqlValueKind.Date,
        SqlTypeKind.Timestamp => SqlValueKind.Timestamp,
        SqlTypeKind.Bytea => SqlValueKind.Bytea,
        SqlTypeKind.Uuid => SqlValueKind.Uuid,
        SqlTypeKind.TsVector => SqlValueKind.TsVector,
        SqlTypeKind.TsQuery => SqlValueKind.TsQuery,
        _ => SqlValueKind.Null,
    };

    /// <inheritdoc/>
    public bool Equals(SqlType? other) =>
        other is not null && Kind == other.Kind && Length == other.Length
        && Precision == other.Precision && Scale == other.Scale;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SqlType);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Length, Precision, Scale);

    /// <summary>Value equality.</summary>
    public static bool operator ==(SqlType? left, SqlType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(SqlType? left, SqlType? right) => !(left == right);

    /// <summary>The PostgreSQL name, as <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    private static int CheckLength(int length, string typeName)
    {
        if (length < 1)
        {
            throw new Errors.SqlException(Errors.SqlStates.InvalidParameterValue,
                $"length for type {typeName} must be at least 1");
        }
        if (length > MaxLength)
        {
            throw new Errors.SqlException(Errors.SqlStates.InvalidParameterValue,
                string.Create(CultureInfo.InvariantCulture, $"length for type {typeName} cannot exceed {MaxLength}"));
        }
        return length;
    }

    /// <summary>PostgreSQL's limit on a varchar/char length modifier.</summary>
    public const int MaxLength = 10485760;
}
