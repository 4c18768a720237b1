using Google.Protobuf;
using ReefDB.Sql;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;
using ReefDB.StateMachine.Encoding;
using ReefDB.StateMachine.Sessions;

namespace ReefDB.StateMachine;

/// <summary>
/// The replicated state machine: applies committed <see cref="CommandBatch"/>es in log order, each as one
/// transaction, deterministically (DESIGN.md §1, §2, §6). The only code that changes ReefDB's data.
/// </summary>
/// <remarks>
/// Concurrency: <see cref="Apply"/> is called by one thread (the apply loop). <see cref="Current"/> may be
/// read by any thread at any time; it is replaced with one atomic reference write after each entry, so a
/// reader sees a whole state or the previous one, never part of a batch.
/// </remarks>
public sealed class ReefStateMachine
{
    private readonly SqlEngine engine = new();
    private readonly PreparedBatchCache preparedBatches = new(capacity: 1024);
    private readonly SessionPolicy policy;
    private StateMachineState current;

    /// <summary>Starts from <paramref name="initial"/> (a restored snapshot, or <see cref="StateMachineState.Initial"/>).</summary>
    public ReefStateMachine(StateMachineState? initial = null, SessionPolicy? policy = null)
    {
        current = initial ?? StateMachineState.Initial;
        this.policy = policy ?? SessionPolicy.Default;
    }

    /// <summary>The latest published state.</summary>
    public StateMachineState Current => Volatile.Read(ref current);

    /// <summary>The engine, for read-only statements executed against a published version.</summary>
    public SqlEngine Engine => engine;

    /// <summary>
    /// Advances over a log entry that carries no batch (a leader's no-op, a membership change): only the
    /// applied index moves, and sessions expire by it.
    /// </summary>
    public void Skip(ulong index)
    {
        var state = Current;
        RequireNext(state, index);
        Publish(state with { Sessions = state.Sessions.Expire(index, policy), AppliedIndex = index });
    }

    /// <summary>
    /// Applies the batch committed at log <paramref name="index"/>. All of its statements take effect, or,
    /// when one fails, none do and the outcome carries the error. A retry of a client's last sequence is
    /// answered with the original outcome without executing anything.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> does not follow the applied index.</exception>
    public AppliedBatch Apply(ulong index, CommandBatch batch)
    {
        var state = Current;
        RequireNext(state, index);
        var deduplicate = batch.ClientId.Length > 0;
        if (deduplicate)
        {
            var check = state.Sessions.Check(batch.ClientId, batch.Sequence);
            if (check.Kind != SessionCheckKind.Apply)
            {
                Publish(state with { Sessions = state.Sessions.Expire(index, policy), AppliedIndex = index });
                return new AppliedBatch(AnswerRetry(check, batch), Results: null);
            }
        }

        var (database, results) = Execute(state.Database, batch);
        var outcome = new CommandOutcome { AppliedIndex = index };
        outcome.Statements.Capacity = results.Count;
        for (var i = 0; i < results.Count; i++)
        {
            outcome.Statements.Add(OutcomeCodec.Encode(results[i]));
        }

        var sessions = deduplicate
            ? state.Sessions.Record(batch.ClientId, batch.Sequence, outcome.ToByteString(), index, policy)
            : state.Sessions.Expire(index, policy);
        Publish(new StateMachineState(database, sessions, index));
        return new AppliedBatch(outcome, results);
    }

    /// <summary>Replaces the whole state, e.g. after installing a snapshot from the leader.</summary>
    public void Restore(StateMachineState state) => Publish(state);

    private (DatabaseVersion Database, IReadOnlyList<StatementResult> Results) Execute(DatabaseVersion start, CommandBatch batch)
    {
        if (!ApplyFormat.IsSupported(batch.FormatVersion))
        {
            return (start, [StatementResult.Failed(new SqlException(
                SqlStates.FeatureNotSupported,
                $"command batch format {batch.FormatVersion} is newer than this binary supports ({ApplyFormat.Current}); upgrade this node"))]);
        }

        var env = EnvironmentOf(batch);
        var database = start;
        var statements = batch.Statements;

        // A batch of one statement (the usual write) answers with the engine's own result list; more are gathered.
        List<StatementResult>? gathered = statements.Count == 1 ? null : [];
        IReadOnlyList<StatementResult> results = gathered ?? [];
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            PreparedBatch prepared;
            try
            {
                prepared = preparedBatches.GetOrPrepare(engine, statement.Sql);
            }
            catch (SqlException syntaxError)
            {
                return (start, [.. results, StatementResult.Failed(syntaxError)]);
            }

            var executed = engine.Execute(database, prepared, DecodeParameters(statement), env);
            var failed = FirstError(executed.Results);
            if (gathered is null && failed < 0)
            {
                results = executed.Results;
            }
            else
            {
                gathered ??= [];
                for (var r = 0; r < executed.Results.Count && (failed < 0 || r <= failed); r++)
                {
                    gathered.Add(executed.Results[r]);
                }

                results = gathered;
            }

            if (failed >= 0)
            {
                // The batch is one transaction: the first failure discards everything it did.
                return (start, results);
            }

            database = executed.Version;
        }

        return (database, results);
    }

    /// <summary>The index of the first failed result, or -1.</summary>
    private static int FirstError(IReadOnlyList<StatementResult> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].IsError)
            {
                return i;
            }
        }

        return -1;
    }

    private static ExecutionEnvironment EnvironmentOf(CommandBatch batch)
    {
        var timestamp = DateTime.UnixEpoch.AddTicks(batch.TimestampMicros * TimeSpan.TicksPerMicrosecond);
        var env = new ExecutionEnvironment(timestamp, unchecked((long)batch.RandomSeed));
        foreach (var setting in batch.Settings)
        {
            if (string.Equals(setting.Name, "default_text_search_config", StringComparison.Ordinal))
            {
                env = env with { DefaultTextSearchConfig = setting.Value };
            }
        }

        return env;
    }

    private static SqlValue[] DecodeParameters(Statement statement)
    {
        var values = new SqlValue[statement.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = SqlValueCodec.Decode(statement.Parameters[i]);
        }

        return values;
    }

    private static CommandOutcome AnswerRetry(SessionCheck check, CommandBatch batch)
    {
        if (check.Kind == SessionCheckKind.Duplicate)
        {
            return CommandOutcome.Parser.ParseFrom(check.Outcome);
        }

        var stale = new CommandOutcome();
        stale.Statements.Add(OutcomeCodec.Failure(
            SqlStates.ObjectNotInPrerequisiteState,
            $"request {batch.Sequence} of client \"{batch.ClientId}\" is older than its last applied request {check.LastSequence}; its outcome is no longer kept"));
        return stale;
    }

    private static void RequireNext(StateMachineState state, ulong index)
    {
        if (index <= state.AppliedIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"entry {index} is at or before the applied index {state.AppliedIndex}");
        }
    }

    private void Publish(StateMachineState state) => Volatile.Write(ref current, state);
}
