namespace ReefDB.Cli.Sessions;

/// <summary>
/// What one statement did: a command tag (<c>INSERT 0 1</c>, <c>SELECT 3</c>, <c>CREATE TABLE</c>),
/// the result set when the statement returns rows, or the error that stopped it.
/// </summary>
/// <remarks>
/// Row values are plain CLR values so the CLI needs no engine types: <c>null</c> (SQL NULL),
/// <see cref="bool"/>, <see cref="long"/> (every integer type), <see cref="float"/> (REAL),
/// <see cref="double"/>, <see cref="decimal"/> (NUMERIC), or <see cref="string"/> holding
/// PostgreSQL's text output for every other type (TEXT, DATE, TIMESTAMP, BYTEA, tsvector, …).
/// Each row has exactly <c>Columns.Count</c> values.
/// </remarks>
internal sealed record StatementOutcome
{
    /// <summary>The PostgreSQL command tag; empty for an error.</summary>
    public string CommandTag { get; init; } = string.Empty;

    /// <summary>Column names of the result set; null when the statement returns no rows at all
    /// (as opposed to an empty result set, which has columns and zero rows).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The rows, in the order the engine produced them.</summary>
    public IReadOnlyList<object?[]> Rows { get; init; } = [];

    /// <summary>Rows inserted, updated or deleted (0 for other statements).</summary>
    public long RowsAffected { get; init; }

    /// <summary>Why the statement failed; null when it succeeded.</summary>
    public SqlError? Error { get; init; }

    /// <summary>True when the statement returned a result set (possibly empty).</summary>
    public bool HasRows => Columns is not null;

    /// <summary>A successful statement without a result set.</summary>
    public static StatementOutcome Command(string tag, long rowsAffected = 0) =>
        new() { CommandTag = tag, RowsAffected = rowsAffected };

    /// <summary>A successful statement with a result set.</summary>
    public static StatementOutcome Query(string tag, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows) =>
        new() { CommandTag = tag, Columns = columns, Rows = rows };

    /// <summary>A failed statement.</summary>
    public static StatementOutcome Failed(SqlError error) => new() { Error = error };
}
