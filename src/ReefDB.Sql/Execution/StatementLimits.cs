namespace ReefDB.Sql.Execution;

/// <summary>What one read may use before it is stopped (<see cref="ExecContext.Examine"/>,
/// <see cref="ExecContext.CountResultRow"/>). A replicated write gets no limits: when it would stop could differ
/// between replicas.</summary>
/// <param name="MaxResultBytes">The estimated size of the rows the statement returns; past it 54000. Set by a server
/// for its reads; <see cref="long.MaxValue"/> (no limit, nothing estimated) otherwise.</param>
/// <param name="Cancellation">Stops a read whose caller gave up or whose time ran out (57014).</param>
internal readonly record struct StatementLimits(long MaxResultBytes, CancellationToken Cancellation);
