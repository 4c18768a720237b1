using ReefDB.Sql.Execution;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// A join that materializes its right input, then streams the left: the nested-loop and hash joins differ
/// only in which right rows are candidates for a left row. This base owns the rest, so both produce the
/// same order and the same outer-join rows: left order, each left row's matches in right order, a
/// NULL-padded row for an unmatched left row (LEFT/FULL), then unmatched right rows in right order
/// (RIGHT/FULL).
/// </summary>
internal abstract class MaterializedJoinNode : PlanNode
{
    protected MaterializedJoinNode(PlanNode left, PlanNode right, JoinKind kind, double rows)
        : base(Layout.Concat(left.Layout, right.Layout), rows)
    {
        Left = left;
        Right = right;
        Kind = kind;
    }

    protected PlanNode Left { get; }

    protected PlanNode Right { get; }

    protected JoinKind Kind { get; }

    public override IEnumerable<PlanNode> Inputs => [Left, Right];

    /// <summary>
    /// Joins the left input with <paramref name="inner"/> (the materialized right input): for each left row,
    /// the rows at <paramref name="candidates"/> that pass <paramref name="condition"/> (null: all) match.
    /// </summary>
    protected IEnumerable<SqlValue[]> Join(
        ExecContext ctx,
        List<SqlValue[]> inner,
        Func<SqlValue[], IEnumerable<int>> candidates,
        Func<SqlValue[], ExecContext, bool>? condition)
    {
        var matchedRight = Kind is JoinKind.Right or JoinKind.Full ? new bool[inner.Count] : null;
        var rightNulls = new SqlValue[Right.Layout.Width];
        foreach (var l in Left.Execute(ctx))
        {
            var matched = false;
            foreach (var i in candidates(l))
            {
                ctx.Examine();
                var row = Concat(l, inner[i]);
                if (condition is null || condition(row, ctx))
                {
                    matched = true;
                    if (matchedRight is not null)
                    {
                        matchedRight[i] = true;
                    }

                    yield return row;
                }
            }

            if (!matched && Kind is JoinKind.Left or JoinKind.Full)
            {
                yield return Concat(l, rightNulls);
            }
        }

        if (matchedRight is not null)
        {
            var leftNulls = new SqlValue[Left.Layout.Width];
            for (var i = 0; i < inner.Count; i++)
            {
                if (!matchedRight[i])
                {
                    yield return Concat(leftNulls, inner[i]);
                }
            }
        }
    }
}
