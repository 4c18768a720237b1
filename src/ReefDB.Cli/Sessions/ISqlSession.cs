namespace ReefDB.Cli.Sessions;

/// <summary>
/// The narrow view of a database that every <c>reefdb</c> subcommand needs: run SQL text, get one
/// outcome per statement. The CLI owns this interface so that it can be built and tested before,
/// and independently of, the engine behind it (<see cref="ISqlSessionFactory"/> picks the
/// implementation).
/// </summary>
/// <remarks>
/// Contract: <see cref="Execute"/> yields outcomes lazily, one per statement in text order, each
/// as soon as its statement has completed, so callers can print it before the next one runs.
/// After an outcome with an <see cref="StatementOutcome.Error"/> the sequence ends. Implementations
/// never throw for anything the SQL text or the data did; they report it as an error outcome
/// (a bug inside the engine becomes SQLSTATE XX000). A session is used by one thread at a time.
/// </remarks>
internal interface ISqlSession : IDisposable
{
    /// <summary>Runs the statements of <paramref name="sql"/> in order.</summary>
    /// <param name="sql">One or more statements separated by <c>;</c>.</param>
    /// <param name="cancellationToken">Asks a long statement to stop where the engine allows it;
    /// the engine is synchronous, so this is best effort (the logictest timeout relies on it only
    /// to free the CPU, never for correctness).</param>
    IEnumerable<StatementOutcome> Execute(string sql, CancellationToken cancellationToken = default);
}
