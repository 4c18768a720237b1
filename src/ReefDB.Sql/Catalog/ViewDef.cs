using System.Collections.Immutable;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// A view, kept as the text of its CREATE VIEW statement (its query is bound again whenever the view is
/// used, so that it sees the catalog of the moment) and the output column names fixed when it was created.
/// </summary>
internal sealed record ViewDef(string Name, string QueryText, ImmutableArray<string> ColumnNames);
