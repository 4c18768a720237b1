using System.Globalization;
using ReefDB.Sql.Binding;

namespace ReefDB.Sql.Planning;

/// <summary>A short, readable rendering of a bound expression for EXPLAIN.</summary>
internal static class ExpressionText
{
    public static string Of(BoundExpr e) => e switch
    {
        BoundColumn c => c.Name,
        BoundConstant k => k.Value.IsNull ? "NULL" : k.Value.Kind == Types.SqlValueKind.Text ? $"'{k.Value.FormatText()}'" : k.Value.FormatText() ?? "NULL",
        BoundParameter p => string.Create(CultureInfo.InvariantCulture, $"${p.Index + 1}"),
        BoundComparison c => $"{Of(c.Left)} {Binder.OperatorText(c.Operator)} {Of(c.Right)}",
        BoundLogical l => "(" + string.Join(l.IsAnd ? " AND " : " OR ", l.Operands.Select(Of)) + ")",
        BoundNot n => $"NOT {Of(n.Operand)}",
        BoundBinary b => $"({Of(b.Left)} {b.Name} {Of(b.Right)})",
        BoundUnary u => $"{u.Name}{Of(u.Operand)}",
        BoundCall c => $"{c.Name}({string.Join(", ", c.Arguments.Select(Of))})",
        BoundCast c => $"{Of(c.Operand)}::{c.Type.Name}",
        BoundIsNull n => $"{Of(n.Operand)} IS {(n.Negated ? "NOT " : "")}NULL",
        BoundInList i => $"{Of(i.Value)} {(i.Negated ? "NOT " : "")}IN ({string.Join(", ", i.Items.Select(Of))})",
        BoundSubquery => "(SubPlan)",
        BoundBm25 r => $"bm25({string.Join(", ", r.Children.Select(Of))})",
        BoundAggregateCall a => $"{a.Name}(…)",
        _ => "…",
    };
}
