using static ReefDB.Sql.Tests.Syntax.ParserTestHelpers;

namespace ReefDB.Sql.Tests.Syntax;

/// <summary>Operator precedence and associativity as in PostgreSQL's manual, §4.1.6 (Table 4.2).</summary>
public sealed class ExpressionPrecedenceTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("1 - 2 - 3", "((1 - 2) - 3)")]
    [InlineData("2 ^ 3 ^ 2", "((2 ^ 3) ^ 2)")] // ^ is left-associative in PostgreSQL
    [InlineData("-2 ^ 2", "(-2 ^ 2)")] // unary minus binds tighter than ^: (-2)^2
    [InlineData("- x ^ 2", "((- x) ^ 2)")]
    [InlineData("2 * 3 ^ 2", "(2 * (3 ^ 2))")]
    [InlineData("a % b * c", "((a % b) * c)")]
    [InlineData("-x::int", "(- CAST(x AS INTEGER))")] // :: binds tighter than unary minus
    [InlineData("a || b + c", "(a || (b + c))")] // || is an "other" operator, looser than +
    [InlineData("a || b = c", "((a || b) = c)")]
    [InlineData("a @@ b AND c", "((a @@ b) AND c)")]
    [InlineData("a = 1 OR b = 2 AND c = 3", "((a = 1) OR ((b = 2) AND (c = 3)))")]
    [InlineData("NOT a = b", "(NOT (a = b))")] // NOT is looser than comparison
    [InlineData("NOT a AND b", "((NOT a) AND b)")]
    [InlineData("NOT NOT a", "(NOT (NOT a))")]
    [InlineData("a = NOT b", "(a = (NOT b))")]
    [InlineData("a IS NULL = b", "((a IS NULL) = b)")]
    [InlineData("a = b IS NULL", "((a = b) IS NULL)")] // IS is looser than comparison
    [InlineData("NOT a IS NULL", "(NOT (a IS NULL))")]
    [InlineData("a < b + 1", "(a < (b + 1))")]
    [InlineData("a LIKE b || 'x'", "(a LIKE (b || 'x'))")]
    [InlineData("a LIKE b = c", "((a LIKE b) = c)")] // LIKE binds tighter than =
    [InlineData("a BETWEEN 1 AND 2 AND c", "((a BETWEEN 1 AND 2) AND c)")]
    [InlineData("a NOT BETWEEN SYMMETRIC b + 1 AND c * 2", "(a NOT BETWEEN SYMMETRIC (b + 1) AND (c * 2))")]
    [InlineData("a IN (1, 2) = b", "((a IN (1, 2)) = b)")]
    [InlineData("a NOT IN (1) OR b", "((a NOT IN (1)) OR b)")]
    [InlineData("a IS DISTINCT FROM b + 1", "(a IS DISTINCT FROM (b + 1))")]
    [InlineData("a IS NOT DISTINCT FROM b = c", "(a IS NOT DISTINCT FROM (b = c))")]
    [InlineData("x ISNULL OR y NOTNULL", "((x IS NULL) OR (y IS NOT NULL))")]
    [InlineData("x IS NOT TRUE AND y IS UNKNOWN", "((x IS NOT TRUE) AND (y IS UNKNOWN))")]
    [InlineData("a NOT LIKE 'x%' ESCAPE '!'", "(a NOT LIKE 'x%' ESCAPE '!')")]
    [InlineData("a NOT ILIKE b", "(a NOT ILIKE b)")]
    [InlineData("a SIMILAR TO 'x'", "(a SIMILAR TO 'x')")]
    [InlineData("~ 1 + 2", "(~ (1 + 2))")]
    [InlineData("a & b | c # d", "(((a & b) | c) # d)")]
    [InlineData("a << 1 + 1", "(a << (1 + 1))")]
    [InlineData("a != b", "(a <> b)")]
    [InlineData("a = ANY (SELECT 1)", "(a = ANY (SELECT 1))")]
    [InlineData("a < ALL (SELECT x FROM t)", "(a < ALL (SELECT x FROM t))")]
    [InlineData("a>=-1", "(a >= -1)")]
    [InlineData("a<-1", "(a < -1)")] // a trailing - is not part of a multi-character operator
    [InlineData("a*-b", "(a * (- b))")]
    [InlineData("1 - -1", "(1 - -1)")]
    [InlineData("- - 1", "1")]
    [InlineData("-(1)", "-1")]
    public void Operators_bind_as_in_postgresql(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("a < b < c")]
    [InlineData("a = b = c")]
    [InlineData("a < b = c")]
    [InlineData("a LIKE b LIKE c")]
    public void Comparisons_are_not_associative(string sql) => Assert.Throws<Errors.SqlException>(() => Expr(sql));
}
