using ReefDB.Sql.Errors;
using ReefDB.Sql.Functions;
using ReefDB.Sql.Types;
using static ReefDB.Sql.Tests.Functions.Typed;

namespace ReefDB.Sql.Tests.Functions;

// Expected results, result types (pg_typeof) and errors were produced by PostgreSQL 15.
public sealed class SqlOperatorsTests
{
    private static (string? Text, string Type) Eval(Typed left, string op, Typed right)
    {
        var resolved = SqlOperators.ResolveBinary(op, left.Type, right.Type);
        return (resolved.Evaluate(left.Value, right.Value).FormatText(), resolved.ResultType.Name);
    }

    private static string? Value(Typed left, string op, Typed right) => Eval(left, op, right).Text;

    private static SqlException Error(Typed left, string op, Typed right) =>
        Assert.Throws<SqlException>(() => Eval(left, op, right));

    [Fact]
    public void Arithmetic_result_types_follow_postgres_promotion()
    {
        Assert.Equal("double precision", Eval(Int(1), "+", Real(1)).Type);
        Assert.Equal("smallint", Eval(SmallInt(1), "+", SmallInt(1)).Type);
        Assert.Equal("integer", Eval(SmallInt(1), "+", Int(1)).Type);
        Assert.Equal("numeric", Eval(Int(1), "+", Num("1.5")).Type);
        Assert.Equal("double precision", Eval(Num("1.5"), "+", Float(1)).Type);
        Assert.Equal("double precision", Eval(Real(1), "*", Num("1.5")).Type);
        Assert.Equal("real", Eval(Real(1), "*", Real(1.5f)).Type);
        Assert.Equal("double precision", Eval(Int(2), "^", Int(3)).Type);
        Assert.Equal("numeric", Eval(Num("2.0"), "^", Int(3)).Type);
        Assert.Equal("integer", Eval(Int(5), "%", Int(3)).Type);
        Assert.Equal("numeric", Eval(Num("5.5"), "%", Int(2)).Type);
    }

    [Fact]
    public void Integer_arithmetic_truncates_and_checks_its_width()
    {
        Assert.Equal("3", Value(Int(7), "/", Int(2)));
        Assert.Equal("-3", Value(Int(-7), "/", Int(2)));
        Assert.Equal("1", Value(Int(7), "%", Int(-3)));
        Assert.Equal("-1", Value(Int(-7), "%", Int(3)));
        Assert.Equal("smallint out of range", Error(SmallInt(32767), "+", SmallInt(1)).Message);
        Assert.Equal("integer out of range", Error(Int(2147483647), "*", Int(2)).Message);
        var overflow = Error(BigInt(long.MaxValue), "+", Int(1));
        Assert.Equal(("22003", "bigint out of range"), (overflow.SqlState, overflow.Message));
        Assert.Equal("bigint out of range", Error(BigInt(long.MinValue), "/", Int(-1)).Message);
        Assert.Equal("0", Value(BigInt(long.MinValue), "%", Int(-1)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("%")]
    public void Division_by_zero_is_22012_for_every_type(string op)
    {
        foreach (var (left, right) in new[] { (Int(1), Int(0)), (Num("1.0"), Int(0)) })
        {
            var error = Error(left, op, right);
            Assert.Equal(("22012", "division by zero"), (error.SqlState, error.Message));
        }
        if (op == "/")
        {
            Assert.Equal("division by zero", Error(Int(1), "/", Float(0)).Message);
        }
    }

    [Fact]
    public void Numeric_arithmetic_is_exact_with_postgres_scales()
    {
        Assert.Equal("5.535", Value(Num("1.23"), "*", Num("4.5")));
        Assert.Equal("3.50", Value(Num("1.50"), "+", Int(2)));
        Assert.Equal("0.75", Value(Num("1.0"), "-", Num("0.25")));
        Assert.Equal("0.5", Value(Num("2.5"), "%", Int(1)));
        Assert.Equal("-1.5", Value(Num("-7.5"), "%", Int(2)));
        Assert.Equal("33.3333333333333333", Value(Num("100.0"), "/", Int(3)));
        Assert.Equal("0.000000333333333333333333", Value(Int(1), "/", Num("3000000.0")));
        Assert.Equal("17636684.142857142857", Value(Num("123456789.0"), "/", Int(7)));
        Assert.Equal("0.33333333333333333333", Value(Num("1"), "/", Int(3)));
        Assert.Equal("3.5000000000000000", Value(Num("7.0"), "/", Int(2)));
        Assert.Equal("2.5000000000000000", Value(Num("10.0"), "/", Int(4)));
    }

    [Fact]
    public void Powers_follow_postgres()
    {
        Assert.Equal("8", Value(Int(2), "^", Int(3)));
        Assert.Equal("8.0000000000000000", Value(Num("2.0"), "^", Int(3)));
        Assert.Equal("1.4142135623730950", Value(Int(2), "^", Num("0.5")));
        Assert.Equal("1.4142135623730951", Value(Int(2), "^", Float(0.5)));
        Assert.Equal("1.4142135623730950", Value(Num("2.0"), "^", Num("0.5")));
        Assert.Equal("1", Value(Int(0), "^", Int(0)));
        Assert.Equal("1.0000000000000000", Value(Num("0.0"), "^", Int(0)));
        Assert.Equal("0.2500000000000000", Value(Num("2.0"), "^", Int(-2)));
        Assert.Equal("0.25", Value(Int(2), "^", Int(-2)));
        Assert.Equal("2.2500000000000000", Value(Num("1.5"), "^", Int(2)));
        Assert.Equal("6.2500000000000000", Value(Num("2.5"), "^", Num("2.0")));
        Assert.Equal("0.0000000010000000", Value(Num("0.001"), "^", Int(3)));
        Assert.Equal("0.0010000000000000", Value(Num("10.0"), "^", Int(-3)));
        Assert.Equal("2201F", Error(Int(0), "^", Int(-1)).SqlState);
        Assert.Equal("zero raised to a negative power is undefined", Error(Num("0.0"), "^", Int(-1)).Message);
        Assert.Equal("a negative number raised to a non-integer power yields a complex result",
            Error(Int(-8), "^", Num("0.5")).Message);
        Assert.Equal("a negative number raised to a non-integer power yields a complex result",
            Error(Num("-8.0"), "^", Num("0.5")).Message);
        Assert.Equal("value out of range: overflow", Error(Float(1e300), "^", Int(2)).Message);
        Assert.Equal("value out of range: underflow", Error(Int(2), "^", Int(-1100)).Message);
    }

    [Fact]
    public void Float_arithmetic_raises_on_overflow_and_underflow_but_keeps_infinity()
    {
        Assert.Equal("value out of range: overflow", Error(Float(1e308), "+", Float(1e308)).Message);
        Assert.Equal("value out of range: underflow", Error(Float(1e-300), "*", Float(1e-300)).Message);
        Assert.Equal("value out of range: overflow", Error(Real(1e38f), "*", Real(10)).Message);
        Assert.Equal("9.999999680285692e+38", Value(Real(1e38f), "*", Int(10)));
        Assert.Equal("Infinity", Value(Float(double.PositiveInfinity), "+", Int(1)));
        Assert.Equal("NaN", Value(Float(double.PositiveInfinity), "-", Float(double.PositiveInfinity)));
        Assert.Equal("NaN", Value(Num("0.0"), "*", Float(double.PositiveInfinity)));
        Assert.Equal("0.30000000000000004", Value(Float(0.1), "+", Num("0.2")));
    }

    [Fact]
    public void Unknown_literals_take_the_other_operand_type()
    {
        Assert.Equal(("3", "integer"), Eval(Int(1), "+", Unknown("2")));
        Assert.Equal(("7.5", "numeric"), Eval(Unknown("3"), "*", Num("2.5")));
        var error = Error(Unknown("1"), "+", Unknown("2"));
        Assert.Equal(("42725", "operator is not unique: unknown + unknown"), (error.SqlState, error.Message));
        Assert.Equal("invalid input syntax for type integer: \"a\"", Error(Int(1), "=", Unknown("a")).Message);
    }

    [Fact]
    public void Date_arithmetic()
    {
        Assert.Equal(("2024-01-02", "date"), Eval(Date("2024-01-01"), "+", Int(1)));
        Assert.Equal("2023-12-31", Value(Date("2024-01-01"), "-", Int(1)));
        Assert.Equal(("29", "integer"), Eval(Date("2024-03-01"), "-", Date("2024-02-01")));
        Assert.Equal("2024-01-02", Value(Int(1), "+", Date("2024-01-01")));
        Assert.Equal("operator does not exist: timestamp without time zone + integer",
            Error(Timestamp("2024-01-01"), "+", Int(1)).Message);
    }

    [Fact]
    public void Missing_operators_are_42883()
    {
        var error = Error(Int(1), "||", Int(2));
        Assert.Equal(("42883", "operator does not exist: integer || integer"), (error.SqlState, error.Message));
        Assert.Equal("operator does not exist: double precision % integer", Error(Float(5.5), "%", Int(2)).Message);
        Assert.Equal("operator does not exist: integer = text", Error(Int(1), "=", Text("1")).Message);
        Assert.Equal("operator does not exist: - text", Assert.Throws<SqlException>(() => SqlOperators.ResolveUnary("-", SqlType.Text)).Message);
        var not = Assert.Throws<SqlException>(() => SqlOperators.ResolveUnary("NOT", SqlType.Integer));
        Assert.Equal(("42804", "argument of NOT must be type boolean, not type integer"), (not.SqlState, not.Message));
    }

    [Fact]
    public void Unary_plus_is_the_identity_on_every_type()
    {
        var plus = SqlOperators.ResolveUnary("+", SqlType.Text);
        Assert.Equal(("text", "abc"), (plus.ResultType.Name, plus.Evaluate(SqlValue.FromText("abc")).FormatText()));
        Assert.Equal("integer", SqlOperators.ResolveUnary("+", SqlType.Integer).ResultType.Name);
    }

    [Fact]
    public void Comparisons_compare_numbers_by_value_and_char_without_padding()
    {
        Assert.Equal("t", Value(Int(1), "<", Num("1.5")));
        Assert.Equal("t", Value(Int(1), "=", Float(1.0)));
        Assert.Equal("t", Value(Float(0.1), "=", Num("0.1")));
        Assert.Equal("f", Value(Unknown("a"), "<", Unknown("B")));
        Assert.Equal("t", Value(Char("a", 3), "=", Unknown("a  ")));
        Assert.Equal("t", Value(Char("a", 3), "=", Text("a")));
        Assert.Equal("f", Value(new Typed(SqlValue.FromText("a "), SqlType.VarCharUnbounded), "=", Unknown("a")));
        Assert.Equal("t", Value(Date("2024-01-01"), "<", Timestamp("2024-01-01 00:00:01")));
        Assert.Equal("t", Value(Date("2024-01-01"), "=", Unknown("2024-01-01")));
        Assert.Equal("t", Value(Int(2), "!=", Int(3)));
        Assert.Null(Value(Int(1), "=", Null(SqlType.Integer)));
        Assert.Equal(("boolean"), Eval(Int(1), ">=", Int(1)).Type);
    }

    [Fact]
    public void Concatenation_converts_the_non_text_side()
    {
        Assert.Equal("a1", Value(Unknown("a"), "||", Int(1)));
        Assert.Equal("1a", Value(Int(1), "||", Unknown("a")));
        Assert.Null(Value(Unknown("a"), "||", NullLiteral));
        Assert.Null(Value(Null(SqlType.Integer), "||", Unknown("a")));
        Assert.Equal("abc", Value(Char("ab", 3), "||", Unknown("c")));
        Assert.Equal("truex", Value(Bool(true), "||", Unknown("x")));
        Assert.Equal("text", Eval(new Typed(SqlValue.FromText("a"), SqlType.VarChar(3)), "||", Unknown("b")).Type);
    }

    [Fact]
    public void Logic_is_three_valued()
    {
        Assert.Equal("f", Value(NullLiteral, "AND", Bool(false)));
        Assert.Equal("t", Value(NullLiteral, "OR", Bool(true)));
        Assert.Null(Value(NullLiteral, "AND", Bool(true)));
        Assert.Null(Value(Bool(false), "OR", NullLiteral));
        Assert.Equal("t", Value(Bool(true), "AND", Unknown("yes")));
        Assert.Null(SqlOperators.ResolveUnary("NOT", SqlType.Boolean).Evaluate(SqlValue.Null).FormatText());
        Assert.Equal("f", SqlOperators.ResolveUnary("not", SqlType.Boolean).Evaluate(SqlValue.True).FormatText());
    }

    [Fact]
    public void Is_distinct_from_treats_null_as_a_value()
    {
        Assert.Equal("t", Value(NullLiteral, "IS DISTINCT FROM", Int(1)));
        Assert.Equal("f", Value(Int(1), "IS DISTINCT FROM", Num("1.0")));
        Assert.Equal("t", Value(Null(SqlType.Integer), "IS NOT DISTINCT FROM", Null(SqlType.Integer)));
        Assert.Equal("f", Value(Null(SqlType.Integer), "IS NOT DISTINCT FROM", Int(0)));
    }

    [Fact]
    public void Bit_operators_follow_c_semantics()
    {
        Assert.Equal("1", Value(Int(5), "&", Int(3)));
        Assert.Equal("7", Value(Int(5), "|", Int(3)));
        Assert.Equal("6", Value(Int(5), "#", Int(3)));
        Assert.Equal("16", Value(Int(1), "<<", Int(4)));
        Assert.Equal("-4", Value(Int(-16), ">>", Int(2)));
        Assert.Equal(("256", "integer"), Eval(Int(1), "<<", Int(40)));
        Assert.Equal("1099511627776", Value(BigInt(1), "<<", Int(40)));
        Assert.Equal("1", Value(Int(1), "<<", Int(32)));
        Assert.Equal("smallint", Eval(SmallInt(1), "<<", Int(2)).Type);
        Assert.Equal("-6", SqlOperators.ResolveUnary("~", SqlType.Integer).Evaluate(SqlValue.FromInt64(5)).FormatText());
    }

    [Fact]
    public void Unary_minus_checks_the_width()
    {
        var negate = SqlOperators.ResolveUnary("-", SqlType.Integer);
        Assert.Equal("integer out of range", Assert.Throws<SqlException>(() => negate.Evaluate(SqlValue.FromInt64(int.MinValue))).Message);
        Assert.Equal("2147483648", SqlOperators.ResolveUnary("-", SqlType.BigInt).Evaluate(SqlValue.FromInt64(-2147483648)).FormatText());
        Assert.Equal("-1.50", SqlOperators.ResolveUnary("-", SqlType.Numeric).Evaluate(SqlValue.FromNumeric(1.50m)).FormatText());
    }
}
