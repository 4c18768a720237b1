using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// A plan over one work-table row at a time, as one call: the output row, or null when the row is
/// filtered out. Only plans that map each input row to at most one output row, in input order and with
/// the same evaluations in the same order as their enumerators, have one (see
/// <see cref="PlanNode.RowMapOver"/>), so a recursive CTE may run either form with the same results.
/// </summary>
internal delegate SqlValue[]? RowMap(SqlValue[] row, ExecContext ctx);
