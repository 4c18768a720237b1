using ReefDB.Sql.Execution;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// UNION / INTERSECT / EXCEPT [ALL] with bag semantics for ALL, set semantics otherwise (NULLs equal).
/// Output order: left rows in order, then (UNION) right rows in order; deterministic.
/// </summary>
internal sealed class SetOperationNode : PlanNode
{
    private readonly PlanNode left;
    private readonly PlanNode right;
    private readonly SetOperator op;
    private readonly bool all;

    public SetOperationNode(PlanNode left, PlanNode right, SetOperator op, bool all, Layout layout, double rows)
        : base(layout, rows)
    {
        this.left = left;
        this.right = right;
        this.op = op;
        this.all = all;
    }

    public override string Label => $"{op}{(all ? " All" : "")}";

    public override IEnumerable<PlanNode> Inputs => [left, right];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var width = Layout.Width;
        var comparer = new RowEqualityComparer(width);
        switch (op)
        {
            case SetOperator.Union:
                if (all)
                {
                    return left.Execute(ctx).Concat(right.Execute(ctx));
                }

                return left.Execute(ctx).Concat(right.Execute(ctx)).Distinct(comparer);
            case SetOperator.Intersect:
                {
                    var counts = Count(right.Execute(ctx), comparer);
                    return Filter(left.Execute(ctx), counts, comparer, keepMatches: true);
                }

            default:
                {
                    var counts = Count(right.Execute(ctx), comparer);
                    return Filter(left.Execute(ctx), counts, comparer, keepMatches: false);
                }
        }
    }

    private static Dictionary<SqlValue[], int> Count(IEnumerable<SqlValue[]> rows, RowEqualityComparer comparer)
    {
        var counts = new Dictionary<SqlValue[], int>(comparer);
        foreach (var row in rows)
        {
            counts[row] = counts.GetValueOrDefault(row) + 1;
        }

        return counts;
    }

    private IEnumerable<SqlValue[]> Filter(IEnumerable<SqlValue[]> rows, Dictionary<SqlValue[], int> counts, RowEqualityComparer comparer, bool keepMatches)
    {
        var emitted = new HashSet<SqlValue[]>(comparer);
        foreach (var row in rows)
        {
            var n = counts.GetValueOrDefault(row);
            if (all)
            {
                if (keepMatches && n > 0)
                {
                    counts[row] = n - 1;
                    yield return row;
                }
                else if (!keepMatches)
                {
                    if (n > 0)
                    {
                        counts[row] = n - 1;
                    }
                    else
                    {
                        yield return row;
                    }
                }
            }
            else if ((n > 0) == keepMatches && emitted.Add(row))
            {
                yield return row;
            }
        }
    }
}
