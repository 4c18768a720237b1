using ReefDB.FullText.Querying;

namespace ReefDB.FullText;

public sealed partial class TsQuery
{
    /// <summary><c>a &amp;&amp; b</c>; an empty side yields the other side.</summary>
    public static TsQuery And(TsQuery a, TsQuery b) => Join(a, b, QueryOp.And, 0);

    /// <summary><c>a || b</c>; an empty side yields the other side.</summary>
    public static TsQuery Or(TsQuery a, TsQuery b) => Join(a, b, QueryOp.Or, 0);

    /// <summary><c>a &lt;-&gt; b</c> or <c>tsquery_phrase(a, b, distance)</c>.</summary>
    /// <exception cref="FullTextException">22023 when the distance is outside 0..16384.</exception>
    public static TsQuery Phrase(TsQuery a, TsQuery b, int distance = 1)
    {
        if (distance is < 0 or > MaxPhraseDistance)
        {
            throw new FullTextException(
                SqlStates.InvalidParameterValue,
                $"distance in phrase operator must be an integer value between zero and {MaxPhraseDistance} inclusive");
        }

        return Join(a, b, QueryOp.Phrase, distance);
    }

    /// <summary><c>!! a</c>; the empty query stays empty.</summary>
    public static TsQuery Not(TsQuery a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Root is null ? a : FromRoot(OperatorNode.Not(a.Root));
    }

    private static TsQuery Join(TsQuery a, TsQuery b, QueryOp op, int distance)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Root is null)
        {
            return b;
        }

        if (b.Root is null)
        {
            return a;
        }

        return FromRoot(OperatorNode.Binary(op, a.Root, b.Root, distance));
    }

    /// <summary>
    /// <c>querytree(query)</c>: the part of the query an index can use, with negated branches removed;
    /// "T" when nothing is left, "" for the empty query.
    /// </summary>
    public string QueryTree()
    {
        if (Root is null)
        {
            return "";
        }

        var cleaned = RemoveNot(Root);
        return cleaned is null ? "T" : Format(cleaned);
    }

    /// <summary>PostgreSQL's clean_NOT_intree.</summary>
    private static QueryNode? RemoveNot(QueryNode node)
    {
        if (node is not OperatorNode op)
        {
            return node;
        }

        switch (op.Op)
        {
            case QueryOp.Not:
                return null;
            case QueryOp.Or:
                {
                    var left = RemoveNot(op.Left!);
                    if (left is null)
                    {
                        return null;
                    }

                    var right = RemoveNot(op.Right);
                    return right is null ? null : OperatorNode.Binary(op.Op, left, right, op.Distance);
                }

            default:
                {
                    var left = RemoveNot(op.Left!);
                    var right = RemoveNot(op.Right);
                    if (left is null)
                    {
                        return right;
                    }

                    return right is null ? left : OperatorNode.Binary(op.Op, left, right, op.Distance);
                }
        }
    }

    /// <summary>Lexemes of the query's operands in stored order (duplicates kept).</summary>
    public IReadOnlyList<string> Lexemes() => [.. Items().OfType<OperandNode>().Select(o => o.Lexeme)];
}
