using ReefDB.Sql.Execution;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql;

/// <summary>
/// One parsed statement of a <see cref="PreparedBatch"/> with its cached plan. The plan is reused while
/// the catalog is the same object and every statistics bucket it was chosen by (row counts, and the distinct and
/// posting counts the planner read) is equal; otherwise the statement is bound and planned again (cheap check: a
/// reference comparison and a few counts). So the plan a statement runs with is a function of the version alone.
/// </summary>
public sealed class PreparedStatement
{
    private CachedPlan? cached;

    internal PreparedStatement(Statement syntax) => Syntax = syntax;

    /// <summary>The statement's text as written.</summary>
    public string Text => Syntax.SourceText;

    /// <summary>True for statements that never write (queries, EXPLAIN, SHOW, SET, transaction control).</summary>
    public bool IsReadOnly => Syntax is SelectStatement or ExplainStatement or ShowStatement or SetStatement
        or BeginStatement or CommitStatement or RollbackStatement or SavepointStatement
        or ReleaseSavepointStatement or RollbackToSavepointStatement;

    internal Statement Syntax { get; }

    internal Executable PlanFor(DatabaseVersion version)
    {
        var current = cached;
        if (current is not null && ReferenceEquals(current.Catalog, version.Catalog) &&
            Statistics.Matches(version, current.Executable.StatisticsTables, current.Signature) &&
            Statistics.StillHold(version, current.Executable.StatisticsProbes))
        {
            return current.Executable;
        }

        var executable = StatementCompiler.Compile(Syntax, version);
        if (executable is not DirectExecutable)
        {
            cached = new CachedPlan(version.Catalog, Statistics.Signature(version, executable.StatisticsTables), executable);
        }

        return executable;
    }

    private sealed record CachedPlan(Catalog.DatabaseCatalog Catalog, long[] Signature, Executable Executable);
}
