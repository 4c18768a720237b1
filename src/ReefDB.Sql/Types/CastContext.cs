namespace ReefDB.Sql.Types;

/// <summary>
/// Where a conversion happens, which decides what PostgreSQL allows (pg_cast.castcontext): implicit casts
/// happen anywhere, assignment casts also when storing into a column (INSERT/UPDATE), explicit casts only
/// under CAST or <c>::</c>. Each context allows everything the previous one does.
/// </summary>
public enum CastContext : byte
{
    /// <summary>In an expression: only widening conversions (integer to bigint to numeric to double, date to timestamp, between string types).</summary>
    Implicit,
    /// <summary>Storing into a column: also narrowing numeric conversions and anything to a string type; varchar/char lengths are enforced with 22001.</summary>
    Assignment,
    /// <summary>CAST or <c>::</c>: also text input parsing and integer/boolean conversions; varchar/char values are truncated.</summary>
    Explicit,
}
