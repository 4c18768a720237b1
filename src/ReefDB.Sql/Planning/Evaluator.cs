using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

/// <summary>A compiled expression: computes a value from the current row.</summary>
internal delegate SqlValue Evaluator(SqlValue[] row, ExecContext context);
