using System.Globalization;
using System.Text;

namespace ReefDB.Sql.Binding;

/// <summary>
/// A canonical text for a bound expression: two expressions with the same key compute the same value
/// from the same row. Used to match GROUP BY keys, aggregates and ORDER BY expressions structurally.
/// </summary>
internal static class ExpressionKey
{
    public static string Of(BoundExpr e)
    {
        var sb = new StringBuilder();
        Append(sb, e);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, BoundExpr e)
    {
        switch (e)
        {
            case BoundColumn c:
                sb.Append(CultureInfo.InvariantCulture, $"c{c.Id.Source}.{c.Id.Ordinal}");
                return;
            case BoundConstant k:
                sb.Append(CultureInfo.InvariantCulture, $"k{(int)k.Value.Kind}:{k.Value.FormatText()}:{k.Type.Name}");
                return;
            case BoundParameter p:
                sb.Append(CultureInfo.InvariantCulture, $"p{p.Index}:{p.Type.Name}");
                return;
            case BoundOutputRef o:
                sb.Append(CultureInfo.InvariantCulture, $"o{o.Index}");
                return;
            case BoundSubquery s:
                // Subqueries never match each other: each has its own identity.
                sb.Append(CultureInfo.InvariantCulture, $"s{s.Id}");
                return;
            case BoundAggregateCall a:
                sb.Append(CultureInfo.InvariantCulture, $"agg:{a.Name}:{a.Distinct}:{a.IsStar}:");
                if (a.Filter is not null)
                {
                    sb.Append("filter:");
                }

                foreach (var o in a.OrderBy)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"ord{o.Descending}{o.NullsFirst}:");
                }

                break;
            case BoundComparison c:
                sb.Append(CultureInfo.InvariantCulture, $"cmp{(int)c.Operator}");
                break;
            case BoundLogical l:
                sb.Append(l.IsAnd ? "and" : "or");
                break;
            case BoundCast c:
                sb.Append(CultureInfo.InvariantCulture, $"cast:{c.Type.Name}");
                break;
            case BoundCall c:
                sb.Append(CultureInfo.InvariantCulture, $"f:{c.Name}:{c.Type.Name}");
                break;
            case BoundUnary u:
                sb.Append(CultureInfo.InvariantCulture, $"u:{u.Name}");
                break;
            case BoundBinary b:
                sb.Append(CultureInfo.InvariantCulture, $"b:{b.Name}:{b.Type.Name}");
                break;
            case BoundIsTruth t:
                sb.Append(CultureInfo.InvariantCulture, $"truth{t.Value}{t.Negated}");
                break;
            case BoundIsNull n:
                sb.Append(CultureInfo.InvariantCulture, $"isnull{n.Negated}");
                break;
            case BoundIsDistinct d:
                sb.Append(CultureInfo.InvariantCulture, $"distinct{d.Negated}");
                break;
            case BoundInList i:
                sb.Append(CultureInfo.InvariantCulture, $"in{i.Negated}");
                break;
            case BoundCase c:
                sb.Append(CultureInfo.InvariantCulture, $"case{c.Else is not null}");
                break;
            default:
                sb.Append(e.GetType().Name);
                break;
        }

        sb.Append('(');
        foreach (var child in e.Children)
        {
            Append(sb, child);
            sb.Append(',');
        }

        sb.Append(')');
    }
}
