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

    public static SqlType CommonType(IReadOnlyList<SqlType> types, string what)
    {
        var result = types[0];
        foreach (var t in types.Skip(1))
        {
            result = Common(result, t) ?? throw new SqlException(
                SqlStates.DatatypeMismatch, $"{what} types {result.Name} and {t.Name} cannot be matched");
        }

        return result;
    }

    private static SqlType? Common(SqlType a, SqlType b)
    {
        if (a.Kind == b.Kind)
        {
            return a.Kind is SqlTypeKind.VarChar or SqlTypeKind.Char or SqlTypeKind.Numeric && !a.Equals(b) ? a.WithoutModifiers is var w && w.Kind == SqlTypeKind.Char ? SqlType.Text : a.WithoutModifiers : a;
        }

        if (a.IsNumeric && b.IsNumeric)
        {
            return Rank(a) >= Rank(b) ? a.WithoutModifiers : b.WithoutModifiers;
        }

        if (a.IsString && b.IsString)
        {
            return SqlType.Text;
        }

        if ((a.Kind, b.Kind) is (SqlTypeKind.Date, SqlTypeKind.Timestamp) or (SqlTypeKind.Timestamp, SqlTypeKind.Date))
        {
            return SqlType.Timestamp;
        }

        return null;
    }

    private static int Rank(SqlType t) => t.Kind switch
    {
        SqlTypeKind.Int16 => 1,
        SqlTypeKind.Int32 => 2,
        SqlTypeKind.Int64 => 3,
        SqlTypeKind.Numeric => 4,
        SqlTypeKind.Float32 => 5,
        _ => 6,
    };

    public static Func<SqlValue, SqlValue>? ImplicitCast(SqlType from, SqlType to)
    {
        if (from.Kind == to.Kind && (to.Kind is not (SqlTypeKind.VarChar or SqlTypeKind.Char or SqlTypeKind.Numeric) || to.Equals(from)))
        {
            return v => v;
        }

        if ((from.IsNumeric && to.IsNumeric && Rank(to) >= Rank(from)) || (from.IsString && to.IsString) ||
            (from.Kind == SqlTypeKind.Date && to.Kind == SqlTypeKind.Timestamp))
        {
            return ExplicitCast(from, to);
        }

        return null;
    }

    /// <summary>Assignment (INSERT/UPDATE) casts: also narrowing numeric and any type to text.</summary>
    public static Func<SqlValue, SqlValue>? AssignmentCast(SqlType from, SqlType to)
    {
        if ((from.IsNumeric && to.IsNumeric) || (from.IsString && to.IsString) || to.IsString ||
            (from.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp && to.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp))
        {
            return ExplicitCast(from, to);
        }

        return ImplicitCast(from, to);
    }

    public static Func<SqlValue, SqlValue> ExplicitCast(SqlType from, SqlType to) => v => CastValue(v, to);

    public static bool IsAggregate(string name) => name is "count" or "sum" or "avg" or "min" or "max"
        or "string_agg" or "bool_and" or "bool_or" or "every" or "array_agg";

    public static ScalarFunction Like(LikeKind kind, bool hasEscape) => (args, _) =>
    {
        if (args[0].IsNull || args[1].IsNull || (hasEscape && args[2].IsNull))
        {
            return SqlValue.Null;
        }

        var escape = hasEscape ? args[2].AsText : "\\";
        return SqlValue.FromBoolean(LikeMatcher.Matches(args[0].AsText, args[1].AsText, escape, kind == LikeKind.ILike));
    };

    internal static string Format(long v) => v.ToString(CultureInfo.InvariantCulture);
}
