using System.Text;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions.Aggregates;

/// <summary>count(*): every row.</summary>
internal sealed class CountRowsAccumulator : IAggregateAccumulator
{
    private long count;

    public void Add(ReadOnlySpan<SqlValue> arguments) => count++;

    public SqlValue Result() => SqlValue.FromInt64(count);
}

/// <summary>count(x): rows where x is not NULL.</summary>
internal sealed class CountAccumulator : IAggregateAccumulator
{
    private long count;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        if (!arguments[0].IsNull)
        {
            count++;
        }
    }

    public SqlValue Result() => SqlValue.FromInt64(count);
}

/// <summary>sum(smallint|integer) → bigint, 22003 "bigint out of range" on overflow.</summary>
internal sealed class IntegerSumAccumulator : IAggregateAccumulator
{
    private long sum;
    private bool any;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        if (!arguments[0].IsNull)
        {
            sum = IntegerMath.Add(sum, arguments[0].AsInt64, SqlTypeKind.Int64);
            any = true;
        }
    }

    public SqlValue Result() => any ? SqlValue.FromInt64(sum) : SqlValue.Null;
}

/// <summary>
/// sum and avg over exact numbers (bigint and numeric sums, integer and numeric averages), in decimal.
/// avg divides with numeric division's result scale.
/// </summary>
internal sealed class NumericSumAccumulator(bool average) : IAggregateAccumulator
{
    private decimal sum;
    private long count;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        var value = arguments[0];
        if (!value.IsNull)
        {
            sum = NumericMath.Add(sum, SqlOperators.ToDecimal(value));
            count++;
        }
    }

    public SqlValue Result() => count == 0 ? SqlValue.Null
        : SqlValue.FromNumeric(average ? NumericMath.Divide(sum, count) : sum);
}

/// <summary>sum/avg over real and double: sum(real) is real, the rest double; overflow is 22003.</summary>
internal sealed class FloatSumAccumulator(bool average, bool real) : IAggregateAccumulator
{
    private double sum;
    private long count;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        var value = arguments[0];
        if (!value.IsNull)
        {
            sum = real && !average ? FloatMath.Add((float)sum, (float)value.AsDouble) : FloatMath.Add(sum, value.ToDouble());
            count++;
        }
    }

    public SqlValue Result()
    {
        if (count == 0)
        {
            return SqlValue.Null;
        }
        if (average)
        {
            return SqlValue.FromDouble(sum / count);
        }
        return real ? SqlValue.FromReal((float)sum) : SqlValue.FromDouble(sum);
    }
}

/// <summary>min/max by a type's comparison (numbers by value, text by code point); NULLs ignored.</summary>
internal sealed class ExtremeAccumulator(Func<SqlValue, SqlValue, int> compare, int sign) : IAggregateAccumulator
{
    private SqlValue best;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        var value = arguments[0];
        if (!value.IsNull && (best.IsNull || compare(value, best) * sign > 0))
        {
            best = value;
        }
    }

    public SqlValue Result() => best;
}

/// <summary>string_agg(text, separator): NULL values skipped; the separator before each value but the first.</summary>
internal sealed class StringAggAccumulator(Func<SqlValue, string> text) : IAggregateAccumulator
{
    private StringBuilder? builder;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        if (arguments[0].IsNull)
        {
            return;
        }
        if (builder is null)
        {
            builder = new StringBuilder();
        }
        else if (!arguments[1].IsNull)
        {
            builder.Append(text(arguments[1]));
        }
        builder.Append(text(arguments[0]));
    }

    public SqlValue Result() => builder is null ? SqlValue.Null : SqlValue.FromText(builder.ToString());
}

/// <summary>string_agg(bytea, bytea).</summary>
internal sealed class ByteaAggAccumulator : IAggregateAccumulator
{
    private List<byte>? bytes;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        if (arguments[0].IsNull)
        {
            return;
        }
        if (bytes is null)
        {
            bytes = [];
        }
        else if (!arguments[1].IsNull)
        {
            bytes.AddRange(arguments[1].AsBytes);
        }
        bytes.AddRange(arguments[0].AsBytes);
    }

    public SqlValue Result() => bytes is null ? SqlValue.Null : SqlValue.FromBytea([.. bytes]);
}

/// <summary>bool_and (every) / bool_or: NULLs ignored, NULL for no input.</summary>
internal sealed class BoolAccumulator(bool isAnd) : IAggregateAccumulator
{
    private bool? state;

    public void Add(ReadOnlySpan<SqlValue> arguments)
    {
        var value = arguments[0];
        if (!value.IsNull)
        {
            state = isAnd ? (state ?? true) && value.AsBoolean : (state ?? false) || value.AsBoolean;
        }
    }

    public SqlValue Result() => SqlValue.FromBoolean(state);
}
