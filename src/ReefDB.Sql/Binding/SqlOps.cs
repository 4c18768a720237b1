using ReefDB.Sql.Functions;
using System.Globalization;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>A resolved scalar function: parameter types to coerce arguments to, and its implementation.</summary>
internal sealed record FunctionBinding(IReadOnlyList<SqlType> ParameterTypes, SqlType ReturnType, ScalarFunction Implementation, bool Volatile);

/// <summary>A resolved aggregate: argument types, result type, and a factory of per-group accumulators.</summary>
internal sealed record AggregateBinding(IReadOnlyList<SqlType> ParameterTypes, SqlType ReturnType, Func<IAggregateAccumulator> Create);

/// <summary>Scalar function implementation: arguments evaluated left to right; the context gives stamped values.</summary>
internal delegate SqlValue ScalarFunction(SqlValue[] arguments, Execution.ExecContext context);

/// <summary>One group's running aggregate state.</summary>
internal interface IAggregateAccumulator
{
    /// <summary>Adds one input row's argument values (empty for count(*)).</summary>
    void Add(ReadOnlySpan<SqlValue> arguments);

    SqlValue Result();
}

/// <summary>
/// The engine's single seam to the value layer (types, casts, operators, functions, aggregates): the
/// binder asks here and gets delegates, so per-row evaluation never dispatches on names.
/// </summary>
internal static partial class SqlOps
{
    public static SqlType ParseType(TypeName name) => SqlType.Parse(name.Name, name.Modifiers);

    public static SqlType CommonType(IReadOnlyList<SqlType> types, string what) => TypeResolution.CommonType(types, what);

    public static Func<SqlValue, SqlValue>? ImplicitCast(SqlType from, SqlType to) => CastIn(from, to, CastContext.Implicit);

    /// <summary>Assignment (INSERT/UPDATE) casts: also narrowing numeric and any type to text.</summary>
    public static Func<SqlValue, SqlValue>? AssignmentCast(SqlType from, SqlType to) => CastIn(from, to, CastContext.Assignment);

    public static Func<SqlValue, SqlValue> ExplicitCast(SqlType from, SqlType to) =>
        CastIn(from, to, CastContext.Explicit) ?? throw new SqlException(SqlStates.CannotCoerce, $"cannot cast type {from.Name} to {to.Name}");

    private static Func<SqlValue, SqlValue>? CastIn(SqlType from, SqlType to, CastContext context)
    {
        if (from.Equals(to))
        {
            return static v => v;
        }

        return SqlCasts.CanCast(from, to, context) ? v => v.IsNull ? v : SqlCasts.Cast(v, from, to, context) : null;
    }

    public static bool IsAggregate(string name) => name is "count" or "sum" or "avg" or "min" or "max"
        or "string_agg" or "bool_and" or "bool_or" or "every" or "array_agg";

    /// <summary>LIKE / ILIKE (value, pattern[, escape]) through the value layer's compiled patterns.</summary>
    public static ScalarFunction Like(LikeKind kind, bool hasEscape)
    {
        var op = kind == LikeKind.ILike ? "ILIKE" : "LIKE";
        if (hasEscape)
        {
            var withEscape = SqlOperators.ResolveLikeWithEscape(op, SqlType.Text, SqlType.Text);
            return (args, _) => withEscape(args[0], args[1], args[2]);
        }

        var evaluate = SqlOperators.ResolveLike(op, SqlType.Text, SqlType.Text).Evaluate;
        return (args, _) => evaluate(args[0], args[1]);
    }

    internal static string Format(long v) => v.ToString(CultureInfo.InvariantCulture);
}
