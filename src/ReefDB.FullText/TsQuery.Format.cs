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
        Infix(sb, root, -1, false);
        return sb.ToString();
    }

    /// <summary>
    /// PostgreSQL's infix(): parenthesize a child whose priority is below its parent's, and a phrase
    /// operator that is the right operand of a phrase operator (phrase is not associative).
    /// </summary>
    private static void Infix(StringBuilder sb, QueryNode node, int parentPriority, bool rightOfPhrase)
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
                    Infix(sb, not.Right, priority, false);
                    if (paren)
                    {
                        sb.Append(" )");
                    }

                    break;
                }

            case OperatorNode op:
                {
                    var priority = QueryNode.Priority(op.Op);
                    var paren = priority < parentPriority || (op.Op == QueryOp.Phrase && rightOfPhrase);
                    if (paren)
                    {
                        sb.Append("( ");
                    }

                    Infix(sb, op.Left!, priority, false);
                    sb.Append(op.Op switch
                    {
                        QueryOp.Or => " | ",
                        QueryOp.And => " & ",
                        _ => op.Distance == 1 ? " <-> " : " <" + op.Distance.ToString(CultureInfo.InvariantCulture) + "> ",
                    });
                    Infix(sb, op.Right, priority, op.Op == QueryOp.Phrase);
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
