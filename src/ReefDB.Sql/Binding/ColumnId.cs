namespace ReefDB.Sql.Binding;

/// <summary>
/// Identifies a column of a range variable (a FROM item, or a derived row such as an aggregation's
/// output) within one statement: <see cref="Source"/> is unique per statement binding, so a layout can
/// map ids to row positions wherever the planner puts the column.
/// </summary>
internal readonly record struct ColumnId(int Source, int Ordinal);
