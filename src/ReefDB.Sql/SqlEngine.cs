using ReefDB.Sql.Errors;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Functions;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql;

/// <summary>
/// The SQL engine: prepares SQL text (parse once, plan lazily and cache) and executes prepared batches
/// against an immutable <see cref="DatabaseVersion"/>, returning the next version and per-statement
/// results. Stateless between calls and thread-safe; concurrency control is the caller's (one writer
/// publishes versions, readers execute read-only batches against any version).
/// </summary>
/// <remarks>
/// <para>Batch semantics. Statements run in order and every statement gets a result. Outside a
/// transaction block each statement is atomic on its own: a failing statement changes nothing and the
/// next statement still runs (on the effects of the earlier ones). BEGIN opens a block: its statements'
/// effects become part of the outcome only at COMMIT; a failing statement inside aborts the block, and the
/// following statements fail with 25P02 until ROLLBACK (or COMMIT, which then rolls back, as PostgreSQL).
/// SAVEPOINT / ROLLBACK TO / RELEASE keep and restore versions. A batch that ends inside an open block
/// is rolled back, as PostgreSQL does when a session ends (<see cref="BatchOutcome.EndedInTransaction"/>).</para>
/// <para>Determinism (DESIGN.md §2): results and the new version depend only on the input version, the
/// batch, the parameters and the <see cref="ExecutionEnvironment"/>.</para>
/// </remarks>
public sealed class SqlEngine
{
    /// <summary>The most rows one statement may examine (read from a table, an index or a series, or tried as a join
    /// candidate) before it fails with 54000 (program_limit_exceeded). Part of the replicated semantics: every replica
    /// must run with the same value.</summary>
    public const long MaxRowsExamined = 1_000_000_000;

    private readonly long maxRowsExamined;

    /// <summary>An engine with the limits every replica applies.</summary>
    public SqlEngine()
        : this(MaxRowsExamined)
    {
    }

    /// <summary>An engine with a lower work limit, so that tests can reach it in milliseconds.</summary>
    internal SqlEngine(long maxRowsExamined) => this.maxRowsExamined = maxRowsExamined;

    /// <summary>Parses <paramref name="sql"/> (one or more statements separated by <c>;</c>). Syntax errors throw <see cref="SqlException"/>.</summary>
    public PreparedBatch Prepare(string sql) => PreparedBatch.Parse(sql);

    /// <summary>Executes a prepared batch; never throws for SQL errors (they are in the results).</summary>
    /// <remarks>Every statement may examine at most <see cref="MaxRowsExamined"/> rows; past them it fails with 54000.
    /// That count is the same on every replica: it depends on the plan and the data, and the plan only on the version
    /// (a cached plan is reused only while every statistic it was chosen by is unchanged). A clock is not, so a
    /// replicated write takes no token.</remarks>
    /// <param name="cancellationToken">Ends the running statement with 57014 (query_canceled) once cancelled,
    /// checked every thousand or so rows. For reads only: a replicated batch must not pass one, since when it fires
    /// differs between replicas.</param>
    /// <param name="maxResultBytes">The largest result one statement may build, estimated from its values (16 bytes a
    /// row, 8 a value, plus the characters of text and twice the bytes of bytea); past it the statement fails with
    /// 54000. For a server's reads, so that one query cannot take its memory.</param>
    public BatchOutcome Execute(
        DatabaseVersion version, PreparedBatch batch, IReadOnlyList<SqlValue> parameters, ExecutionEnvironment env,
        CancellationToken cancellationToken = default, long maxResultBytes = long.MaxValue)
    {
        var functions = new FunctionContext(PgDateTime.ToMicros(env.Timestamp), unchecked((ulong)env.RandomSeed))
        {
            DefaultTextSearchConfig = env.DefaultTextSearchConfig,
        };
        var results = new List<StatementResult>(batch.Statements.Count);
        var committed = version;
        var current = version;
        var inBlock = false;
        var aborted = false;
        // Made at the first SAVEPOINT: most batches have none.
        List<Savepoint>? savepoints = null;
        var settingsAtBegin = functions.SaveSettings();
        var batchTextSearchConfig = env.DefaultTextSearchConfig;
        var statements = batch.Statements;
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            var syntax = statement.Syntax;
            try
            {
                switch (syntax)
                {
                    case BeginStatement:
                        if (inBlock)
                        {
                            // PostgreSQL warns and carries on.
                            results.Add(StatementResult.Command("BEGIN"));
                            continue;
                        }

                        inBlock = true;
                        savepoints?.Clear();
                        settingsAtBegin = functions.SaveSettings();
                        results.Add(StatementResult.Command("BEGIN"));
                        continue;
                    case CommitStatement:
                        if (inBlock && !aborted)
                        {
                            committed = current;
                        }

                        current = committed;
                        EndBlock(functions, aborted ? settingsAtBegin : null);
                        results.Add(StatementResult.Command(aborted ? "ROLLBACK" : "COMMIT"));
                        inBlock = aborted = false;
                        continue;
                    case RollbackStatement:
                        current = committed;
                        EndBlock(functions, settingsAtBegin);
                        inBlock = aborted = false;
                        results.Add(StatementResult.Command("ROLLBACK"));
                        continue;
                }

                if (aborted)
                {
                    if (syntax is RollbackToSavepointStatement rts && LastSavepoint(savepoints, rts.Name) is var at and >= 0)
                    {
                        current = savepoints![at].Version;
                        functions.RestoreSettings(savepoints[at].Settings);
                        savepoints.RemoveRange(at + 1, savepoints.Count - at - 1);
                        aborted = false;
                        results.Add(StatementResult.Command("ROLLBACK"));
                        continue;
                    }

                    throw new SqlException(SqlStates.InFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
                }

                switch (syntax)
                {
                    case SavepointStatement sp:
                        RequireBlock(inBlock, "SAVEPOINT");
                        (savepoints ??= []).Add(new Savepoint(sp.Name, current, functions.SaveSettings()));
                        results.Add(StatementResult.Command("SAVEPOINT"));
                        continue;
                    case RollbackToSavepointStatement rt:
                        {
                            RequireBlock(inBlock, "ROLLBACK TO SAVEPOINT");
                            var i = FindSavepoint(savepoints, rt.Name);
                            current = savepoints![i].Version;
                            functions.RestoreSettings(savepoints[i].Settings);
                            savepoints.RemoveRange(i + 1, savepoints.Count - i - 1);
                            results.Add(StatementResult.Command("ROLLBACK"));
                            continue;
                        }

                    case ReleaseSavepointStatement rs:
                        {
                            RequireBlock(inBlock, "RELEASE SAVEPOINT");
                            var i = FindSavepoint(savepoints, rs.Name);
                            savepoints!.RemoveRange(i, savepoints.Count - i);
                            results.Add(StatementResult.Command("RELEASE"));
                            continue;
                        }
                }

                if (syntax is SetStatement set && SetTextSearchConfig(set, batchTextSearchConfig) is { } config)
                {
                    // SET LOCAL outside a block lasts for its own one-statement transaction: nothing after it.
                    if (set.Local)
                    {
                        functions.SetLocalTextSearchConfig(config);
                    }
                    else
                    {
                        functions.DefaultTextSearchConfig = config;
                    }
                }

                var ctx = new ExecContext(current, parameters, env, functions, new StatementLimits(maxRowsExamined, maxResultBytes, cancellationToken));
                var executable = statement.PlanFor(current);
                var (result, next) = executable.Execute(current, ctx);
                current = next;
                if (!inBlock)
                {
                    committed = current;
                    functions.EndTransaction();
                }

                results.Add(result);
            }
            catch (Exception ex)
            {
                results.Add(StatementResult.Failed(ToSqlException(ex)));
                if (inBlock)
                {
                    aborted = true;
                }
                else
                {
                    current = committed;
                    functions.EndTransaction();
                }
            }
        }

        // A batch that changed anything counts once; derived versions are already numbered one past their source
        // (DatabaseVersion.With), so a batch of one writing statement needs no renumbered copy.
        var outcome = ReferenceEquals(committed, version) ? version
            : committed.Number == version.Number + 1 ? committed
            : committed.WithNumber(version.Number + 1);
        return new BatchOutcome(outcome, results, inBlock);
    }

    /// <summary>Prepares and executes in one call.</summary>
    public BatchOutcome Execute(DatabaseVersion version, string sql, IReadOnlyList<SqlValue>? parameters = null, ExecutionEnvironment? env = null) =>
        Execute(version, Prepare(sql), parameters ?? [], env ?? ExecutionEnvironment.Default);

    /// <summary>SET/RESET default_text_search_config: the batch's setting for the statements after it.</summary>
    private static string? SetTextSearchConfig(SetStatement set, string batchDefault) =>
        Functions.SessionSettings.TextSearchConfigAfterSet(
            set.Name,
            [.. set.Values.Select(v => v is StringLiteral text ? text.Value : Syntax.SqlFormatter.Format(v))],
            batchDefault);

    /// <summary>
    /// The block ends: SET LOCAL values lapse, and on a rollback (<paramref name="rollBackTo"/> given) the
    /// settings go back to what they were at BEGIN, as PostgreSQL undoes SET with the transaction.
    /// </summary>
    private static void EndBlock(FunctionContext functions, SettingsSnapshot? rollBackTo)
    {
        if (rollBackTo is { } saved)
        {
            functions.RestoreSettings(saved);
        }

        functions.EndTransaction();
    }

    private static void RequireBlock(bool inBlock, string what)
    {
        if (!inBlock)
        {
            throw new SqlException(SqlStates.NoActiveSqlTransaction, $"{what} can only be used in transaction blocks");
        }
    }

    /// <summary>The index of the latest savepoint named <paramref name="name"/>, or -1. A loop rather than a
    /// lambda: a lambda capturing the statement made the compiler allocate its closure for every statement.</summary>
    private static int LastSavepoint(List<Savepoint>? savepoints, string name)
    {
        if (savepoints is not null)
        {
            for (var i = savepoints.Count - 1; i >= 0; i--)
            {
                if (string.Equals(savepoints[i].Name, name, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static int FindSavepoint(List<Savepoint>? savepoints, string name)
    {
        var i = LastSavepoint(savepoints, name);
        return i >= 0 ? i : throw new SqlException(SqlStates.InvalidSavepointSpecification, $"savepoint \"{name}\" does not exist");
    }

    /// <summary>A SAVEPOINT: the version and settings ROLLBACK TO goes back to.</summary>
    private readonly record struct Savepoint(string Name, DatabaseVersion Version, SettingsSnapshot Settings);

    /// <summary>Maps anything thrown by execution to a SqlException; non-SQL exceptions are internal errors (bugs).</summary>
    internal static SqlException ToSqlException(Exception ex) => ex switch
    {
        SqlException s => s,
        FullText.FullTextException f => new SqlException(f.SqlState, f.Message),
        OverflowException => new SqlException(SqlStates.NumericValueOutOfRange, "value out of range"),
        DivideByZeroException => new SqlException(SqlStates.DivisionByZero, "division by zero"),
        InsufficientExecutionStackException => new SqlException(SqlStates.StatementTooComplex, "statement is too complex"),
        _ => new SqlException(SqlStates.InternalError, $"internal error: {ex.GetType().Name}: {ex.Message}"),
    };
}
