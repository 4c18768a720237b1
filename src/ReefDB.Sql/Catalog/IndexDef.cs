using System.Collections.Immutable;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// A secondary index (or the primary key's uniqueness index). Its stored entries are the key parts
/// followed by the row's storage key, so every entry is distinct even when the index is not unique.
/// A unique index rejects two rows whose key parts are all non-NULL and equal (NULLs are distinct,
/// as in PostgreSQL).
/// </summary>
internal sealed record IndexDef(
    string Name,
    string Table,
    ImmutableArray<IndexKeyPart> Keys,
    bool Unique,
    bool IsPrimaryKey)
{
    /// <summary>True when every key part is a plain column.</summary>
    public bool IsColumnIndex => Keys.All(k => k.IsColumn);

    /// <summary>Whether the index covers column <paramref name="ordinal"/> as a plain key part.</summary>
    public bool UsesColumn(int ordinal) => Keys.Any(k => k.IsColumn && k.Column == ordinal);
}
