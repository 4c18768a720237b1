using System.Collections.Immutable;
using ReefDB.Sql.Binding;

namespace ReefDB.Sql.Planning;

/// <summary>Rebuilds a bound expression with its direct children mapped.</summary>
internal static class ExpressionRewriter
{
    public static BoundExpr MapChildren(BoundExpr e, Func<BoundExpr, BoundExpr> map) => e switch
    {
        BoundComparison c => c with { Left = map(c.Left), Right = map(c.Right) },
        BoundLogical l => l with { Operands = l.Operands.Select(map).ToImmutableArray() },
        BoundNot n => n with { Operand = map(n.Operand) },
        BoundUnary u => u with { Operand = map(u.Operand) },
        BoundBinary b => b with { Left = map(b.Left), Right = map(b.Right) },
        BoundCall c => c with { Arguments = c.Arguments.Select(map).ToImmutableArray() },
        BoundCast c => c with { Operand = map(c.Operand) },
        BoundCase c => c with { Arms = c.Arms.Select(a => (map(a.When), map(a.Then))).ToImmutableArray(), Else = c.Else is null ? null : map(c.Else) },
        BoundCoalesce c => c with { Arguments = c.Arguments.Select(map).ToImmutableArray() },
        BoundIsNull n => n with { Operand = map(n.Operand) },
        BoundIsDistinct d => d with { Left = map(d.Left), Right = map(d.Right) },
        BoundIsTruth t => t with { Operand = map(t.Operand) },
        BoundInList i => i with { Value = map(i.Value), Items = i.Items.Select(map).ToImmutableArray() },
        BoundSubquery s => s with { Left = s.Left is null ? null : map(s.Left) },
        BoundBm25 r => r with { Document = map(r.Document), Query = map(r.Query), K1 = r.K1 is null ? null : map(r.K1), B = r.B is null ? null : map(r.B) },
        _ => e,
    };
}
