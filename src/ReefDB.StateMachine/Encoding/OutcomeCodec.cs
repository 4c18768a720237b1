using ReefDB.Sql;
using ReefDB.Sql.Errors;

namespace ReefDB.StateMachine.Encoding;

/// <summary>Converts engine results to the replicated <see cref="StatementOutcome"/> form.</summary>
public static class OutcomeCodec
{
    /// <summary>Encodes one statement's result, rows included.</summary>
    public static StatementOutcome Encode(StatementResult result)
    {
        var outcome = new StatementOutcome { CommandTag = result.CommandTag, RowsAffected = result.RowsAffected };
        if (result.Error is { } error)
        {
            outcome.Error = EncodeError(error);
            return outcome;
        }

        // Index loops: every applied statement comes through here, and enumerating an IReadOnlyList boxes.
        var columns = result.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            outcome.Columns.Add(new Column { Name = columns[i].Name, Type = columns[i].Type.Name });
        }

        var rows = result.Rows;
        for (var r = 0; r < rows.Count; r++)
        {
            var encoded = new Row();
            encoded.Values.Capacity = rows[r].Length;
            foreach (var value in rows[r])
            {
                encoded.Values.Add(SqlValueCodec.Encode(value));
            }

            outcome.Rows.Add(encoded);
        }

        return outcome;
    }

    /// <summary>Encodes an error with its SQLSTATE and position.</summary>
    public static Error EncodeError(SqlException error) => new()
    {
        SqlState = error.SqlState,
        Message = error.Message,
        Line = error.Position?.Line ?? 0,
        Column = error.Position?.Column ?? 0,
    };

    /// <summary>An outcome holding a single error.</summary>
    public static StatementOutcome Failure(string sqlState, string message) =>
        new() { Error = new Error { SqlState = sqlState, Message = message } };
}
