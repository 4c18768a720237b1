namespace ReefDB.Sql.Syntax;

/// <summary>
/// <c>value [NOT] LIKE|ILIKE pattern [ESCAPE esc]</c> and <c>value [NOT] SIMILAR TO pattern [ESCAPE esc]</c>.
/// <paramref name="Escape"/> is null when not written (the default escape is backslash).
/// </summary>
internal sealed record LikeExpression(
    Expression Value, LikeKind Kind, Expression Pattern, Expression? Escape, bool Negated) : Expression;

/// <summary>Which pattern language a <see cref="LikeExpression"/> uses.</summary>
internal enum LikeKind
{
    Like,
    ILike,
    SimilarTo,
}

/// <summary><c>x IS [NOT] NULL</c>, also written <c>x ISNULL</c> / <c>x NOTNULL</c>.</summary>
internal sealed record IsNullExpression(Expression Operand, bool Negated) : Expression;

/// <summary><c>x IS [NOT] TRUE | FALSE | UNKNOWN</c>; never NULL itself.</summary>
internal sealed record IsTruthExpression(Expression Operand, TruthValue Value, bool Negated) : Expression;

/// <summary>The right side of <see cref="IsTruthExpression"/>.</summary>
internal enum TruthValue
{
    True,
    False,
    Unknown,
}

/// <summary><c>a IS [NOT] DISTINCT FROM b</c>: null-safe (in)equality.</summary>
internal sealed record IsDistinctFromExpression(Expression Left, Expression Right, bool Negated) : Expression;

/// <summary><c>x [NOT] BETWEEN [SYMMETRIC] low AND high</c> (ASYMMETRIC is the default and leaves no flag).</summary>
internal sealed record BetweenExpression(
    Expression Value, Expression Low, Expression High, bool Negated, bool Symmetric) : Expression;

/// <summary><c>x [NOT] IN (e1, e2, …)</c>: at least one item.</summary>
internal sealed record InListExpression(Expression Value, IReadOnlyList<Expression> Items, bool Negated) : Expression;

/// <summary><c>x [NOT] IN (subquery)</c>; x may be a <see cref="RowExpression"/>.</summary>
internal sealed record InSubqueryExpression(Expression Value, Query Subquery, bool Negated) : Expression;

/// <summary><c>EXISTS (subquery)</c> (NOT EXISTS is a <see cref="UnaryExpression"/> around it).</summary>
internal sealed record ExistsExpression(Query Subquery) : Expression;

/// <summary>A subquery used as a value: one column, at most one row (else 21000).</summary>
internal sealed record ScalarSubquery(Query Subquery) : Expression;

/// <summary>
/// <c>left op ANY|SOME|ALL (subquery)</c> or <c>left op ANY|ALL (array expression)</c>: exactly one of
/// <paramref name="Subquery"/> and <paramref name="Array"/> is set. <paramref name="Operator"/> is a
/// comparison (or any binary operator yielding boolean).
/// </summary>
internal sealed record QuantifiedComparison(
    Expression Left, BinaryOperator Operator, Quantifier Quantifier, Query? Subquery, Expression? Array)
    : Expression;

/// <summary>ANY (SOME is a synonym) or ALL.</summary>
internal enum Quantifier
{
    Any,
    All,
}
