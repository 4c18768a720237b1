using System.Globalization;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// UPDATE and DELETE: the plan yields the target rows (joined with FROM/USING items) from the statement's
/// snapshot; they are materialized first, then each target row is changed at most once.
/// </summary>
internal sealed class ModifyExecutable : Executable
{
    private readonly TableRuntime runtime;
    private readonly PlanNode plan;
    private readonly int targetOffset;
    private readonly (int Column, Evaluator Value)[]? set;
    private readonly Evaluator[]? returning;
    private readonly IReadOnlyList<ResultColumn>? returningColumns;

    public ModifyExecutable(TableRuntime runtime, PlanNode plan, int targetOffset, (int Column, Evaluator Value)[]? set,
        Evaluator[]? returning, IReadOnlyList<ResultColumn>? returningColumns)
    {
        this.runtime = runtime;
        this.plan = plan;
        this.targetOffset = targetOffset;
        this.set = set;
        this.returning = returning;
        this.returningColumns = returningColumns;
    }

    public bool IsDelete => set is null;

    public PlanNode Plan => plan;

    public override (StatementResult, DatabaseVersion) Execute(DatabaseVersion version, ExecContext ctx)
    {
        ctx.Version = version;
        var table = runtime.Table;
        var width = table.RowWidth;
        var matches = plan.Execute(ctx).ToList();
        var ws = new WriteSet(version, runtime);
        var writer = ws.Writer(table.Name);
        var done = new HashSet<SqlValue[]>(new RowEqualityComparer(table.StorageKeyWidth));
        var returned = returning is null ? null : new List<SqlValue[]>();
        var referenced = ws.Version.Catalog.ReferencesTo(table.Name).Any();
        long count = 0;
        foreach (var joined in matches)
        {
            var oldRow = joined.AsSpan(targetOffset, width).ToArray();
            if (!done.Add(writer.StorageKey(oldRow)))
            {
                continue;
            }

            SqlValue[] resultRow;
            if (set is null)
            {
                writer.Delete(oldRow, ctx);
                if (referenced)
                {
                    ForeignKeys.OnParentRemoved(ws, table, oldRow, ctx);
                }

                resultRow = joined;
            }
            else
            {
                var newRow = (SqlValue[])oldRow.Clone();
                foreach (var (column, value) in set)
                {
                    newRow[column] = value(joined, ctx);
                }

                if (table.ForeignKeys.Length > 0)
                {
                    ForeignKeys.CheckParentExists(ws, table, newRow);
                }

                writer.Update(oldRow, newRow, ctx);
                if (referenced)
                {
                    ForeignKeys.OnParentRemoved(ws, table, oldRow, ctx);
                }

                resultRow = (SqlValue[])joined.Clone();
                newRow.CopyTo(resultRow, targetOffset);
            }

            count++;
            returned?.Add(returning!.Select(r => r(resultRow, ctx)).ToArray());
        }

        var tag = string.Create(CultureInfo.InvariantCulture, $"{(set is null ? "DELETE" : "UPDATE")} {count}");
        return (new StatementResult(tag, returningColumns, returned, count), ws.Commit());
    }
}
