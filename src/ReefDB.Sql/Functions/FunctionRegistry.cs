using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>
/// The built-in scalar functions, resolved by name and argument types as PostgreSQL does (a simplified
/// func_select_candidate): candidates whose parameters every argument converts to implicitly; then the most
/// exact type matches; then the most matches of the preferred type of the category (double precision for
/// numbers, text for strings) where a conversion is needed; then the first registered.
/// </summary>
/// <remarks>
/// COALESCE, NULLIF, GREATEST and LEAST are resolved here too (the engine evaluates COALESCE lazily and
/// may prefer its own node; see <see cref="Coalesce"/>). Aggregates are in <c>Aggregates/</c>.
/// </remarks>
internal static partial class FunctionRegistry
{
    private static Dictionary<string, List<ScalarFunction>> Functions => Table.Functions;

    /// <summary>True when a scalar function of this name exists (any arguments).</summary>
    public static bool Exists(string name) =>
        Functions.ContainsKey(name.ToLowerInvariant()) || name.ToLowerInvariant() is "coalesce" or "greatest" or "least" or "nullif";

    /// <summary>
    /// Resolves a call. 42883 "function f(integer) does not exist" when no overload accepts the argument types.
    /// </summary>
    public static ResolvedFunction Resolve(string name, IReadOnlyList<SqlType> argumentTypes)
    {
        var key = name.ToLowerInvariant();
        if (ResolveSpecial(key, argumentTypes) is { } special)
        {
            return special;
        }
        if (!Functions.TryGetValue(key, out var overloads))
        {
            throw NotFound(key, argumentTypes);
        }
        var candidates = overloads.Where(f => Accepts(f, argumentTypes)).ToList();
        if (candidates.Count == 0)
        {
            throw NotFound(key, argumentTypes);
        }
        if (candidates.Count > 1)
        {
            candidates = KeepBest(candidates, argumentTypes, (p, a) => p.Kind == a.Kind);
            candidates = KeepBest(candidates, argumentTypes, (p, a) => p.Kind != a.Kind && IsPreferred(p));
        }
        var chosen = candidates[0];
        return new ResolvedFunction(chosen, argumentTypes, chosen.ResultType(argumentTypes));
    }

    private static bool Accepts(ScalarFunction function, IReadOnlyList<SqlType> arguments)
    {
        var count = function.Parameters.Length;
        if (function.IsVariadic ? arguments.Count < count - 1 : arguments.Count != count)
        {
            return false;
        }
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = function.Parameters[Math.Min(i, count - 1)];
            if (parameter.Kind != SqlTypeKind.Unknown && !SqlCasts.CanCast(arguments[i], parameter, CastContext.Implicit))
            {
                return false;
            }
        }
        return true;
    }

    private static List<ScalarFunction> KeepBest(List<ScalarFunction> candidates, IReadOnlyList<SqlType> arguments,
        Func<SqlType, SqlType, bool> scores)
    {
        var scored = candidates.Select(f => (Function: f, Score: Enumerable.Range(0, arguments.Count)
            .Count(i => scores(f.Parameters[Math.Min(i, f.Parameters.Length - 1)], arguments[i])))).ToList();
        var best = scored.Max(s => s.Score);
        return scored.Where(s => s.Score == best).Select(s => s.Function).ToList();
    }

    private static bool IsPreferred(SqlType type) => type.Kind is SqlTypeKind.Float64 or SqlTypeKind.Text or SqlTypeKind.Timestamp;

    private static SqlException NotFound(string name, IReadOnlyList<SqlType> arguments) =>
        new(SqlStates.UndefinedFunction,
            $"function {name}({string.Join(", ", arguments.Select(a => a.Name))}) does not exist");

    private static Dictionary<string, List<ScalarFunction>> Build()
    {
        var table = new Dictionary<string, List<ScalarFunction>>(StringComparer.Ordinal);
        void Add(ScalarFunction f)
        {
            if (!table.TryGetValue(f.Name, out var list))
            {
                table[f.Name] = list = [];
            }
            list.Add(f);
        }
        AddStringFunctions(Add);
        AddMathFunctions(Add);
        AddDateTimeFunctions(Add);
        AddMiscFunctions(Add);
        AddTextSearchFunctions(Add);
        return table;
    }

    // A nested holder: its initializer runs after all of FunctionRegistry's static fields (spread over
    // partial files, whose initialization order C# leaves unspecified) are set.
    private static class Table
    {
        public static readonly Dictionary<string, List<ScalarFunction>> Functions = Build();
    }

    // Helpers for the registrations.
    private static Func<IReadOnlyList<SqlType>, SqlType> Returns(SqlType type) => _ => type;

    private static ScalarFunction Fn(string name, SqlType[] parameters, SqlType result, ScalarEvaluator evaluate) =>
        new(name, parameters, Returns(result), evaluate);
}
