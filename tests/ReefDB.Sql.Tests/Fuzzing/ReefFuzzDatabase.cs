using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>
/// A ReefDB engine and its current version for fuzzing: every statement outcome is recorded, and any
/// exception other than <see cref="SqlException"/> (or an internal-error result, which is how the engine
/// reports one it caught) is a crash that fails the case.
/// </summary>
internal sealed class ReefFuzzDatabase(FuzzTrace trace)
{
    private readonly SqlEngine engine = new();

    public DatabaseVersion Version { get; private set; } = DatabaseVersion.Empty;

    public FuzzOutcome Run(string sql)
    {
        trace.Current = sql;
        PreparedBatch batch;
        try
        {
            batch = engine.Prepare(sql);
        }
        catch (SqlException e)
        {
            return FuzzOutcome.Failed(e.SqlState, e.Message);
        }

        var outcome = engine.Execute(Version, batch, [], ExecutionEnvironment.Default);
        Version = outcome.Version;
        var last = outcome.Results[^1];
        if (last.Error is { } error)
        {
            if (error.SqlState == SqlStates.InternalError)
            {
                throw new FuzzCrashException($"internal error (a non-SQL exception inside the engine): {error.Message}");
            }

            return FuzzOutcome.Failed(error.SqlState, error.Message);
        }

        return new FuzzOutcome(last.Rows.Select(r => FuzzOutcome.FormatRow(r.Select(Format))).ToList(), null, null, last.RowsAffected);
    }

    private static string Format(SqlValue value) => value.IsNull ? "NULL" : value.FormatText() ?? "NULL";
}

/// <summary>The engine failed in a way no input may cause: an exception that is not a SQL error.</summary>
internal sealed class FuzzCrashException(string message) : Exception(message);
