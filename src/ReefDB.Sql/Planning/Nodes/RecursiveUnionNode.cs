using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// WITH RECURSIVE: runs the anchor, then the recursive part over the previous round's rows until a
/// round adds nothing. Materializes its whole result before yielding, so that two references to the
/// same CTE never interleave their rounds.
/// </summary>
/// <remarks>
/// The result list is also the work queue: round k is a window of it, and round k + 1 is appended behind
/// that window. When the recursive part is row-wise (filters and projections over the work table, the
/// common counter and walk shapes), each row of the round goes through one <see cref="RowMap"/> call
/// instead of a new chain of enumerators per round: a million one-row rounds cost a million calls, not a
/// million plan executions. Both forms evaluate the same expressions on the same rows in the same order,
/// so the results, including the random sequence, do not depend on which one runs.
/// </remarks>
internal sealed class RecursiveUnionNode : PlanNode
{
    private const int MaxRows = 10_000_000;
    private readonly PlanNode anchor;
    private readonly PlanNode recursive;
    private readonly int workTableId;
    private readonly bool unionAll;
    private readonly RowMap? rowMap;

    public RecursiveUnionNode(PlanNode anchor, PlanNode recursive, int workTableId, bool unionAll, Layout layout)
        : base(layout, anchor.EstimatedRows * 10)
    {
        this.anchor = anchor;
        this.recursive = recursive;
        this.workTableId = workTableId;
        this.unionAll = unionAll;
        rowMap = recursive.RowMapOver(workTableId);
    }

    public override string Label => "Recursive Union";

    public override IEnumerable<PlanNode> Inputs => [anchor, recursive];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var seen = unionAll ? null : new HashSet<SqlValue[]>(new RowEqualityComparer(Layout.Width));
        var result = new List<SqlValue[]>();
        foreach (var row in anchor.Execute(ctx))
        {
            if (seen is null || seen.Add(row))
            {
                result.Add(row);
            }
        }

        // The round stays the work table's content while the recursive part runs, also for subqueries
        // that read the work table from inside a row-wise plan.
        var round = new WorkTableRound(result);
        var previous = ctx.WorkTables.GetValueOrDefault(workTableId);
        ctx.WorkTables[workTableId] = round;
        try
        {
            var start = 0;
            while (start < result.Count)
            {
                if (result.Count > MaxRows)
                {
                    throw new Errors.SqlException(Errors.SqlStates.ProgramLimitExceeded, "recursive query produced too many rows");
                }

                var end = result.Count;
                round.Reset(start, end);
                if (rowMap is { } map)
                {
                    for (var i = start; i < end; i++)
                    {
                        if (map(result[i], ctx) is { } row && (seen is null || seen.Add(row)))
                        {
                            result.Add(row);
                        }
                    }
                }
                else
                {
                    foreach (var row in recursive.Execute(ctx))
                    {
                        if (seen is null || seen.Add(row))
                        {
                            result.Add(row);
                        }
                    }
                }

                start = end;
            }
        }
        finally
        {
            if (previous is null)
            {
                ctx.WorkTables.Remove(workTableId);
            }
            else
            {
                ctx.WorkTables[workTableId] = previous;
            }
        }

        return result;
    }
}
