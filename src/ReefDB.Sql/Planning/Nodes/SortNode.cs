using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// Sorts by key columns of the input row; stable (equal keys keep input order), so the result is
/// deterministic. Under a LIMIT (<see cref="WithTopK"/>) it keeps only the first <c>offset + limit</c> rows
/// in a bounded heap instead of sorting every row: the same rows in the same order as the full stable
/// sort's prefix (ties are broken by input position), in O(n log k).
/// </summary>
internal sealed class SortNode : PlanNode
{
    /// <summary>Above this many kept rows the heap saves little over a full sort: sort everything.</summary>
    private const long MaxHeapRows = 100_000;

    private readonly PlanNode input;
    private readonly SortKeyComparer comparer;
    private readonly string text;
    private readonly Evaluator? limit;
    private readonly Evaluator? offset;

    public SortNode(PlanNode input, int[] columns, bool[] descending, bool[] nullsFirst, string text)
        : this(input, new SortKeyComparer(columns, descending, nullsFirst), text, null, null)
    {
    }

    private SortNode(PlanNode input, SortKeyComparer comparer, string text, Evaluator? limit, Evaluator? offset)
        : base(input.Layout, input.EstimatedRows)
    {
        this.input = input;
        this.comparer = comparer;
        this.text = text;
        this.limit = limit;
        this.offset = offset;
    }

    public override string Label => limit is null ? $"Sort ({text})" : $"Sort ({text}; top-N heap)";

    public override IEnumerable<PlanNode> Inputs => [input];

    /// <summary>
    /// The same sort feeding a LIMIT whose count is <paramref name="limitCount"/> (after skipping
    /// <paramref name="offsetCount"/>): it need only produce the first <c>offset + limit</c> rows.
    /// </summary>
    public SortNode WithTopK(Evaluator limitCount, Evaluator? offsetCount) => new(input, comparer, text, limitCount, offsetCount);

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        // LimitNode evaluates (and validates) the same expressions; NULL means no limit.
        var take = LimitNode.Evaluate(limit, ctx, true);
        var skip = LimitNode.Evaluate(offset, ctx, false) ?? 0;
        if (take is not { } k || k > MaxHeapRows - skip)
        {
            // Enumerable.Order is a stable sort.
            return input.Execute(ctx).ToList().Order(comparer);
        }

        return TopK(input.Execute(ctx), (int)(k + skip));
    }

    /// <summary>The first <paramref name="keep"/> rows of the stable sort of <paramref name="rows"/>.</summary>
    private IEnumerable<SqlValue[]> TopK(IEnumerable<SqlValue[]> rows, int keep)
    {
        if (keep == 0)
        {
            return [];
        }

        // A max-heap on (key, input position): its root is the last row kept, the one a better row evicts.
        var order = Comparer<(SqlValue[] Row, long Position)>.Create((a, b) =>
        {
            var c = comparer.Compare(a.Row, b.Row);
            return c != 0 ? c : a.Position.CompareTo(b.Position);
        });
        var heap = new PriorityQueue<(SqlValue[] Row, long Position), (SqlValue[] Row, long Position)>(
            Comparer<(SqlValue[] Row, long Position)>.Create((a, b) => order.Compare(b, a)));
        long position = 0;
        foreach (var row in rows)
        {
            var item = (row, position++);
            if (heap.Count < keep)
            {
                heap.Enqueue(item, item);
            }
            else if (comparer.Compare(row, heap.Peek().Row) < 0)
            {
                // Strictly better only: an equal key came later than the kept one, so it sorts after it.
                heap.DequeueEnqueue(item, item);
            }
        }

        var kept = new List<(SqlValue[] Row, long Position)>(heap.Count);
        while (heap.TryDequeue(out var item, out _))
        {
            kept.Add(item);
        }

        kept.Sort(order);
        return kept.Select(k => k.Row);
    }
}
