namespace ReefDB.Sql.Types;

/// <summary>The families of SQL types ReefDB knows; <see cref="SqlType"/> adds the modifiers.</summary>
public enum SqlTypeKind : byte
{
    /// <summary>PostgreSQL's <c>unknown</c>: a NULL or string literal whose type the context decides.</summary>
    Unknown,
    /// <summary><c>boolean</c>.</summary>
    Boolean,
    /// <summary><c>smallint</c>; stored as 64 bits, range-checked as 16.</summary>
    Int16,
    /// <summary><c>integer</c>; stored as 64 bits, range-checked as 32.</summary>
    Int32,
    /// <summary><c>bigint</c>.</summary>
    Int64,
    /// <summary><c>real</c> (IEEE single precision).</summary>
    Float32,
    /// <summary><c>double precision</c>.</summary>
    Float64,
    /// <summary><c>numeric</c>, exact, with optional precision and scale.</summary>
    Numeric,
    /// <summary><c>text</c>.</summary>
    Text,
    /// <summary><c>character varying(n)</c>; without a length it behaves as text.</summary>
    VarChar,
    /// <summary><c>character(n)</c>, blank-padded to its length.</summary>
    Char,
    /// <summary><c>date</c>.</summary>
    Date,
    /// <summary><c>timestamp without time zone</c>, microsecond resolution.</summary>
    Timestamp,
    /// <summary><c>interval</c> (reserved; not yet supported by values).</summary>
    Interval,
    /// <summary><c>bytea</c>.</summary>
    Bytea,
    /// <summary><c>uuid</c>.</summary>
    Uuid,
    /// <summary><c>tsvector</c>; the payload type comes from ReefDB.FullText.</summary>
    TsVector,
    /// <summary><c>tsquery</c>; the payload type comes from ReefDB.FullText.</summary>
    TsQuery,
}
