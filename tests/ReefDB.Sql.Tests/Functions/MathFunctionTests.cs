using ReefDB.Sql.Errors;
using static ReefDB.Sql.Tests.Functions.FunctionTestKit;
using static ReefDB.Sql.Tests.Functions.Typed;

namespace ReefDB.Sql.Tests.Functions;

// Expected values and errors were produced by PostgreSQL 15.
public sealed class MathFunctionTests
{
    private static SqlException Fails(string name, params Typed[] args) => Assert.Throws<SqlException>(() => Eval(name, args));

    [Fact]
    public void Rounding_functions()
    {
        Assert.Equal("3", Eval("round", Num("2.5")));
        Assert.Equal("-3", Eval("round", Num("-2.5")));
        Assert.Equal("2", Eval("round", Float(2.5)));
        Assert.Equal("4", Eval("round", Float(3.5)));
        Assert.Equal("-0", Eval("round", Float(-0.5)));
        Assert.Equal("1.23", Eval("round", Num("1.2345"), Int(2)));
        Assert.Equal("1200", Eval("round", Num("1234.5"), Int(-2)));
        Assert.Equal("1.00", Eval("round", Num("1"), Int(2)));
        Assert.Equal("-1", Eval("trunc", Num("-1.7")));
        Assert.Equal("1.78", Eval("trunc", Num("1.789"), Int(2)));
        Assert.Equal("-1", Eval("trunc", Float(-1.5)));
        Assert.Equal("-1", Eval("ceil", Num("-1.5")));
        Assert.Equal("-2", Eval("floor", Num("-1.5")));
        Assert.Equal("2", Eval("ceiling", Float(1.2)));
        Assert.Equal("-0", Eval("ceil", Float(-0.5)));
        Assert.Equal("-1", Eval("sign", Num("-2.5")));
        Assert.Equal("0", Eval("sign", Int(0)));
    }

    [Fact]
    public void Integer_functions_check_their_width()
    {
        Assert.Equal("-1", Eval("mod", Int(-7), Int(3)));
        Assert.Equal("1.5", Eval("mod", Num("7.5"), Int(2)));
        Assert.Equal("3", Eval("div", Int(7), Int(2)));
        Assert.Equal("-3", Eval("div", Num("-7.5"), Int(2)));
        Assert.Equal("6", Eval("gcd", Int(12), Int(18)));
        Assert.Equal("0", Eval("gcd", Int(0), Int(0)));
        Assert.Equal("6", Eval("gcd", Int(-12), Int(18)));
        Assert.Equal("12", Eval("lcm", Int(4), Int(6)));
        Assert.Equal("12", Eval("lcm", Int(-4), Int(6)));
        Assert.Equal("0", Eval("lcm", Int(0), Int(5)));
        Assert.Equal("2.5", Eval("gcd", Num("12.5"), Int(5)));
        Assert.Equal("1.50", Eval("abs", Num("-1.50")));
        Assert.Equal("integer out of range", Fails("lcm", Int(2147483647), Int(2147483646)).Message);
        Assert.Equal("smallint out of range", Fails("abs", SmallInt(-32768)).Message);
        Assert.Equal("division by zero", Fails("mod", Int(5), Int(0)).Message);
        Assert.Equal("division by zero", Fails("div", Int(5), Int(0)).Message);
    }

    [Fact]
    public void Transcendental_functions_on_double()
    {
        Assert.Equal("3.141592653589793", Eval("pi"));
        Assert.Equal("57.29577951308232", Eval("degrees", Int(1)));
        Assert.Equal("3.141592653589793", Eval("radians", Int(180)));
        Assert.Equal("0.8414709848078965", Eval("sin", Int(1)));
        Assert.Equal("1", Eval("cos", Int(0)));
        Assert.Equal("1.5574077246549023", Eval("tan", Int(1)));
        Assert.Equal("1.5707963267948966", Eval("asin", Int(1)));
        Assert.Equal("0.7853981633974483", Eval("atan2", Int(1), Int(1)));
        Assert.Equal("0.6420926159343306", Eval("cot", Int(1)));
        Assert.Equal("3.0000000000000004", Eval("cbrt", Int(27)));
        Assert.Equal("-2", Eval("cbrt", Int(-8)));
        Assert.Equal("2.718281828459045", Eval("exp", Int(1)));
        Assert.Equal("0.6931471805599453", Eval("ln", Int(2)));
        Assert.Equal("2", Eval("log", Int(100)));
        Assert.Equal("3", Eval("log10", Int(1000)));
        Assert.Equal("1.4142135623730951", Eval("sqrt", Int(2)));
        Assert.Equal("1024", Eval("power", Int(2), Int(10)));
        Assert.Equal(("22003", "input is out of range"), (Fails("asin", Int(2)).SqlState, Fails("asin", Int(2)).Message));
        Assert.Equal("value out of range: overflow", Fails("exp", Int(1000)).Message);
        Assert.Equal("value out of range: underflow", Fails("exp", Int(-1000)).Message);
        Assert.Equal(("2201F", "cannot take square root of a negative number"), (Fails("sqrt", Float(-1)).SqlState, Fails("sqrt", Float(-1)).Message));
        Assert.Equal(("2201E", "cannot take logarithm of zero"), (Fails("ln", Float(0)).SqlState, Fails("ln", Float(0)).Message));
        Assert.Equal("cannot take logarithm of a negative number", Fails("log", Int(-1)).Message);
    }

    [Fact]
    public void Transcendental_functions_on_numeric_keep_postgres_scales()
    {
        Assert.Equal("2.000000000000000", Eval("sqrt", Num("4.0")));
        Assert.Equal("1.414213562373095", Eval("sqrt", Num("2.0")));
        Assert.Equal("1000.0000000000000", Eval("sqrt", Num("1000000.0")));
        Assert.Equal("0.01000000000000000", Eval("sqrt", Num("0.0001")));
        Assert.Equal("2.7182818284590452", Eval("exp", Num("1.0")));
        Assert.Equal("12.182493960703473", Eval("exp", Num("2.5")));
        Assert.Equal("1.0000000000000000", Eval("exp", Num("0.0")));
        Assert.Equal("0.6931471805599453", Eval("ln", Num("2.0")));
        Assert.Equal("2.3025850929940457", Eval("ln", Num("10.0")));
        Assert.Equal("0.00009999500033330834", Eval("ln", Num("1.0001")));
        Assert.Equal("13.815510557964274", Eval("ln", Num("1000000.0")));
        Assert.Equal("0.0000000000000000", Eval("ln", Num("1.0")));
        Assert.Equal("2.0000000000000000", Eval("log", Num("100.0")));
        Assert.Equal("6.000000000000000", Eval("log", Num("1000000.0")));
        Assert.Equal("3.0000000000000000", Eval("log", Num("2.0"), Int(8)));
        Assert.Equal("1024.0000000000000000", Eval("power", Num("2.0"), Int(10)));
        Assert.Equal("1.4142135623730950", Eval("power", Int(2), Num("0.5")));
    }

    [Fact]
    public void Width_bucket()
    {
        Assert.Equal("3", Eval("width_bucket", Num("5.35"), Num("0.024"), Num("10.06"), Int(5)));
        Assert.Equal("0", Eval("width_bucket", Int(-1), Int(0), Int(10), Int(5)));
        Assert.Equal("6", Eval("width_bucket", Int(11), Int(0), Int(10), Int(5)));
        Assert.Equal(("2201G", "count must be greater than zero"),
            (Fails("width_bucket", Int(1), Int(0), Int(10), Int(0)).SqlState, Fails("width_bucket", Int(1), Int(0), Int(10), Int(0)).Message));
    }
}
