using System.Collections.Immutable;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// A secondary index (or the primary key's uniqueness index). Its stored entries are the key parts
/// followed by the row's storage key, so every entry is distinct even when the index is not unique.
/// A unique index rejects two rows whose key parts are all non-NULL and equal (NULLs are distinct,
/// as in PostgreSQL). A GIN index (<see cref="IndexMethod.Gin"/>) has one tsvector key part and stores
/// one entry per lexeme instead (see <c>Execution.GinEntries</c>).
/// </summary>
internal sealed record IndexDef(
    string Name,
    string Table,
    ImmutableArray<IndexKeyPart> Keys,
    bool Unique,
    bool IsPrimaryKey,
    IndexMethod Method = IndexMethod.BTree)
{
    /// <summary>True for a GIN (inverted) index over a tsvector.</summary>
    public bool IsGin => Method == IndexMethod.Gin;

    /// <summary>True when every key part is a plain column.</summary>
    public bool IsColumnIndex => Keys.All(k => k.IsColumn);

    /// <summary>Whether the index covers column <paramref name="ordinal"/> as a plain key part.</summary>
    public bool UsesColumn(int ordinal) => Keys.Any(k => k.IsColumn && k.Column == ordinal);
}
