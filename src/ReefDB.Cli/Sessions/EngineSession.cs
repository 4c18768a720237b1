using ReefDB.Sql;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Cli.Sessions;

/// <summary>
/// <see cref="ISqlSession"/> over the embedded <see cref="ReefDatabase"/>: one <c>Execute</c> call is one
/// call of the database, hence one transaction (ReefDB's simple-query semantics), and its outcomes come
/// once the whole call is done. When a statement fails, the database reports only that error (nothing
/// of the call took effect), so the sequence is then that single error outcome.
/// </summary>
/// <remarks>
/// The token reaches the engine: a read stops within about a thousand rows of its cancellation (57014); a write
/// is stopped only before it starts.
/// </remarks>
internal sealed class EngineSession(ReefDatabase database) : ISqlSession
{
    public IEnumerable<StatementOutcome> Execute(string sql, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<StatementResult> results;
        try
        {
            results = database.Execute(sql, cancellationToken);
        }
        catch (SqlException e)
        {
            return [StatementOutcome.Failed(ToError(e))];
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // An exception that is not a SqlException is an engine bug; report it, don't crash on it.
            return [StatementOutcome.Failed(new SqlError(SqlError.InternalErrorState, $"{e.GetType().Name}: {e.Message}"))];
        }

        return results.Select(ToOutcome);
    }

    public void Dispose() => database.Dispose();

    internal static StatementOutcome ToOutcome(StatementResult result)
    {
        if (result.Error is { } error)
        {
            return StatementOutcome.Failed(ToError(error));
        }

        if (!result.ReturnsRows)
        {
            return StatementOutcome.Command(result.CommandTag, result.RowsAffected);
        }

        var columns = result.Columns.Select(c => c.Name).ToArray();
        var rows = new object?[result.Rows.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            var source = result.Rows[r];
            var row = new object?[source.Length];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = ToClr(source[c]);
            }

            rows[r] = row;
        }

        return new StatementOutcome
        {
            CommandTag = result.CommandTag,
            Columns = columns,
            Rows = rows,
            RowsAffected = result.RowsAffected,
        };
    }

    internal static SqlError ToError(SqlException error) =>
        new(error.SqlState, error.Message, error.Position?.Line, error.Position?.Column);

    /// <summary>The CLR value <see cref="StatementOutcome"/> promises for an engine value.</summary>
    internal static object? ToClr(SqlValue value) => value.Kind switch
    {
        SqlValueKind.Null => null,
        SqlValueKind.Boolean => value.AsBoolean,
        SqlValueKind.Int64 => value.AsInt64,
        SqlValueKind.Float32 => (float)value.AsDouble,
        SqlValueKind.Float64 => value.AsDouble,
        SqlValueKind.Numeric => value.AsNumeric,
        _ => value.FormatText(),
    };
}
