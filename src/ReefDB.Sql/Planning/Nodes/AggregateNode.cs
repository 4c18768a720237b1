using ReefDB.Sql.Execution;
using ReefDB.Sql.Functions.Aggregates;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// One aggregate computed by an <see cref="AggregateNode"/>. With <see cref="OrderKeys"/> the node buffers the
/// group's inputs, sorts them and (when <see cref="Distinct"/>) drops repeats before feeding the accumulator;
/// otherwise the accumulator from <see cref="Create"/> sees rows as they come (doing DISTINCT itself).
/// </summary>
internal sealed record AggregateSpec(
    Func<IAggregateAccumulator> Create,
    Evaluator[] Arguments,
    bool Distinct,
    Func<SqlValue[], ExecContext, bool>? Filter,
    Evaluator[] OrderKeys,
    bool[] OrderDescending,
    bool[] OrderNullsFirst);

/// <summary>
/// Hash aggregation: output rows are the group key values followed by the aggregate results, groups in
/// order of first appearance in the input (deterministic). Without grouping keys there is exactly one
/// output row, even for empty input.
/// </summary>
internal sealed class AggregateNode : PlanNode
{
    private readonly PlanNode input;
    private readonly Evaluator[] keys;
    private readonly AggregateSpec[] aggregates;

    public AggregateNode(PlanNode input, Evaluator[] keys, AggregateSpec[] aggregates, Layout layout, double rows)
        : base(layout, rows)
    {
        this.input = input;
        this.keys = keys;
        this.aggregates = aggregates;
    }

    public override string Label => keys.Length == 0 ? "Aggregate" : "HashAggregate";

    public override IEnumerable<PlanNode> Inputs => [input];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        // Argument rows for accumulators that do not keep them: one per aggregate, reused for every input row
        // (a million-row COUNT/SUM allocated three arrays per row before).
        var scratch = aggregates.Select(s => new SqlValue[s.Arguments.Length + s.OrderKeys.Length]).ToArray();
        if (keys.Length == 0)
        {
            // No GROUP BY: exactly one group, even over no rows; no key to build or hash per row.
            var only = new Group([], aggregates);
            foreach (var row in input.Execute(ctx))
            {
                only.Add(row, ctx, aggregates, scratch);
            }

            yield return only.Finish(aggregates, 0);
            yield break;
        }

        var groups = new Dictionary<SqlValue[], Group>(new RowEqualityComparer(keys.Length));
        var order = new List<Group>();
        foreach (var row in input.Execute(ctx))
        {
            var key = new SqlValue[keys.Length];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = keys[i](row, ctx);
            }

            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group(key, aggregates);
                groups[key] = group;
                order.Add(group);
            }

            group.Add(row, ctx, aggregates, scratch);
        }

        foreach (var group in order)
        {
            yield return group.Finish(aggregates, keys.Length);
        }
    }

    private sealed class Group
    {
        private readonly IAggregateAccumulator[] accumulators;
        private readonly List<SqlValue[]>?[] buffered;

        public Group(SqlValue[] key, AggregateSpec[] specs)
        {
            Key = key;
            accumulators = specs.Select(s => s.Create()).ToArray();
            buffered = specs.Select(s => s.Distinct || s.OrderKeys.Length > 0 ? new List<SqlValue[]>() : null).ToArray();
        }

        public SqlValue[] Key { get; }

        public void Add(SqlValue[] row, ExecContext ctx, AggregateSpec[] specs, SqlValue[][] scratch)
        {
            for (var a = 0; a < specs.Length; a++)
            {
                var spec = specs[a];
                if (spec.Filter is not null && !spec.Filter(row, ctx))
                {
                    continue;
                }

                // Buffered argument rows are kept (DISTINCT, ORDER BY inside the aggregate); the others are
                // consumed by the accumulator at once, so the scratch row can be reused.
                var args = buffered[a] is null ? scratch[a] : new SqlValue[spec.Arguments.Length + spec.OrderKeys.Length];
                for (var i = 0; i < spec.Arguments.Length; i++)
                {
                    args[i] = spec.Arguments[i](row, ctx);
                }

                if (buffered[a] is { } list)
                {
                    for (var i = 0; i < spec.OrderKeys.Length; i++)
                    {
                        args[spec.Arguments.Length + i] = spec.OrderKeys[i](row, ctx);
                    }

                    list.Add(args);
                }
                else
                {
                    accumulators[a].Add(args);
                }
            }
        }

        public SqlValue[] Finish(AggregateSpec[] specs, int keyCount)
        {
            var result = new SqlValue[keyCount + specs.Length];
            Key.CopyTo(result, 0);
            for (var a = 0; a < specs.Length; a++)
            {
                if (buffered[a] is { } list)
                {
                    var spec = specs[a];
                    IEnumerable<SqlValue[]> inputs = list;
                    if (spec.OrderKeys.Length > 0)
                    {
                        var n = spec.Arguments.Length;
                        inputs = list.Order(new SortKeyComparer(
                            Enumerable.Range(n, spec.OrderKeys.Length).ToArray(), spec.OrderDescending, spec.OrderNullsFirst));
                    }

                    if (spec.Distinct)
                    {
                        inputs = inputs.Distinct(new RowEqualityComparer(spec.Arguments.Length));
                    }

                    foreach (var args in inputs)
                    {
                        accumulators[a].Add(args.AsSpan(0, spec.Arguments.Length));
                    }
                }

                result[keyCount + a] = accumulators[a].Result();
            }

            return result;
        }
    }
}
