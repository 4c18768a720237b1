using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>Reads every row of a table in storage-key order, optionally filtered.</summary>
internal sealed class SeqScanNode : PlanNode
{
    private readonly string table;
    private readonly Func<SqlValue[], ExecContext, bool>? filter;
    private readonly string? filterText;

    public SeqScanNode(string table, string alias, Layout layout, double rows, Func<SqlValue[], ExecContext, bool>? filter, string? filterText)
        : base(layout, rows)
    {
        this.table = table;
        Alias = alias;
        this.filter = filter;
        this.filterText = filterText;
    }

    public string Alias { get; }

    public override string Label => $"Seq Scan on {table}" + (Alias != table ? $" {Alias}" : "") + (filterText is null ? "" : $" (filter: {filterText})");

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var rows = ctx.Version.Data(table).Rows;
        foreach (var entry in rows.Range(null, null))
        {
            ctx.Examine();
            if (filter is null || filter(entry.Value, ctx))
            {
                yield return entry.Value;
            }
        }
    }
}

/// <summary>A constant table: VALUES rows, or one empty row for SELECT without FROM.</summary>
internal sealed class ValuesNode : PlanNode
{
    private readonly Evaluator[][] rows;

    public ValuesNode(Layout layout, Evaluator[][] rows)
        : base(layout, rows.Length)
    {
        this.rows = rows;
    }

    public override string Label => rows.Length == 1 && rows[0].Length == 0 ? "Result" : "Values Scan";

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        foreach (var r in rows)
        {
            var row = new SqlValue[r.Length];
            for (var i = 0; i < r.Length; i++)
            {
                row[i] = r[i](Array.Empty<SqlValue>(), ctx);
            }

            yield return row;
        }
    }
}

/// <summary>generate_series(start, stop[, step]).</summary>
internal sealed class GenerateSeriesNode : PlanNode
{
    private readonly Evaluator[] args;

    public GenerateSeriesNode(Layout layout, Evaluator[] args)
        : base(layout, 1000)
    {
        this.args = args;
    }

    public override string Label => "Function Scan on generate_series";

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var empty = Array.Empty<SqlValue>();
        var start = args[0](empty, ctx);
        var stop = args[1](empty, ctx);
        var step = args.Length > 2 ? args[2](empty, ctx) : SqlValue.FromInt64(1);
        if (start.IsNull || stop.IsNull || step.IsNull)
        {
            yield break;
        }

        var s = step.AsInt64;
        if (s == 0)
        {
            throw new Errors.SqlException(Errors.SqlStates.InvalidParameterValue, "step size cannot equal zero");
        }

        var last = stop.AsInt64;
        for (var i = start.AsInt64; s > 0 ? i <= last : i >= last;)
        {
            ctx.Examine();
            yield return [SqlValue.FromInt64(i)];
            // The step past the last value of bigint's range ends the series (it would wrap around and never end).
            var next = unchecked(i + s);
            if (s > 0 ? next < i : next > i)
            {
                yield break;
            }

            i = next;
        }
    }
}

/// <summary>Reads the previous round's rows of a recursive CTE.</summary>
internal sealed class WorkTableScanNode : PlanNode
{
    private readonly int workTableId;

    public WorkTableScanNode(Layout layout, int workTableId)
        : base(layout, 100)
    {
        this.workTableId = workTableId;
    }

    public override string Label => "WorkTable Scan";

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        foreach (var row in ctx.WorkTables.TryGetValue(workTableId, out var rows) ? rows : WorkTableRound.Empty)
        {
            ctx.Examine();
            yield return row;
        }
    }

    public override RowMap? RowMapOver(int workTable) => workTable == workTableId ? static (row, _) => row : null;
}
