using System.Globalization;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>A query statement: runs its plan and returns the rows.</summary>
internal sealed class QueryExecutable : Executable
{
    private readonly PlanNode plan;
    private readonly IReadOnlyList<ResultColumn> columns;

    public QueryExecutable(PlanNode plan, IReadOnlyList<ResultColumn> columns)
    {
        this.plan = plan;
        this.columns = columns;
    }

    public override bool IsReadOnly => true;

    public PlanNode Plan => plan;

    public override (StatementResult, DatabaseVersion) Execute(DatabaseVersion version, ExecContext ctx)
    {
        ctx.Version = version;
        var rows = new List<SqlValue[]>();
        foreach (var row in plan.Execute(ctx))
        {
            var result = row.Length == columns.Count ? row : row[..columns.Count];
            ctx.CountResultRow(result);
            rows.Add(result);
        }

        return (new StatementResult(SelectTag(rows.Count), columns, rows, rows.Count), version);
    }

    // Point queries return zero or one row: their tags need no formatting.
    private static string SelectTag(int rows) => rows switch
    {
        0 => "SELECT 0",
        1 => "SELECT 1",
        _ => string.Create(CultureInfo.InvariantCulture, $"SELECT {rows}"),
    };
}

/// <summary>EXPLAIN: the plan as text lines, one row each.</summary>
internal sealed class ExplainExecutable : Executable
{
    private readonly IReadOnlyList<string> lines;

    public ExplainExecutable(IReadOnlyList<string> lines) => this.lines = lines;

    public override bool IsReadOnly => true;

    public override (StatementResult, DatabaseVersion) Execute(DatabaseVersion version, ExecContext ctx)
    {
        var rows = lines.Select(l => new[] { SqlValue.FromText(l) }).ToList();
        return (new StatementResult("EXPLAIN", [new ResultColumn("QUERY PLAN", SqlType.Text)], rows, rows.Count), version);
    }
}

/// <summary>A statement run directly from its syntax each time (DDL): nothing worth caching.</summary>
internal sealed class DirectExecutable : Executable
{
    private readonly Func<DatabaseVersion, ExecContext, (StatementResult, DatabaseVersion)> run;
    private readonly bool readOnly;

    public DirectExecutable(Func<DatabaseVersion, ExecContext, (StatementResult, DatabaseVersion)> run, bool readOnly = false)
    {
        this.run = run;
        this.readOnly = readOnly;
    }

    public override bool IsReadOnly => readOnly;

    public override (StatementResult, DatabaseVersion) Execute(DatabaseVersion version, ExecContext ctx)
    {
        ctx.Version = version;
        return run(version, ctx);
    }
}
