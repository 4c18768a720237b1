using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal static partial class SqlOps
{
    public static AggregateBinding Aggregate(string name, IReadOnlyList<SqlType> args, bool star)
    {
        SqlType Arg(int i) => i < args.Count ? (args[i].Kind == SqlTypeKind.Unknown ? SqlType.Text : args[i]) : SqlType.Text;
        if (star)
        {
            return name == "count"
                ? new([], SqlType.BigInt, () => new CountAccumulator())
                : throw new SqlException(SqlStates.WrongObjectType, $"{name}(*) is not allowed");
        }

        return (name, args.Count) switch
        {
            ("count", 1) => new([Arg(0)], SqlType.BigInt, () => new CountAccumulator()),
            ("sum", 1) when Arg(0).IsNumeric => new([Arg(0)], Arg(0).IsInteger ? (Arg(0).Kind == SqlTypeKind.Int64 ? SqlType.Numeric : SqlType.BigInt) : Arg(0).WithoutModifiers,
                () => new SumAccumulator(Arg(0), false)),
            ("avg", 1) when Arg(0).IsNumeric => new([Arg(0)], Arg(0).IsFloat ? SqlType.Double : SqlType.Numeric, () => new SumAccumulator(Arg(0), true)),
            ("min" or "max", 1) => new([Arg(0)], Arg(0), () => new ExtremeAccumulator(name == "max")),
            ("bool_and" or "every", 1) => new([SqlType.Boolean], SqlType.Boolean, () => new BoolAccumulator(true)),
            ("bool_or", 1) => new([SqlType.Boolean], SqlType.Boolean, () => new BoolAccumulator(false)),
            ("string_agg", 2) => new([SqlType.Text, SqlType.Text], SqlType.Text, () => new StringAggAccumulator()),
            _ => throw new SqlException(SqlStates.UndefinedFunction, $"function {name}({string.Join(", ", args.Select(a => a.Name))}) does not exist"),
        };
    }

    private sealed class CountAccumulator : IAggregateAccumulator
    {
        private long count;

        public void Add(ReadOnlySpan<SqlValue> arguments)
        {
            if (arguments.Length == 0 || !arguments[0].IsNull)
            {
                count++;
            }
        }

        public SqlValue Result() => SqlValue.FromInt64(count);
    }

    private sealed class SumAccumulator(SqlType type, bool average) : IAggregateAccumulator
    {
        private decimal exact;
        private double floating;
        private long count;

        public void Add(ReadOnlySpan<SqlValue> arguments)
        {
            var v = arguments[0];
            if (v.IsNull)
            {
                return;
            }

            count++;
            if (type.IsFloat)
            {
                floating += v.ToDouble();
            }
            else
            {
                try
                {
                    exact += ToDecimal(v);
                }
                catch (OverflowException)
                {
                    throw new SqlException(SqlStates.NumericValueOutOfRange, "value overflows numeric format");
                }
            }
        }

        public SqlValue Result()
        {
            if (count == 0)
            {
                return SqlValue.Null;
            }

            if (type.IsFloat)
            {
                var f = average ? floating / count : floating;
                return type.Kind == SqlTypeKind.Float32 && !average ? SqlValue.FromReal((float)f) : SqlValue.FromDouble(f);
            }

            if (average)
            {
                return SqlValue.FromNumeric(exact / count);
            }

            return type.Kind is SqlTypeKind.Int16 or SqlTypeKind.Int32 ? SqlValue.FromInt64((long)exact) : SqlValue.FromNumeric(exact);
        }
    }

    private sealed class ExtremeAccumulator(bool max) : IAggregateAccumulator
    {
        private SqlValue best;

        public void Add(ReadOnlySpan<SqlValue> arguments)
        {
            var v = arguments[0];
            if (!v.IsNull && (best.IsNull || (max ? SqlValue.Compare(v, best) > 0 : SqlValue.Compare(v, best) < 0)))
            {
                best = v;
            }
        }

        public SqlValue Result() => best;
    }

    private sealed class BoolAccumulator(bool all) : IAggregateAccumulator
    {
        private bool? state;

        public void Add(ReadOnlySpan<SqlValue> arguments)
        {
            if (!arguments[0].IsNull)
            {
                state = all ? (state ?? true) && arguments[0].AsBoolean : (state ?? false) || arguments[0].AsBoolean;
            }
        }

        public SqlValue Result() => SqlValue.FromBoolean(state);
    }

    private sealed class StringAggAccumulator : IAggregateAccumulator
    {
        private System.Text.StringBuilder? text;

        public void Add(ReadOnlySpan<SqlValue> arguments)
        {
            if (arguments[0].IsNull)
            {
                return;
            }

            if (text is null)
            {
                text = new System.Text.StringBuilder(arguments[0].AsText);
            }
            else
            {
                text.Append(arguments[1].IsNull ? string.Empty : arguments[1].AsText).Append(arguments[0].AsText);
            }
        }

        public SqlValue Result() => text is null ? SqlValue.Null : SqlValue.FromText(text.ToString());
    }
}
