using System.Globalization;
using System.Text;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// An executable operator. Plans are immutable and reusable across executions and threads: all
/// per-execution state lives in the enumerators and the <see cref="ExecContext"/>. Rows yielded may be
/// shared with storage or other operators and must never be modified.
/// </summary>
internal abstract class PlanNode
{
    protected PlanNode(Layout layout, double estimatedRows)
    {
        Layout = layout;
        EstimatedRows = Math.Max(estimatedRows, 1);
    }

    public Layout Layout { get; }

    public double EstimatedRows { get; }

    /// <summary>One EXPLAIN line: what this operator does.</summary>
    public abstract string Label { get; }

    public virtual IEnumerable<PlanNode> Inputs => [];

    public abstract IEnumerable<SqlValue[]> Execute(ExecContext ctx);

    /// <summary>
    /// This plan as a per-row function of the rows of work table <paramref name="workTable"/>, or null
    /// when it is not a chain of row-wise operators over a scan of that work table. Lets a recursive CTE
    /// iterate its work queue without creating a chain of enumerators per round.
    /// </summary>
    public virtual RowMap? RowMapOver(int workTable) => null;

    public void Explain(List<string> lines, int depth = 0)
    {
        var sb = new StringBuilder();
        if (depth > 0)
        {
            sb.Append(' ', (depth * 2) - 2).Append("->  ");
        }

        sb.Append(Label).Append(CultureInfo.InvariantCulture, $"  (rows={Math.Round(EstimatedRows):0})");
        lines.Add(sb.ToString());
        foreach (var input in Inputs)
        {
            input.Explain(lines, depth + 1);
        }
    }

    protected static SqlValue[] Concat(SqlValue[] left, SqlValue[] right)
    {
        var row = new SqlValue[left.Length + right.Length];
        left.CopyTo(row, 0);
        right.CopyTo(row, left.Length);
        return row;
    }
}
