using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// A key range over an index, computed at run time: equal values for a prefix of the key parts, then an
/// optional lower/upper bound on the next part. A NULL anywhere makes the range empty (no comparison with
/// NULL is true), and an open upper bound stops before NULL keys, which sort last.
/// </summary>
internal sealed class IndexRange
{
    public IndexRange(Evaluator[] equal, Evaluator? lower, bool lowerInclusive, Evaluator? upper, bool upperInclusive)
    {
        Equal = equal;
        Lower = lower;
        LowerInclusive = lowerInclusive;
        Upper = upper;
        UpperInclusive = upperInclusive;
    }

    public Evaluator[] Equal { get; }

    public Evaluator? Lower { get; }

    public bool LowerInclusive { get; }

    public Evaluator? Upper { get; }

    public bool UpperInclusive { get; }

    public bool IsPoint => Lower is null && Upper is null;

    /// <summary>The bounds for this row, or null when the range is empty.</summary>
    public (RowKey From, RowKey To)? Bounds(SqlValue[] row, ExecContext ctx)
    {
        var prefix = new SqlValue[Equal.Length];
        for (var i = 0; i < prefix.Length; i++)
        {
            prefix[i] = Equal[i](row, ctx);
            if (prefix[i].IsNull)
            {
                return null;
            }
        }

        if (Lower is null && Upper is null)
        {
            return (RowKey.Before(prefix), RowKey.After(prefix));
        }

        RowKey from;
        if (Lower is not null)
        {
            var lo = Lower(row, ctx);
            if (lo.IsNull)
            {
                return null;
            }

            from = new RowKey([.. prefix, lo], LowerInclusive ? (sbyte)-1 : (sbyte)1);
        }
        else
        {
            // Skip nothing but stay inside the prefix; NULL keys of the next part are excluded by the upper bound.
            from = RowKey.Before(prefix);
        }

        RowKey to;
        if (Upper is not null)
        {
            var hi = Upper(row, ctx);
            if (hi.IsNull)
            {
                return null;
            }

            to = new RowKey([.. prefix, hi], UpperInclusive ? (sbyte)1 : (sbyte)-1);
        }
        else
        {
            to = new RowKey([.. prefix, SqlValue.Null], -1);
        }

        return (from, to);
    }
}
