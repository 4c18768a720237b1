using ReefDB.Sql.Errors;
using ReefDB.Sql.Functions;
using ReefDB.Sql.Types;
using static ReefDB.Sql.Tests.Functions.FunctionTestKit;
using static ReefDB.Sql.Tests.Functions.Typed;

namespace ReefDB.Sql.Tests.Functions;

// Result types are pg_typeof(...) in PostgreSQL 15.
public sealed class FunctionRegistryTests
{
    [Fact]
    public void Overloads_resolve_like_postgres()
    {
        Assert.Equal("double precision", ResultType("round", Int(1)));
        Assert.Equal("integer", ResultType("abs", Int(1)));
        Assert.Equal("numeric", ResultType("abs", Num("1.5")));
        Assert.Equal("double precision", ResultType("ceil", Int(1)));
        Assert.Equal("numeric", ResultType("floor", Num("1.5")));
        Assert.Equal("double precision", ResultType("trunc", Int(1)));
        Assert.Equal("double precision", ResultType("sqrt", Int(2)));
        Assert.Equal("double precision", ResultType("power", Int(2), Int(3)));
        Assert.Equal("integer", ResultType("mod", Int(5), Int(3)));
        Assert.Equal("double precision", ResultType("sign", Int(-2)));
        Assert.Equal("double precision", ResultType("abs", Unknown("1")));
        Assert.Equal("real", ResultType("abs", Real(1)));
        Assert.Equal("double precision", ResultType("round", Real(2.5f)));
        Assert.Equal("numeric", ResultType("greatest", Int(1), Num("2.5")));
    }

    [Fact]
    public void Unknown_functions_and_signatures_are_42883()
    {
        var error = Assert.Throws<SqlException>(() => Resolve("foo", Int(1)));
        Assert.Equal(("42883", "function foo(integer) does not exist"), (error.SqlState, error.Message));
        Assert.Equal("function lower(integer) does not exist", Assert.Throws<SqlException>(() => Resolve("lower", Int(1))).Message);
        Assert.True(FunctionRegistry.Exists("LOWER"));
        Assert.False(FunctionRegistry.Exists("nope"));
    }

    [Fact]
    public void Strict_functions_return_null_for_null_arguments()
    {
        Assert.True(Call("lower", Null(SqlType.Text)).IsNull);
        Assert.True(Call("round", Num("1.5"), Null(SqlType.Integer)).IsNull);
    }

    [Fact]
    public void Coalesce_greatest_least_nullif()
    {
        Assert.Equal("2", Eval("coalesce", NullLiteral, Int(2), Int(3)));
        Assert.Equal("3.5", Eval("greatest", Int(1), Null(SqlType.Integer), Num("3.5")));
        Assert.Equal("a", Eval("least", Unknown("b"), Unknown("a"), NullLiteral));
        Assert.Null(Eval("nullif", Int(1), Int(1)));
        Assert.Equal("1", Eval("nullif", Int(1), Int(2)));
        Assert.Null(Eval("coalesce", NullLiteral, NullLiteral));
        var error = Assert.Throws<SqlException>(() => Eval("greatest", Int(1), Unknown("a")));
        Assert.Equal(("22P02", "invalid input syntax for type integer: \"a\""), (error.SqlState, error.Message));
        Assert.Equal("COALESCE types integer and text cannot be matched",
            Assert.Throws<SqlException>(() => Resolve("coalesce", Int(1), Text("a"))).Message);
    }

    [Fact]
    public void Time_and_randomness_come_only_from_the_context()
    {
        Assert.Equal("2024-02-15 13:14:15.5", Eval("now"));
        Assert.Equal("2024-02-15 13:14:15.5", Eval("current_timestamp"));
        Assert.Equal("2024-02-15 13:14:15.5", Eval("statement_timestamp"));
        Assert.Equal("2024-02-15", Eval("current_date"));
        Assert.True(Resolve("random").IsVolatile);
        Assert.False(Resolve("lower", Text("a")).IsVolatile);

        var a = new FunctionContext(0, 7);
        var b = new FunctionContext(0, 7);
        var random = Resolve("random");
        var uuid = Resolve("gen_random_uuid");
        for (var i = 0; i < 100; i++)
        {
            var x = random.Invoke([], a).AsDouble;
            Assert.Equal(x, random.Invoke([], b).AsDouble);
            Assert.InRange(x, 0.0, 0.9999999999999999);
            Assert.Equal(uuid.Invoke([], a), uuid.Invoke([], b));
        }
        var version = uuid.Invoke([], a).FormatText()!;
        Assert.Equal('4', version[14]);
        Assert.Contains(version[19], "89ab");
        Assert.NotEqual(random.Invoke([], new FunctionContext(0, 8)).AsDouble, random.Invoke([], new FunctionContext(0, 7)).AsDouble);
    }

    [Fact]
    public void Setseed_restarts_the_sequence_and_checks_its_range()
    {
        var context = new FunctionContext(0, 1);
        var setseed = Resolve("setseed", Float(0.5));
        var random = Resolve("random");
        setseed.Invoke([SqlValue.FromDouble(0.5)], context);
        var first = random.Invoke([], context).AsDouble;
        setseed.Invoke([SqlValue.FromDouble(0.5)], context);
        Assert.Equal(first, random.Invoke([], context).AsDouble);
        var error = Assert.Throws<SqlException>(() => setseed.Invoke([SqlValue.FromDouble(2)], context));
        Assert.Equal(("22023", "setseed parameter 2 is out of allowed range [-1,1]"), (error.SqlState, error.Message));
    }
}
