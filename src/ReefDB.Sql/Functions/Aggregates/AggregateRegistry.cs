using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions.Aggregates;

/// <summary>
/// The built-in aggregates with PostgreSQL's result types: count(*) and count(x) → bigint; sum(smallint|
/// integer) → bigint, sum(bigint|numeric) → numeric, sum(real) → real, sum(double) → double; avg of exact
/// numbers → numeric, of floats → double; min/max keep the argument type; string_agg(text, text) → text
/// (also bytea); bool_and/every and bool_or → boolean.
/// </summary>
internal static class AggregateRegistry
{
    private static readonly string[] Names = ["count", "sum", "avg", "min", "max", "string_agg", "bool_and", "bool_or", "every"];

    /// <summary>True when <paramref name="name"/> is an aggregate (the binder uses it to spot aggregate calls).</summary>
    public static bool IsAggregate(string name) => Names.Contains(name.ToLowerInvariant());

    /// <summary>
    /// Resolves an aggregate call; <paramref name="star"/> is <c>count(*)</c> (no arguments). 42883
    /// "function sum(text) does not exist" when the argument types do not fit.
    /// </summary>
    public static AggregateFunction Resolve(string name, IReadOnlyList<SqlType> argumentTypes, bool distinct = false, bool star = false)
    {
        var key = name.ToLowerInvariant();
        if (star)
        {
            return key == "count" ? new AggregateFunction(key, SqlType.BigInt, false, () => new CountRowsAccumulator())
                : throw new SqlException(SqlStates.WrongObjectType, $"{key}(*) must be used to call a parameterless aggregate function");
        }
        var types = argumentTypes.Select(t => t.Kind == SqlTypeKind.Unknown ? SqlType.Text : t).ToArray();
        var result = (key, types.Length) switch
        {
            ("count", 1) => new AggregateFunction(key, SqlType.BigInt, distinct, () => new CountAccumulator()),
            ("sum", 1) => Sum(key, types[0], distinct, average: false),
            ("avg", 1) => Sum(key, types[0], distinct, average: true),
            ("min" or "max", 1) => Extreme(key, types[0], distinct),
            ("string_agg", 2) => StringAgg(key, types, distinct),
            ("bool_and" or "every" or "bool_or", 1) when types[0].Kind == SqlTypeKind.Boolean =>
                new AggregateFunction(key, SqlType.Boolean, distinct, () => new BoolAccumulator(key != "bool_or")),
            _ => null,
        };
        return result ?? throw new SqlException(SqlStates.UndefinedFunction,
            $"function {key}({string.Join(", ", argumentTypes.Select(t => t.Name))}) does not exist");
    }

    private static AggregateFunction? Sum(string name, SqlType type, bool distinct, bool average)
    {
        return type.Kind switch
        {
            SqlTypeKind.Int16 or SqlTypeKind.Int32 when !average =>
                new AggregateFunction(name, SqlType.BigInt, distinct, () => new IntegerSumAccumulator()),
            SqlTypeKind.Int16 or SqlTypeKind.Int32 or SqlTypeKind.Int64 or SqlTypeKind.Numeric =>
                new AggregateFunction(name, SqlType.Numeric, distinct, () => new NumericSumAccumulator(average)),
            SqlTypeKind.Float32 => new AggregateFunction(name, average ? SqlType.Double : SqlType.Real, distinct,
                () => new FloatSumAccumulator(average, real: true)),
            SqlTypeKind.Float64 => new AggregateFunction(name, SqlType.Double, distinct, () => new FloatSumAccumulator(average, real: false)),
            _ => null,
        };
    }

    private static AggregateFunction? Extreme(string name, SqlType type, bool distinct)
    {
        if (type.Kind is SqlTypeKind.TsVector or SqlTypeKind.TsQuery or SqlTypeKind.Interval)
        {
            return null;
        }
        var compare = SqlOperators.Comparer("<", type, type);
        var sign = name == "max" ? 1 : -1;
        return new AggregateFunction(name, type.WithoutModifiers, distinct, () => new ExtremeAccumulator(compare, sign));
    }

    private static AggregateFunction? StringAgg(string name, SqlType[] types, bool distinct)
    {
        if (types[0].Kind == SqlTypeKind.Bytea && types[1].Kind == SqlTypeKind.Bytea)
        {
            return new AggregateFunction(name, SqlType.Bytea, distinct, () => new ByteaAggAccumulator());
        }
        if (!types[0].IsString || !types[1].IsString)
        {
            return null;
        }
        var text = SqlOperators.ToTextConverter(types[0]);
        return new AggregateFunction(name, SqlType.Text, distinct, () => new StringAggAccumulator(text));
    }
}
