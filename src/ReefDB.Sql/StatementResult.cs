using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql;

/// <summary>
/// What one statement of a batch produced: a command tag as PostgreSQL prints it (<c>INSERT 0 3</c>,
/// <c>SELECT 2</c>, <c>CREATE TABLE</c>), the returned columns and rows (empty for statements that
/// return none), the number of rows affected, or the error that made it fail.
/// </summary>
public sealed class StatementResult
{
    private static readonly IReadOnlyList<ResultColumn> NoColumns = [];
    private static readonly IReadOnlyList<SqlValue[]> NoRows = [];

    internal StatementResult(string commandTag, IReadOnlyList<ResultColumn>? columns, IReadOnlyList<SqlValue[]>? rows, long rowsAffected)
    {
        CommandTag = commandTag;
        Columns = columns ?? NoColumns;
        Rows = rows ?? NoRows;
        RowsAffected = rowsAffected;
    }

    private StatementResult(SqlException error)
    {
        CommandTag = string.Empty;
        Columns = NoColumns;
        Rows = NoRows;
        Error = error;
    }

    /// <summary>The PostgreSQL command tag; empty for a failed statement.</summary>
    public string CommandTag { get; }

    /// <summary>The returned columns; empty when the statement returns no rows (not even zero rows).</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>True when the statement returns a row set (a query, or a write with RETURNING).</summary>
    public bool ReturnsRows => Columns.Count > 0;

    /// <summary>The returned rows, each with one value per column. Callers must not modify the arrays.</summary>
    public IReadOnlyList<SqlValue[]> Rows { get; }

    /// <summary>Rows inserted, updated, deleted, or returned by a query.</summary>
    public long RowsAffected { get; }

    /// <summary>The error, when the statement failed; then it changed nothing.</summary>
    public SqlException? Error { get; }

    /// <summary>True when the statement failed.</summary>
    public bool IsError => Error is not null;

    /// <summary>A result that holds only <paramref name="error"/>: what a statement that failed produced.</summary>
    public static StatementResult Failed(SqlException error) => new(error);

    internal static StatementResult Command(string tag, long rowsAffected = 0) => new(tag, null, null, rowsAffected);
}
