using ReefDB.Sql;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;
using ReefDB.StateMachine;

namespace ReefDB;

/// <summary>
/// An embedded ReefDB database: execute SQL with parameters, prepare statements, read concurrently.
/// </summary>
/// <remarks>
/// <para>Every change goes through the replicated state machine as a <c>CommandBatch</c>, applied at the next
/// log index, exactly as a cluster node applies it (DESIGN.md §1); read-only statements run against the
/// latest published version and never enter the log.</para>
/// <para>Thread-safety: any number of threads may call <see cref="Execute(string, object?[])"/> and
/// prepared statements at once. Writes are applied one at a time; reads never wait for them and see the
/// last version published before they started.</para>
/// <para>A call with several statements is one transaction, as in PostgreSQL's simple query protocol: if
/// one fails, none take effect, and the error is thrown as a <see cref="SqlException"/>.</para>
/// </remarks>
public sealed class ReefDatabase : IDisposable
{
    private readonly ICommandLog log;
    private bool disposed;

    private ReefDatabase(ICommandLog log) => this.log = log;

    /// <summary>Opens a new, empty database held in memory only.</summary>
    public static ReefDatabase OpenInMemory() => new(new InMemoryCommandLog(new ReefStateMachine(), TimeProvider.System));

    /// <summary>The latest published database version (for tools and tests).</summary>
    public DatabaseVersion CurrentVersion => log.StateMachine.Current.Database;

    /// <summary>
    /// Executes one or more statements separated by <c>;</c>, with parameters <c>$1</c>, <c>$2</c>, … taken
    /// from <paramref name="parameters"/> (CLR values: integers, floating point, decimal, string, bool,
    /// DateTime, DateOnly, byte[], Guid, <see cref="SqlValue"/>, or null).
    /// </summary>
    /// <returns>One result per statement.</returns>
    /// <exception cref="SqlException">A statement failed; nothing of the call took effect.</exception>
    public IReadOnlyList<StatementResult> Execute(string sql, params object?[] parameters) =>
        Prepare(sql).Execute(parameters);

    /// <summary>Parses and checks <paramref name="sql"/> once, for execution many times.</summary>
    /// <exception cref="SqlException">A syntax error.</exception>
    public ReefPreparedStatement Prepare(string sql)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new ReefPreparedStatement(this, sql, log.StateMachine.Engine.Prepare(sql));
    }

    internal IReadOnlyList<StatementResult> Run(string sql, PreparedBatch batch, SqlValue[] parameters)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (parameters.Length < batch.ParameterCount)
        {
            throw new SqlException(SqlStates.UndefinedParameter, $"there is no parameter ${parameters.Length + 1}");
        }

        IReadOnlyList<StatementResult> results;
        if (batch.IsReadOnly)
        {
            var outcome = log.StateMachine.Engine.Execute(log.StateMachine.Current.Database, batch, parameters, log.ReadEnvironment());
            results = outcome.Results;
        }
        else
        {
            results = log.Write(sql, parameters);
        }

        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                throw error;
            }
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            log.Dispose();
        }
    }
}
