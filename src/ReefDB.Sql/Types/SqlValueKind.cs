namespace ReefDB.Sql.Types;

/// <summary>
/// How a <see cref="SqlValue"/> is stored. Coarser than <see cref="SqlTypeKind"/>: every integer type is an
/// <see cref="Int64"/> value, and varchar/char values are <see cref="Text"/>; the declared
/// <see cref="SqlType"/> (known at plan time) keeps the distinction where it matters.
/// </summary>
public enum SqlValueKind : byte
{
    /// <summary>SQL NULL.</summary>
    Null,
    /// <summary>A boolean in the primitive slot.</summary>
    Boolean,
    /// <summary>A 64-bit integer in the primitive slot (smallint, integer and bigint).</summary>
    Int64,
    /// <summary>A <c>real</c>: a double in the primitive slot whose value is exactly a float.</summary>
    Float32,
    /// <summary>A <c>double precision</c> in the primitive slot.</summary>
    Float64,
    /// <summary>A boxed <see cref="decimal"/> in the object slot; its scale is the numeric's display scale.</summary>
    Numeric,
    /// <summary>A <see cref="string"/> in the object slot (text, varchar, char, and unknown literals).</summary>
    Text,
    /// <summary>Days since 2000-01-01 (PostgreSQL's epoch) in the primitive slot.</summary>
    Date,
    /// <summary>Microseconds since 2000-01-01 00:00:00 in the primitive slot.</summary>
    Timestamp,
    /// <summary>A <see cref="byte"/> array in the object slot; never mutated once wrapped.</summary>
    Bytea,
    /// <summary>A boxed <see cref="Guid"/> in the object slot.</summary>
    Uuid,
    /// <summary>A tsvector payload (type owned by ReefDB.FullText) in the object slot.</summary>
    TsVector,
    /// <summary>A tsquery payload (type owned by ReefDB.FullText) in the object slot.</summary>
    TsQuery,
}
