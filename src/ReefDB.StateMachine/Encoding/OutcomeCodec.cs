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

        foreach (var column in result.Columns)
        {
            outcome.Columns.Add(new Column { Name = column.Name, Type = column.Type.Name });
        }

        foreach (var row in result.Rows)
        {
            var encoded = new Row();
            foreach (var value in row)
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
