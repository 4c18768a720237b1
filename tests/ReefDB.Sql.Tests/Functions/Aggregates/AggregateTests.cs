using ReefDB.Sql.Errors;
using ReefDB.Sql.Functions.Aggregates;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Functions.Aggregates;

// Expected values and types were produced by PostgreSQL 15 over VALUES lists.
public sealed class AggregateTests
{
    private static (string? Value, string Type) Run(string name, SqlType type, bool distinct, params SqlValue[] values)
    {
        var aggregate = AggregateRegistry.Resolve(name, [type], distinct);
        var accumulator = aggregate.CreateAccumulator();
        foreach (var value in values)
        {
            accumulator.Add([value]);
        }
        return (accumulator.Result().FormatText(), aggregate.ResultType.Name);
    }

    private static SqlValue I(long v) => SqlValue.FromInt64(v);

    private static SqlValue N(decimal v) => SqlValue.FromNumeric(v);

    [Fact]
    public void Sum_and_avg_types_follow_postgres()
    {
        Assert.Equal(("3", "bigint"), Run("sum", SqlType.Integer, false, I(1), I(2)));
        Assert.Equal(("1.5000000000000000", "numeric"), Run("avg", SqlType.Integer, false, I(1), I(2)));
        Assert.Equal(("1.6666666666666667", "numeric"), Run("avg", SqlType.Integer, false, I(1), I(2), I(2)));
        Assert.Equal(("4.0", "numeric"), Run("sum", SqlType.Numeric, false, N(1.5m), N(2.5m)));
        Assert.Equal(("2.0000000000000000", "numeric"), Run("avg", SqlType.Numeric, false, N(1.5m), N(2.5m)));
        Assert.Equal(("6.75", "numeric"), Run("sum", SqlType.Numeric, false, N(1.25m), N(2.5m), N(3.0m)));
        Assert.Equal(("2.2500000000000000", "numeric"), Run("avg", SqlType.Numeric, false, N(1.25m), N(2.5m), N(3.0m)));
        Assert.Equal(("3", "real"), Run("sum", SqlType.Real, false, SqlValue.FromReal(1), SqlValue.FromReal(2)));
        Assert.Equal(("1.5", "double precision"), Run("avg", SqlType.Real, false, SqlValue.FromReal(1), SqlValue.FromReal(2)));
        Assert.Equal(("9223372036854775808", "numeric"), Run("sum", SqlType.BigInt, false, I(long.MaxValue), I(1)));
    }

    [Fact]
    public void Empty_and_all_null_groups()
    {
        Assert.Equal((null, "bigint"), Run("sum", SqlType.Integer, false, SqlValue.Null));
        Assert.Null(Run("avg", SqlType.Integer, false).Value);
        Assert.Null(Run("max", SqlType.Integer, false, SqlValue.Null).Value);
        Assert.Equal("0", Run("count", SqlType.Integer, false, SqlValue.Null).Value);
        var star = AggregateRegistry.Resolve("count", [], star: true).CreateAccumulator();
        star.Add([]);
        Assert.Equal("1", star.Result().FormatText());
    }

    [Fact]
    public void Overflow_is_an_error()
    {
        var error = Assert.Throws<SqlException>(() => Run("sum", SqlType.Double, false, SqlValue.FromDouble(1e308), SqlValue.FromDouble(1e308)));
        Assert.Equal(("22003", "value out of range: overflow"), (error.SqlState, error.Message));
    }

    [Fact]
    public void Min_max_string_agg_and_booleans()
    {
        var texts = new[] { SqlValue.FromText("b"), SqlValue.FromText("a"), SqlValue.FromText("b"), SqlValue.Null };
        Assert.Equal(("a", "text"), Run("min", SqlType.Text, false, texts));
        Assert.Equal("b", Run("max", SqlType.Text, false, texts).Value);
        Assert.Equal("2", Run("count", SqlType.Text, true, texts).Value);
        Assert.Equal("2.5", Run("max", SqlType.Numeric, false, N(1m), N(2.5m), N(-3m)).Value);

        var agg = AggregateRegistry.Resolve("string_agg", [SqlType.Text, SqlType.Unknown], distinct: true).CreateAccumulator();
        var plain = AggregateRegistry.Resolve("string_agg", [SqlType.Text, SqlType.Text]).CreateAccumulator();
        foreach (var t in texts)
        {
            agg.Add([t, SqlValue.FromText(",")]);
            plain.Add([t, SqlValue.Null]);
        }
        Assert.Equal("a,b", agg.Result().FormatText());
        Assert.Equal("bab", plain.Result().FormatText());

        var booleans = new[] { SqlValue.True, SqlValue.False, SqlValue.Null };
        Assert.Equal(("f", "boolean"), Run("bool_and", SqlType.Boolean, false, booleans));
        Assert.Equal("t", Run("bool_or", SqlType.Boolean, false, booleans).Value);
        Assert.Equal("t", Run("every", SqlType.Boolean, false, SqlValue.True).Value);
        Assert.Null(Run("bool_or", SqlType.Boolean, false, SqlValue.Null).Value);
    }

    [Fact]
    public void Distinct_sums_each_value_once()
    {
        Assert.Equal("3", Run("sum", SqlType.Integer, true, I(1), I(2), I(2), I(1), SqlValue.Null).Value);
        Assert.Equal("1.5000000000000000", Run("avg", SqlType.Integer, true, I(1), I(2), I(2)).Value);
    }

    [Fact]
    public void Type_errors_are_42883()
    {
        var error = Assert.Throws<SqlException>(() => AggregateRegistry.Resolve("sum", [SqlType.Text]));
        Assert.Equal(("42883", "function sum(text) does not exist"), (error.SqlState, error.Message));
        Assert.True(AggregateRegistry.IsAggregate("COUNT"));
        Assert.False(AggregateRegistry.IsAggregate("lower"));
    }
}
