using System.Collections.Immutable;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// A foreign key from <see cref="Columns"/> of the owning table to <see cref="ReferencedColumns"/> of
/// <see cref="ReferencedTable"/>, which must be covered by a unique index or the primary key there.
/// A referencing row with a NULL in any key column is not checked (MATCH SIMPLE).
/// </summary>
internal sealed record ForeignKeyDef(
    string Name,
    ImmutableArray<int> Columns,
    string ReferencedTable,
    ImmutableArray<int> ReferencedColumns,
    ReferentialAction OnDelete);
