using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

internal static partial class FunctionRegistry
{
    private static void AddMiscFunctions(Action<ScalarFunction> add)
    {
        add(new ScalarFunction("random", [], Returns(SqlType.Double), (_, c) => SqlValue.FromDouble(c.NextRandom()), IsVolatile: true));
        add(new ScalarFunction("setseed", [SqlType.Double], Returns(SqlType.Text), (a, c) =>
        {
            var seed = a[0].ToDouble();
            if (seed is < -1 or > 1 || double.IsNaN(seed))
            {
                throw new SqlException(SqlStates.InvalidParameterValue,
                    $"setseed parameter {PgFloatFormat.FormatDouble(seed)} is out of allowed range [-1,1]");
            }
            c.SetSeed(seed);
            // PostgreSQL's setseed returns void; an empty text stands in for it.
            return SqlValue.FromText("");
        }, IsVolatile: true));
        add(new ScalarFunction("gen_random_uuid", [], Returns(SqlType.Uuid), (_, c) => SqlValue.FromUuid(c.NextUuid()), IsVolatile: true));
    }

    /// <summary>
    /// COALESCE, GREATEST, LEAST and NULLIF: arguments converted to their common type (TypeResolution), NULLs
    /// skipped by GREATEST/LEAST as in PostgreSQL. The engine should evaluate COALESCE arguments lazily
    /// (stop at the first non-NULL), which <see cref="Coalesce"/> cannot do for it.
    /// </summary>
    private static ResolvedFunction? ResolveSpecial(string name, IReadOnlyList<SqlType> arguments)
    {
        switch (name)
        {
            case "coalesce" or "greatest" or "least":
                if (arguments.Count == 0)
                {
                    throw new SqlException(SqlStates.SyntaxError, $"syntax error: {name.ToUpperInvariant()} needs at least one argument");
                }
                var type = TypeResolution.CommonType(arguments, name.ToUpperInvariant());
                var compare = name == "coalesce" ? null : SqlOperators.Comparer(name == "greatest" ? ">" : "<", type, type);
                var sign = name == "greatest" ? 1 : -1;
                ScalarEvaluator evaluate = name == "coalesce"
                    ? (a, _) => Coalesce(a)
                    : (a, _) => Extreme(a, compare!, sign);
                return new ResolvedFunction(new ScalarFunction(name, [type], Returns(type), evaluate, IsStrict: false, IsVariadic: true),
                    arguments, type);
            case "nullif":
                if (arguments.Count != 2)
                {
                    return null;
                }
                var equals = SqlOperators.ResolveBinary("=", arguments[0], arguments[1]);
                var resultType = arguments[0].Kind == SqlTypeKind.Unknown ? SqlType.Text : arguments[0];
                return new ResolvedFunction(new ScalarFunction(name, [SqlType.Unknown, SqlType.Unknown], Returns(resultType),
                    (a, _) => SqlLogic.IsTrue(equals.Evaluate(a[0], a[1])) ? SqlValue.Null : a[0], IsStrict: false), arguments, resultType);
            default:
                return null;
        }
    }

    /// <summary>The first non-NULL argument, or NULL.</summary>
    public static SqlValue Coalesce(ReadOnlySpan<SqlValue> arguments)
    {
        foreach (var argument in arguments)
        {
            if (!argument.IsNull)
            {
                return argument;
            }
        }
        return SqlValue.Null;
    }

    private static SqlValue Extreme(ReadOnlySpan<SqlValue> arguments, Func<SqlValue, SqlValue, int> compare, int sign)
    {
        var best = SqlValue.Null;
        foreach (var argument in arguments)
        {
            if (!argument.IsNull && (best.IsNull || (compare(argument, best) * sign) > 0))
            {
                best = argument;
            }
        }
        return best;
    }
}
