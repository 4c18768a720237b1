namespace ReefDB.Sql.Execution;

/// <summary>What one statement may use before it is stopped (<see cref="ExecContext.Examine"/>,
/// <see cref="ExecContext.CountResultRow"/>).</summary>
/// <param name="MaxRowsExamined">Rows read or tried as join candidates; past it 54000, alike on every replica: the
/// count depends only on the plan and the data, and the plan only on the version (<see cref="PreparedStatement"/>),
/// so a write that would run for hours (a cross join of large tables) fails everywhere the same way instead of
/// stalling every replica's apply.</param>
/// <param name="MaxResultBytes">The estimated size of the rows the statement returns; past it 54000. Set by a server
/// for its reads; <see cref="long.MaxValue"/> (no limit, nothing estimated) otherwise.</param>
/// <param name="Cancellation">Stops a read whose caller gave up or whose time ran out (57014). Never set for a
/// replicated write: when a statement stops must not depend on the clock of the replica that runs it.</param>
internal readonly record struct StatementLimits(long MaxRowsExamined, long MaxResultBytes, CancellationToken Cancellation);
