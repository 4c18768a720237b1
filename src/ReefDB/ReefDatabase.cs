using ReefDB.Replication;
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
/// <para>An in-memory database (<see cref="OpenInMemory"/>) applies at once; a durable one (<see cref="Open"/>)
/// answers a write once its log entry is durable and applied. Disposing closes the files; nothing acknowledged is
/// lost.</para>
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

    /// <summary>
    /// Opens the durable database in <paramref name="directory"/>, creating it when it does not exist. It is a
    /// one-voter Raft group: every write is an entry of its log, acknowledged once durable (per
    /// <see cref="ReefDatabaseOptions.Fsync"/>) and applied; concurrent writers share one fsync. Opening recovers the
    /// newest snapshot and replays the log after it, so every acknowledged write is visible when this returns.
    /// </summary>
    /// <exception cref="Raft.Storage.RaftStorageCorruptionException">The directory is damaged; the message names
    /// the file and offset. The database refuses to open rather than guess.</exception>
    /// <exception cref="IOException">Another process has the database open.</exception>
    /// <exception cref="InvalidOperationException">The directory belongs to a cluster node, not an embedded
    /// database.</exception>
    public static ReefDatabase Open(string directory, ReefDatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new ReefDatabaseOptions();
        var replica = RaftReplica.Open(
            new RaftReplicaOptions
            {
                NodeId = ReplicatedCommandLog.NodeId,
                ClusterId = ReplicatedCommandLog.ClusterId,
                RaftDirectory = directory,
                InitialVoters = [ReplicatedCommandLog.NodeId],
                Fsync = options.Fsync,
                SnapshotEntries = options.SnapshotEntries,
                SnapshotLogBytes = options.SnapshotLogBytes,
                SegmentBytes = options.SegmentBytes,
                ProposalTimeout = options.WriteTimeout,
                LoggerFactory = options.LoggerFactory,
            },
            NoPeers.Instance);
        try
        {
            // The lone voter elects itself and commits a no-op after everything in its log; the read index waits for
            // that, so every write acknowledged before a crash is applied before the first read.
            replica.WaitForLeaderAsync().GetAwaiter().GetResult();
            replica.ReadIndexAsync().GetAwaiter().GetResult();
        }
        catch
        {
            replica.Dispose();
            throw;
        }

        return new ReefDatabase(new ReplicatedCommandLog(replica, TimeProvider.System));
    }

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

    /// <summary>
    /// <see cref="Execute(string, object?[])"/>, stoppable: a read-only call whose token is cancelled while it runs ends
    /// with SQLSTATE 57014 (query_canceled) within about a thousand rows. A write is stopped only before it starts:
    /// once in the log it runs to its end, as its replay after a crash would.
    /// </summary>
    /// <exception cref="SqlException">A statement failed or was cancelled; nothing of the call took effect.</exception>
    public IReadOnlyList<StatementResult> Execute(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        Prepare(sql).Execute(cancellationToken, parameters);

    /// <summary>Parses and checks <paramref name="sql"/> once, for execution many times.</summary>
    /// <exception cref="SqlException">A syntax error.</exception>
    public ReefPreparedStatement Prepare(string sql)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new ReefPreparedStatement(this, sql, log.StateMachine.Engine.Prepare(sql));
    }

    internal IReadOnlyList<StatementResult> Run(string sql, PreparedBatch batch, SqlValue[] parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (parameters.Length < batch.ParameterCount)
        {
            throw new SqlException(SqlStates.UndefinedParameter, $"there is no parameter ${parameters.Length + 1}");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            throw new SqlException(SqlStates.QueryCanceled, "canceling statement: it was cancelled before it started");
        }

        IReadOnlyList<StatementResult> results;
        if (batch.IsReadOnly)
        {
            var outcome = log.StateMachine.Engine.Execute(
                log.StateMachine.Current.Database, batch, parameters, log.ReadEnvironment(), cancellationToken);
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
