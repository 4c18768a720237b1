using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>Evaluates a function on its argument values (already coerced to the parameter types).</summary>
internal delegate SqlValue ScalarEvaluator(ReadOnlySpan<SqlValue> arguments, FunctionContext context);

/// <summary>
/// One overload of a built-in function. <see cref="Parameters"/> are the declared types, where
/// <see cref="SqlType.Unknown"/> means "any type, passed as is" (the last one repeats when
/// <see cref="IsVariadic"/>); a strict function returns NULL as soon as an argument is NULL,
/// without calling <see cref="Evaluate"/>. <see cref="ResultType"/> may depend on the argument types.
/// </summary>
internal sealed record ScalarFunction(
    string Name,
    SqlType[] Parameters,
    Func<IReadOnlyList<SqlType>, SqlType> ResultType,
    ScalarEvaluator Evaluate,
    bool IsStrict = true,
    bool IsVariadic = false,
    bool IsVolatile = false);

/// <summary>
/// A function call resolved at plan time: result type and an evaluator that takes the arguments as the
/// caller's types (it coerces unknown literals and numeric widths itself) and applies strictness.
/// <see cref="IsVolatile"/> marks random()/gen_random_uuid()/setseed(): never constant-fold them.
/// Thread-safe apart from the <see cref="FunctionContext"/> passed in.
/// </summary>
internal sealed class ResolvedFunction
{
    private readonly ScalarFunction function;
    private readonly Func<SqlValue, SqlValue>?[] coercions;
    private readonly bool needsCoercion;

    internal ResolvedFunction(ScalarFunction function, IReadOnlyList<SqlType> argumentTypes, SqlType resultType)
    {
        this.function = function;
        ResultType = resultType;
        coercions = new Func<SqlValue, SqlValue>?[argumentTypes.Count];
        for (var i = 0; i < argumentTypes.Count; i++)
        {
            var target = function.Parameters[Math.Min(i, function.Parameters.Length - 1)];
            var source = argumentTypes[i];
            if (NeedsConversion(source, target))
            {
                coercions[i] = v => SqlCasts.Cast(v, source, target, CastContext.Implicit);
                needsCoercion = true;
            }
        }
    }

    /// <summary>The function's name.</summary>
    public string Name => function.Name;

    /// <summary>The type of the result.</summary>
    public SqlType ResultType { get; }

    /// <summary>The declared type argument <paramref name="index"/> converts to; <see cref="SqlType.Unknown"/>
    /// when the function takes any type there.</summary>
    public SqlType ParameterType(int index) =>
        function.Parameters.Length == 0 ? SqlType.Unknown : function.Parameters[Math.Min(index, function.Parameters.Length - 1)];

    /// <summary>True for functions whose result changes between calls with the same arguments.</summary>
    public bool IsVolatile => function.IsVolatile;

    /// <summary>Calls the function; data errors surface as <see cref="Errors.SqlException"/>.</summary>
    public SqlValue Invoke(ReadOnlySpan<SqlValue> arguments, FunctionContext context)
    {
        if (function.IsStrict)
        {
            foreach (var argument in arguments)
            {
                if (argument.IsNull)
                {
                    return SqlValue.Null;
                }
            }
        }
        if (!needsCoercion)
        {
            return function.Evaluate(arguments, context);
        }
        var converted = new SqlValue[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            converted[i] = coercions[i] is { } convert ? convert(arguments[i]) : arguments[i];
        }
        return function.Evaluate(converted, context);
    }

    /// <summary>Values need converting unless storage already matches (integers of any width fit bigint storage).</summary>
    private static bool NeedsConversion(SqlType source, SqlType target)
    {
        if (target.Kind == SqlTypeKind.Unknown || source.Kind == target.Kind)
        {
            return false;
        }
        if (source.IsInteger && target.IsInteger)
        {
            return false;
        }
        return !(source.IsString && target.IsString && source.Kind != SqlTypeKind.Char);
    }
}
