using ReefDB.Sql.Functions;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>
/// The engine's seam to the value layer for types, casts and operators: the binder asks here and gets
/// delegates, so per-row evaluation never dispatches on names. Functions and aggregates are resolved in
/// <see cref="FunctionRegistry"/> and <see cref="Functions.Aggregates.AggregateRegistry"/>.
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

    /// <summary>LIKE / ILIKE (value, pattern[, escape]) through the value layer's compiled patterns.</summary>
    public static ScalarEvaluator Like(LikeKind kind, bool hasEscape)
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
}
