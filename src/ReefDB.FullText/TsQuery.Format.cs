using System.Globalization;
using System.Text;
using ReefDB.FullText.Querying;

namespace ReefDB.FullText;

public sealed partial class TsQuery
{
    /// <summary>PostgreSQL's output text, e.g. <c>'fat' &amp; ( 'rat' | 'cat':*A )</c>; empty for an empty query.</summary>
    public override string ToString() => Root is null ? "" : Format(Root);

    internal static string Format(QueryNode root)
    {
        var sb = new StringBuilder();
        Infix(sb, root, -1, false, false);
        return sb.ToString();
    }

    /// <summary>
    /// A lossless text form for storage: every operator parenthesized, so <see cref="Parse"/> rebuilds this
    /// exact tree. (<see cref="ToString"/> follows PostgreSQL and drops redundant parentheses, so
    /// <c>a &amp; (b &amp; c)</c> would come back as <c>(a &amp; b) &amp; c</c>, which <c>=</c> tells apart.)
    /// </summary>
    public string ToStorageText()
    {
        if (Root is null)
        {
            return "";
        }

        var sb = new StringBuilder();
        Infix(sb, Root, -1, false, true);
        return sb.ToString();
    }

    /// <summary>
    /// PostgreSQL's infix(): parenthesize a child whose priority is below its parent's, and a phrase
    /// operator that is the right operand of a phrase operator (phrase is not associative).
    /// </summary>
    private static void Infix(StringBuilder sb, QueryNode node, int parentPriority, bool rightOfPhrase, bool full)
    {
        switch (node)
        {
            case OperandNode o:
                TsVector.AppendQuoted(sb, o.Lexeme);
                if (o.Prefix || o.Weight != 0)
                {
                    sb.Append(':');
                    if (o.Prefix)
                    {
                        sb.Append('*');
                    }

                    AppendWeights(sb, o.Weight);
                }

                break;
            case OperatorNode { Op: QueryOp.Not } not:
                {
                    var priority = QueryNode.Priority(QueryOp.Not);
                    var paren = priority < parentPriority;
                    sb.Append(paren ? "( !" : "!");
                    Infix(sb, not.Right, priority, false, full);
                    if (paren)
                    {
                        sb.Append(" )");
                    }

                    break;
                }

            case OperatorNode op:
                {
                    var priority = QueryNode.Priority(op.Op);
                    var paren = full || priority < parentPriority || (op.Op == QueryOp.Phrase && rightOfPhrase);
                    if (paren)
                    {
                        sb.Append("( ");
                    }

                    Infix(sb, op.Left!, priority, false, full);
                    sb.Append(op.Op switch
                    {
                        QueryOp.Or => " | ",
                        QueryOp.And => " & ",
                        _ => op.Distance == 1 ? " <-> " : " <" + op.Distance.ToString(CultureInfo.InvariantCulture) + "> ",
                    });
                    Infix(sb, op.Right, priority, op.Op == QueryOp.Phrase, full);
                    if (paren)
                    {
                        sb.Append(" )");
                    }

                    break;
                }

            default:
                throw new InvalidOperationException("stop-word placeholder left in a query");
        }
    }

    internal static void AppendWeights(StringBuilder sb, byte weight)
    {
        if ((weight & 8) != 0)
        {
            sb.Append('A');
        }

        if ((weight & 4) != 0)
        {
            sb.Append('B');
        }

        if ((weight & 2) != 0)
        {
            sb.Append('C');
        }

        if ((weight & 1) != 0)
        {
            sb.Append('D');
        }
    }
}
