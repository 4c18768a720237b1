using System.Collections.Immutable;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>
/// A name-resolved, typed expression. The planner inspects it (to find join keys and index ranges) and
/// <see cref="Planning.ExpressionCompiler"/> turns it into a delegate once per plan; it is never
/// interpreted per row.
/// </summary>
internal abstract record BoundExpr(SqlType Type)
{
    /// <summary>Visits direct children.</summary>
    public virtual IEnumerable<BoundExpr> Children => [];

    /// <summary>True when nothing in it depends on a row or a subquery (parameters are allowed).</summary>
    public bool IsRowIndependent() => this switch
    {
        BoundColumn or BoundAggregateCall or BoundSubquery => false,
        _ => Children.All(c => c.IsRowIndependent()),
    };

    /// <summary>All column references (at any level) inside, including those in subquery correlations.</summary>
    public IEnumerable<BoundColumn> Columns()
    {
        if (this is BoundColumn c)
        {
            yield return c;
        }

        foreach (var child in Children)
        {
            foreach (var x in child.Columns())
            {
                yield return x;
            }
        }

        if (this is BoundSubquery s)
        {
            foreach (var x in s.OuterReferences)
            {
                yield return x;
            }
        }
    }
}

/// <summary>A column of a range variable at query nesting <paramref name="Level"/>.</summary>
internal sealed record BoundColumn(ColumnId Id, int Level, SqlType Type, string Name) : BoundExpr(Type);

internal sealed record BoundConstant(SqlValue Value, SqlType Type) : BoundExpr(Type);

/// <summary><c>$n</c>, 0-based <paramref name="Index"/>; its type is what the context asked for.</summary>
internal sealed record BoundParameter(int Index, SqlType Type) : BoundExpr(Type);

/// <summary>A comparison; both sides already converted to a common comparable type.</summary>
internal sealed record BoundComparison(BinaryOperator Operator, BoundExpr Left, BoundExpr Right)
    : BoundExpr(SqlType.Boolean)
{
    public override IEnumerable<BoundExpr> Children => [Left, Right];
}

/// <summary>AND (<paramref name="IsAnd"/>) or OR over two or more operands, with three-valued logic.</summary>
internal sealed record BoundLogical(bool IsAnd, ImmutableArray<BoundExpr> Operands) : BoundExpr(SqlType.Boolean)
{
    public override IEnumerable<BoundExpr> Children => Operands;
}

internal sealed record BoundNot(BoundExpr Operand) : BoundExpr(SqlType.Boolean)
{
    public override IEnumerable<BoundExpr> Children => [Operand];
}

/// <summary>An operator or function whose implementation was resolved at bind time.</summary>
internal sealed record BoundCall(string Name, Functions.ScalarEvaluator Implementation, ImmutableArray<BoundExpr> Arguments, SqlType Type, bool Volatile = false)
    : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children => Arguments;
}

/// <summary>A resolved unary operator.</summary>
internal sealed record BoundUnary(string Name, Func<SqlValue, SqlValue> Implementation, BoundExpr Operand, SqlType Type)
    : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children => [Operand];
}

/// <summary>A resolved binary (non-comparison, non-logical) operator.</summary>
internal sealed record BoundBinary(string Name, Func<SqlValue, SqlValue, SqlValue> Implementation, BoundExpr Left, BoundExpr Right, SqlType Type)
    : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children => [Left, Right];
}

internal sealed record BoundCast(BoundExpr Operand, Func<SqlValue, SqlValue> Convert, SqlType Type) : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children => [Operand];
}

/// <summary>Searched CASE (a simple CASE is bound as searched with equality conditions).</summary>
internal sealed record BoundCase(ImmutableArray<(BoundExpr When, BoundExpr Then)> Arms, BoundExpr? Else, SqlType Type)
    : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children =>
        Arms.SelectMany(a => new[] { a.When, a.Then }).Concat(Else is null ? [] : [Else]);
}

/// <summary>COALESCE: the first non-NULL argument, later ones not evaluated.</summary>
internal sealed record BoundCoalesce(ImmutableArray<BoundExpr> Arguments, SqlType Type) : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children => Arguments;
}

internal sealed record BoundIsNull(BoundExpr Operand, bool Negated) : BoundExpr(SqlType.Boolean)
{
    public override IEnumerable<BoundExpr> Children => [Operand];
}

/// <summary>IS [NOT] DISTINCT FROM.</summary>
internal sealed record BoundIsDistinct(BoundExpr Left, BoundExpr Right, bool Negated) : BoundExpr(SqlType.Boolean)
{
    public override IEnumerable<BoundExpr> Children => [Left, Right];
}

/// <summary>IS [NOT] TRUE/FALSE/UNKNOWN.</summary>
internal sealed record BoundIsTruth(BoundExpr Operand, TruthValue Value, bool Negated) : BoundExpr(SqlType.Boolean)
{
    public override IEnumerable<BoundExpr> Children => [Operand];
}

/// <summary><c>x [NOT] IN (items)</c>, items converted to the common type.</summary>
internal sealed record BoundInList(BoundExpr Value, ImmutableArray<BoundExpr> Items, bool Negated) : BoundExpr(SqlType.Boolean)
{
    public override IEnumerable<BoundExpr> Children => Items.Prepend(Value);
}

/// <summary>
/// A reference to an aggregate computed by the aggregation below; only exists before the planner
/// replaces it by a column of the aggregation's output row. <see cref="Function"/> does DISTINCT itself
/// unless there is an ORDER BY (then the aggregation sorts and de-duplicates before feeding it).
/// </summary>
internal sealed record BoundAggregateCall(
    string Name,
    Functions.Aggregates.AggregateFunction Function,
    ImmutableArray<BoundExpr> Arguments,
    bool Distinct,
    bool IsStar,
    BoundExpr? Filter,
    ImmutableArray<BoundOrderKey> OrderBy,
    SqlType Type) : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children =>
        Arguments.Concat(Filter is null ? [] : [Filter]).Concat(OrderBy.Select(o => o.Expression));

    /// <summary>A structural key so equal calls in select list and HAVING share one accumulator.</summary>
    public string Key => ExpressionKey.Of(this);
}

/// <summary>The kinds of subquery expressions.</summary>
internal enum SubqueryKind
{
    Scalar,
    Exists,
    /// <summary><c>left op ANY (subquery)</c>; IN is = ANY.</summary>
    Any,
    /// <summary><c>left op ALL (subquery)</c>; NOT IN is &lt;&gt; ALL.</summary>
    All,
}

/// <summary>
/// A subquery used as an expression. <paramref name="OuterReferences"/> lists the columns of enclosing
/// queries it reads; when empty it is evaluated once per execution and cached.
/// </summary>
internal sealed record BoundSubquery(
    SubqueryKind Kind,
    BoundQuery Query,
    BoundExpr? Left,
    BinaryOperator Operator,
    ImmutableArray<BoundColumn> OuterReferences,
    SqlType Type) : BoundExpr(Type)
{
    public override IEnumerable<BoundExpr> Children => Left is null ? [] : [Left];

    public bool IsCorrelated => !OuterReferences.IsEmpty;

    /// <summary>Unique per statement binding: the slot that caches an uncorrelated result.</summary>
    public int Id { get; init; }
}

/// <summary>One sort key: an expression, its direction and where NULLs go.</summary>
internal sealed record BoundOrderKey(BoundExpr Expression, bool Descending, bool NullsFirst);

/// <summary>In an ORDER BY key: output column <paramref name="Index"/> of the same SELECT.</summary>
internal sealed record BoundOutputRef(int Index, SqlType Type) : BoundExpr(Type);
