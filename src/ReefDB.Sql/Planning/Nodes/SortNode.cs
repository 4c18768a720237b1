using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// Sorts by key columns of the input row; stable (equal keys keep input order), so the result is
/// deterministic. With a known row limit it keeps only the first rows it needs.
/// </summary>
internal sealed class SortNode : PlanNode
{
    private readonly PlanNode input;
    private readonly SortKeyComparer comparer;
    private readonly string text;

    public SortNode(PlanNode input, int[] columns, bool[] descending, bool[] nullsFirst, string text)
        : base(input.Layout, input.EstimatedRows)
    {
        this.input = input;
        comparer = new SortKeyComparer(columns, descending, nullsFirst);
        this.text = text;
    }

    public override string Label => $"Sort ({text})";

    public override IEnumerable<PlanNode> Inputs => [input];

    public override IEnumerable<SqlValue[]> Execute(ExecContext ctx)
    {
        // Enumerable.Order is a stable sort.
        return input.Execute(ctx).ToList().Order(comparer);
    }
}
