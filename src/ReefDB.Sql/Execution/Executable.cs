namespace ReefDB.Sql.Execution;

/// <summary>
/// A bound and planned statement, valid for the catalog it was built against. Executing it never
/// changes the version it is given; it returns the version after the statement.
/// </summary>
internal abstract class Executable
{
    /// <summary>True when it never writes (a query, EXPLAIN, SHOW).</summary>
    public virtual bool IsReadOnly => false;

    /// <summary>Tables whose statistics the plan was chosen by (see <see cref="Planning.Statistics.Signature"/>).</summary>
    public IReadOnlyList<string> StatisticsTables { get; init; } = [];

    /// <summary>The distinct and posting counts the plan was chosen by (see <see cref="Planning.Statistics.StillHold"/>).</summary>
    public IReadOnlyList<Planning.StatisticsProbe> StatisticsProbes { get; init; } = [];

    /// <summary>The types the statement gives its parameters (<c>$1</c> at 0), null where nothing determines one.</summary>
    public IReadOnlyList<Types.SqlType?> ParameterTypes { get; init; } = [];

    public abstract (StatementResult Result, DatabaseVersion Version) Execute(DatabaseVersion version, ExecContext ctx);
}
