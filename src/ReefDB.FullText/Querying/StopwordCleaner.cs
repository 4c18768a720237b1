namespace ReefDB.FullText.Querying;

/// <summary>
/// PostgreSQL's clean_stopwords_intree: removes stop-word placeholders and the operators they leave
/// dangling, adding the removed words' width to neighbouring phrase distances so that
/// <c>(b &lt;-&gt; a) &lt;-&gt; c</c> with stop word <c>a</c> becomes <c>b &lt;2&gt; c</c>.
/// </summary>
/// <remarks>
/// Each call reports how much distance to add on its left (<c>ladd</c>) and right (<c>radd</c>); a
/// subtree that vanishes entirely reports equal values and the parent counts them once.
/// </remarks>
internal static class StopwordCleaner
{
    public static QueryNode? Clean(QueryNode root) => Clean(root, out _, out _);

    private static QueryNode? Clean(QueryNode node, out int ladd, out int radd)
    {
        ladd = radd = 0;
        switch (node)
        {
            case OperandNode:
                return node;
            case StopNode:
                return null;
        }

        var op = (OperatorNode)node;
        if (op.Op == QueryOp.Not)
        {
            var operand = Clean(op.Right, out ladd, out radd);
            return operand is null ? null : OperatorNode.Not(operand);
        }

        var left = Clean(op.Left!, out var lladd, out var lradd);
        var right = Clean(op.Right, out var rladd, out var rradd);
        var isPhrase = op.Op == QueryOp.Phrase;
        var distance = isPhrase ? op.Distance : 0;

        if (left is null && right is null)
        {
            ladd = radd = isPhrase ? lladd + distance + rladd : Math.Max(lladd, rladd);
            return null;
        }

        if (left is null)
        {
            if (isPhrase)
            {
                ladd = lladd + distance + rladd;
                radd = rradd;
            }
            else
            {
                ladd = rladd;
                radd = rradd;
            }

            return right;
        }

        if (right is null)
        {
            if (isPhrase)
            {
                ladd = lladd;
                radd = lradd + distance + rradd;
            }
            else
            {
                ladd = lladd;
                radd = lradd;
            }

            return left;
        }

        if (isPhrase)
        {
            ladd = lladd;
            radd = rradd;
            return OperatorNode.Binary(op.Op, left, right, distance + lradd + rladd);
        }

        return ReferenceEquals(left, op.Left) && ReferenceEquals(right, op.Right)
            ? op
            : OperatorNode.Binary(op.Op, left, right);
    }
}
