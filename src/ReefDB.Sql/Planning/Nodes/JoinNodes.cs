using ReefDB.Sql.Execution;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// Nested loop join over a materialized right input: any condition, any join kind. Output rows are the
/// left row's values followed by the right row's (NULLs for the missing side of an outer join), in
/// left order, then right order; unmatched right rows (RIGHT/FULL) come last in right order.
/// </summary>
internal sealed class NestedLoopJoinNode : MaterializedJoinNode
{
    private readonly Func<SqlValue[], ExecContext, bool>? condition;

    public NestedLoopJoinNode(PlanNode left, PlanNode right, JoinKind kind, Func<SqlValue[], ExecContext, bool>? condition, double rows)
        : base(left, right, kind, rows)
    {
        this.condition = condition;
    }

    public override string Label => $"Nested Loop{JoinLabel(Kind)}";

    internal static string JoinLabel(JoinKind kind) => kind switch
    {
        JoinKind.Left => " Left Join",
        JoinKind.Right => " Right Join",
        JoinKind.Full => " Full Join",
        JoinKind.Cross => " Cross Join",
        _ => "",
    };

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var inner = Right.Execute(ctx).ToList();
        var all = Enumerable.Range(0, inner.Count);
        foreach (var row in Join(ctx, inner, _ => all, condition))
        {
            yield return row;
        }
    }
}

/// <summary>
/// Equality join: builds a hash table on the right input's keys, probes with each left row. Rows with a
/// NULL key never match. Output order: left order, and for each left row its matches in right order.
/// </summary>
internal sealed class HashJoinNode : MaterializedJoinNode
{
    private readonly Evaluator[] leftKeys;
    private readonly Evaluator[] rightKeys;
    private readonly Func<SqlValue[], ExecContext, bool>? residual;
    private readonly string text;

    public HashJoinNode(PlanNode left, PlanNode right, JoinKind kind, Evaluator[] leftKeys, Evaluator[] rightKeys,
        Func<SqlValue[], ExecContext, bool>? residual, string text, double rows)
        : base(left, right, kind, rows)
    {
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.residual = residual;
        this.text = text;
    }

    public override string Label => $"Hash{NestedLoopJoinNode.JoinLabel(Kind)} Join ({text})".Replace("Join Join", "Join", StringComparison.Ordinal);

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var inner = Right.Execute(ctx).ToList();
        var table = new Dictionary<SqlValue[], List<int>>(new RowEqualityComparer(rightKeys.Length));
        for (var i = 0; i < inner.Count; i++)
        {
            var key = KeyOf(inner[i], rightKeys, ctx);
            if (key is null)
            {
                continue;
            }

            if (!table.TryGetValue(key, out var list))
            {
                table[key] = list = [];
            }

            list.Add(i);
        }

        var rows = Join(ctx, inner, l => KeyOf(l, leftKeys, ctx) is { } key && table.TryGetValue(key, out var matches) ? matches : [], residual);
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static SqlValue[]? KeyOf(SqlValue[] row, Evaluator[] keys, ExecContext ctx)
    {
        var key = new SqlValue[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            key[i] = keys[i](row, ctx);
            if (key[i].IsNull)
            {
                return null;
            }
        }

        return key;
    }
}

/// <summary>
/// For each left row, looks the matching right rows up through an index of the right table (inner or
/// left join). Output order: left order, then index order.
/// </summary>
internal sealed class IndexNestedLoopJoinNode : PlanNode
{
    private readonly PlanNode left;
    private readonly IndexScanNode right;
    private readonly JoinKind kind;
    private readonly Func<SqlValue[], ExecContext, bool>? residual;

    public IndexNestedLoopJoinNode(PlanNode left, IndexScanNode right, JoinKind kind, Func<SqlValue[], ExecContext, bool>? residual, double rows)
        : base(Layout.Concat(left.Layout, right.Layout), rows)
    {
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.residual = residual;
    }

    public override string Label => $"Nested Loop{NestedLoopJoinNode.JoinLabel(kind)}";

    public override IEnumerable<PlanNode> Inputs => [left, right];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        var rightNulls = new SqlValue[right.Layout.Width];
        var exact = right.IsExactKey;
        foreach (var l in left.Execute(ctx))
        {
            var matched = false;
            if (exact)
            {
                // At most one match: probe without an enumerator (the common primary-key join).
                if (right.TryLookupOne(l, ctx, out var one))
                {
                    var row = Concat(l, one);
                    if (residual is null || residual(row, ctx))
                    {
                        matched = true;
                        yield return row;
                    }
                }

                if (!matched && kind == JoinKind.Left)
                {
                    yield return Concat(l, rightNulls);
                }

                continue;
            }

            foreach (var r in right.Lookup(l, ctx))
            {
                var row = Concat(l, r);
                if (residual is null || residual(row, ctx))
                {
                    matched = true;
                    yield return row;
                }
            }

            if (!matched && kind == JoinKind.Left)
            {
                yield return Concat(l, rightNulls);
            }
        }
    }
}
