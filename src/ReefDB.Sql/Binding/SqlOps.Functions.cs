using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal static partial class SqlOps
{
    public static FunctionBinding Function(string name, IReadOnlyList<SqlType> args)
    {
        SqlType Arg(int i) => i < args.Count ? (args[i].Kind == SqlTypeKind.Unknown ? SqlType.Text : args[i]) : SqlType.Text;
        FunctionBinding Text1(Func<string, string> f) =>
            new([SqlType.Text], SqlType.Text, (a, _) => a[0].IsNull ? a[0] : SqlValue.FromText(f(a[0].AsText)), false);
        FunctionBinding? found = args.Any(a => a.Kind is SqlTypeKind.TsVector or SqlTypeKind.TsQuery) ? null : (name, args.Count) switch
        {
            ("abs", 1) => new([Arg(0)], Arg(0), (a, _) => a[0].IsNull ? a[0] : a[0].Kind switch
            {
                SqlValueKind.Int64 => SqlValue.FromInt64(a[0].AsInt64 == long.MinValue ? throw new SqlException(SqlStates.NumericValueOutOfRange, "bigint out of range") : Math.Abs(a[0].AsInt64)),
                SqlValueKind.Numeric => SqlValue.FromNumeric(Math.Abs(a[0].AsNumeric)),
                _ => SqlValue.FromDouble(Math.Abs(a[0].AsDouble)),
            }, false),
            ("lower", 1) => Text1(s => s.ToLowerInvariant()),
            ("upper", 1) => Text1(s => s.ToUpperInvariant()),
            ("length" or "char_length" or "character_length", 1) =>
                new([SqlType.Text], SqlType.Integer, (a, _) => a[0].IsNull ? a[0] : SqlValue.FromInt64(a[0].AsText.Length), false),
            ("btrim" or "trim", 1) => Text1(s => s.Trim(' ')),
            ("ltrim", 1) => Text1(s => s.TrimStart(' ')),
            ("rtrim", 1) => Text1(s => s.TrimEnd(' ')),
            ("replace", 3) => new([SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text,
                (a, _) => a[0].IsNull || a[1].IsNull || a[2].IsNull ? SqlValue.Null
                    : SqlValue.FromText(a[1].AsText.Length == 0 ? a[0].AsText : a[0].AsText.Replace(a[1].AsText, a[2].AsText, StringComparison.Ordinal)), false),
            ("substring" or "substr", 2 or 3) => new(args.Count == 2 ? [SqlType.Text, SqlType.BigInt] : [SqlType.Text, SqlType.BigInt, SqlType.BigInt], SqlType.Text,
                (a, _) => a.Any(x => x.IsNull) ? SqlValue.Null : SqlValue.FromText(Substring(a[0].AsText, a[1].AsInt64, a.Length > 2 ? a[2].AsInt64 : null)), false),
            ("round", 1) => new([Arg(0).IsInteger ? SqlType.Numeric : Arg(0)], Arg(0).Kind == SqlTypeKind.Float64 || Arg(0).Kind == SqlTypeKind.Float32 ? SqlType.Double : SqlType.Numeric,
                (a, _) => a[0].IsNull ? a[0] : a[0].Kind == SqlValueKind.Numeric
                    ? SqlValue.FromNumeric(Math.Round(a[0].AsNumeric, 0, MidpointRounding.AwayFromZero))
                    : SqlValue.FromDouble(Math.Round(a[0].ToDouble(), MidpointRounding.ToEven)), false),
            ("round", 2) => new([SqlType.Numeric, SqlType.Integer], SqlType.Numeric,
                (a, _) => a[0].IsNull || a[1].IsNull ? SqlValue.Null : SqlValue.FromNumeric(Math.Round(a[0].AsNumeric, (int)Math.Clamp(a[1].AsInt64, 0, 28), MidpointRounding.AwayFromZero)), false),
            ("floor" or "ceil" or "ceiling", 1) => new([Arg(0).IsInteger ? SqlType.Numeric : Arg(0)], Arg(0).IsFloat ? SqlType.Double : SqlType.Numeric,
                (a, _) => a[0].IsNull ? a[0] : a[0].Kind == SqlValueKind.Numeric
                    ? SqlValue.FromNumeric(name == "floor" ? Math.Floor(a[0].AsNumeric) : Math.Ceiling(a[0].AsNumeric))
                    : SqlValue.FromDouble(name == "floor" ? Math.Floor(a[0].ToDouble()) : Math.Ceiling(a[0].ToDouble())), false),
            ("sqrt", 1) => new([SqlType.Double], SqlType.Double, (a, _) => a[0].IsNull ? a[0] : SqlValue.FromDouble(Math.Sqrt(a[0].AsDouble)), false),
            ("mod", 2) => ModBinding(Arg(0), Arg(1)),
            ("random", 0) => new([], SqlType.Double, (_, ctx) => SqlValue.FromDouble(ctx.NextRandom()), true),
            ("now", 0) => new([], SqlType.Timestamp, (_, ctx) => ctx.CurrentTimestamp, false),
            _ => null,
        };
        if (found is null && Functions.FunctionRegistry.Exists(name))
        {
            var resolved = Functions.FunctionRegistry.Resolve(name, args);
            found = new FunctionBinding(
                [.. Enumerable.Range(0, args.Count).Select(resolved.ParameterType)],
                resolved.ResultType,
                (a, ctx) => resolved.Invoke(a, ctx.Functions),
                resolved.IsVolatile);
        }

        return found ?? throw new SqlException(
            SqlStates.UndefinedFunction,
            $"function {name}({string.Join(", ", args.Select(a => a.Name))}) does not exist");
    }

    private static FunctionBinding ModBinding(SqlType l, SqlType r)
    {
        var (type, fn) = Binary(Syntax.BinaryOperator.Modulo, l, r);
        return new([type, type], type, (a, _) => fn(a[0], a[1]), false);
    }

    private static string Substring(string s, long start, long? count)
    {
        var from = start - 1;
        var to = count is { } c ? (c < 0 ? throw new SqlException(SqlStates.SubstringError, "negative substring length not allowed") : from + c) : long.MaxValue;
        from = Math.Max(from, 0);
        to = Math.Min(to, s.Length);
        return to <= from ? string.Empty : s[(int)from..(int)to];
    }
}
