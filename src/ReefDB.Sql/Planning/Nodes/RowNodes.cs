using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>Keeps rows for which the predicate is TRUE.</summary>
internal sealed class FilterNode : PlanNode
{
    private readonly PlanNode input;
    private readonly Func<SqlValue[], ExecContext, bool> predicate;
    private readonly string text;

    public FilterNode(PlanNode input, Func<SqlValue[], ExecContext, bool> predicate, string text, double rows)
        : base(input.Layout, rows)
    {
        this.input = input;
        this.predicate = predicate;
        this.text = text;
    }

    public override string Label => $"Filter ({text})";

    public override IEnumerable<PlanNode> Inputs => [input];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        foreach (var row in input.Execute(ctx))
        {
            if (predicate(row, ctx))
            {
                yield return row;
            }
        }
    }

    public override RowMap? RowMapOver(int workTable) => input.RowMapOver(workTable) is { } inner
        ? (row, ctx) => inner(row, ctx) is { } r && predicate(r, ctx) ? r : null
        : null;
}

/// <summary>Computes a new row of expressions from each input row.</summary>
internal sealed class ProjectNode : PlanNode
{
    private readonly PlanNode input;
    private readonly Evaluator[] expressions;

    public ProjectNode(PlanNode input, Evaluator[] expressions, Layout layout)
        : base(layout, input.EstimatedRows)
    {
        this.input = input;
        this.expressions = expressions;
    }

    public override string Label => "Project";

    public override IEnumerable<PlanNode> Inputs => [input];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        foreach (var row in input.Execute(ctx))
        {
            var output = new SqlValue[expressions.Length];
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = expressions[i](row, ctx);
            }

            yield return output;
        }
    }

    public override RowMap? RowMapOver(int workTable) => input.RowMapOver(workTable) is { } inner
        ? (row, ctx) =>
        {
            if (inner(row, ctx) is not { } r)
            {
                return null;
            }

            var output = new SqlValue[expressions.Length];
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = expressions[i](r, ctx);
            }

            return output;
        }
        : null;
}

/// <summary>Gives an input's rows a new layout (a derived table's columns), unchanged.</summary>
internal sealed class RelabelNode : PlanNode
{
    private readonly PlanNode input;
    private readonly string label;

    public RelabelNode(PlanNode input, Layout layout, string label)
        : base(layout, input.EstimatedRows)
    {
        this.input = input;
        this.label = label;
    }

    public override string Label => label;

    public override IEnumerable<PlanNode> Inputs => [input];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx) => input.Execute(ctx);

    public override RowMap? RowMapOver(int workTable) => input.RowMapOver(workTable);
}

/// <summary>OFFSET then LIMIT; both evaluated once per execution (NULL means none; negative is an error).</summary>
internal sealed class LimitNode : PlanNode
{
    private readonly PlanNode input;
    private readonly Evaluator? limit;
    private readonly Evaluator? offset;

    public LimitNode(PlanNode input, Evaluator? limit, Evaluator? offset, double rows)
        : base(input.Layout, rows)
    {
        this.input = input;
        this.limit = limit;
        this.offset = offset;
    }

    public override string Label => "Limit";

    public override IEnumerable<PlanNode> Inputs => [input];

    public static long? Evaluate(Evaluator? e, ExecContext ctx, bool isLimit)
    {
        if (e is null)
        {
            return null;
        }

        var v = e([], ctx);
        if (v.IsNull)
        {
            return null;
        }

        var n = v.AsInt64;
        if (n < 0)
        {
            throw isLimit
                ? new Errors.SqlException(Errors.SqlStates.InvalidRowCountInLimitClause, "LIMIT must not be negative")
                : new Errors.SqlException(Errors.SqlStates.InvalidRowCountInResultOffsetClause, "OFFSET must not be negative");
        }

        return n;
    }

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var take = Evaluate(limit, ctx, true) ?? long.MaxValue;
        var skip = Evaluate(offset, ctx, false) ?? 0;
        if (take == 0)
        {
            yield break;
        }

        foreach (var row in input.Execute(ctx))
        {
            if (skip > 0)
            {
                skip--;
                continue;
            }

            yield return row;
            if (--take == 0)
            {
                yield break;
            }
        }
    }
}

/// <summary>
/// Removes duplicate rows (NULLs equal), keeping the first occurrence, so output order is input order.
/// Only the given columns are compared (all outputs, or the DISTINCT ON keys).
/// </summary>
internal sealed class DistinctNode : PlanNode
{
    private readonly PlanNode input;
    private readonly int[] columns;

    public DistinctNode(PlanNode input, int[] columns, double rows)
        : base(input.Layout, rows)
    {
        this.input = input;
        this.columns = columns;
    }

    public override string Label => "Unique";

    public override IEnumerable<PlanNode> Inputs => [input];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var seen = new HashSet<SqlValue[]>(new RowEqualityComparer(columns.Length));
        foreach (var row in input.Execute(ctx))
        {
            var key = new SqlValue[columns.Length];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = row[columns[i]];
            }

            if (seen.Add(key))
            {
                yield return row;
            }
        }
    }
}

/// <summary>Converts columns (set operation and INSERT … SELECT type alignment).</summary>
internal sealed class ConvertNode : PlanNode
{
    private readonly PlanNode input;
    private readonly Func<SqlValue, SqlValue>?[] converters;

    public ConvertNode(PlanNode input, Func<SqlValue, SqlValue>?[] converters)
        : base(input.Layout, input.EstimatedRows)
    {
        this.input = input;
        this.converters = converters;
    }

    public override string Label => "Convert";

    public override IEnumerable<PlanNode> Inputs => [input];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        foreach (var row in input.Execute(ctx))
        {
            yield return Convert(row);
        }
    }

    public override RowMap? RowMapOver(int workTable)
    {
        if (input.RowMapOver(workTable) is not { } inner)
        {
            return null;
        }

        // Rows are immutable, so without a converter the input row is the output.
        return Array.TrueForAll(converters, c => c is null) ? inner : (row, ctx) => inner(row, ctx) is { } r ? Convert(r) : null;
    }

    /// <summary>
    /// The converted row. Copied only when a conversion changes a value: many conversions keep the
    /// representation (integer to bigint, an unknown literal to text), and rows are immutable, so the
    /// input row then serves as the output and an INSERT … SELECT of a million rows copies none.
    /// </summary>
    private SqlValue[] Convert(SqlValue[] row)
    {
        SqlValue[]? output = null;
        for (var i = 0; i < converters.Length; i++)
        {
            if (converters[i] is { } c)
            {
                var value = c(row[i]);
                if (!value.IsIdenticalTo(row[i]))
                {
                    output ??= (SqlValue[])row.Clone();
                    output[i] = value;
                }
            }
        }

        return output ?? row;
    }
}
