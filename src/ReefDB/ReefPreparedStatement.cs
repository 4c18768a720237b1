using ReefDB.Sql;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB;

/// <summary>
/// SQL parsed once and executed many times with different parameters. Plans are cached by the engine and
/// re-made when the schema changes. Safe to execute from several threads at once.
/// </summary>
public sealed class ReefPreparedStatement
{
    private readonly ReefDatabase database;
    private readonly string sql;
    private readonly PreparedBatch batch;

    internal ReefPreparedStatement(ReefDatabase database, string sql, PreparedBatch batch)
    {
        this.database = database;
        this.sql = sql;
        this.batch = batch;
    }

    /// <summary>The number of parameters (<c>$1</c> … <c>$n</c>) the statement uses.</summary>
    public int ParameterCount => batch.ParameterCount;

    /// <summary>True when the statement changes nothing, so it runs without entering the log.</summary>
    public bool IsReadOnly => batch.IsReadOnly;

    /// <summary>Executes with CLR parameter values (see <see cref="ReefDatabase.Execute(string, object?[])"/>).</summary>
    /// <exception cref="SqlException">A statement failed; nothing of the call took effect.</exception>
    public IReadOnlyList<StatementResult> Execute(params object?[] parameters) =>
        database.Run(sql, batch, ParameterValues.FromClr(parameters), CancellationToken.None);

    /// <summary>Executes with CLR parameter values; <paramref name="cancellationToken"/> stops a read while it runs and a
    /// write before it starts (see <see cref="ReefDatabase.Execute(string, CancellationToken, object?[])"/>).</summary>
    /// <exception cref="SqlException">A statement failed or was cancelled; nothing of the call took effect.</exception>
    public IReadOnlyList<StatementResult> Execute(CancellationToken cancellationToken, params object?[] parameters) =>
        database.Run(sql, batch, ParameterValues.FromClr(parameters), cancellationToken);

    /// <summary>Executes with engine values, avoiding conversions on hot paths.</summary>
    /// <exception cref="SqlException">A statement failed; nothing of the call took effect.</exception>
    public IReadOnlyList<StatementResult> Execute(SqlValue[] parameters) => database.Run(sql, batch, parameters, CancellationToken.None);
}
