using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

internal static partial class SqlOperators
{
    private static BinaryOperator ResolveConcat(SqlType left, SqlType right)
    {
        if (left.Kind == SqlTypeKind.Bytea && right.Kind is SqlTypeKind.Bytea or SqlTypeKind.Unknown)
        {
            return new BinaryOperator("||", SqlType.Bytea, SqlType.Bytea, SqlType.Bytea, Strict(left, SqlType.Bytea, right, SqlType.Bytea,
                (a, b) => SqlValue.FromBytea([.. a.AsBytes, .. b.AsBytes])));
        }
        var leftText = left.IsString || left.Kind == SqlTypeKind.Unknown;
        var rightText = right.IsString || right.Kind == SqlTypeKind.Unknown;
        if (!leftText && !rightText)
        {
            throw NoOperator("||", left, right);
        }
        // text || anynonarray and anynonarray || text: the other side goes through its text output.
        var l = ToTextConverter(left);
        var r = ToTextConverter(right);
        return new BinaryOperator("||", left, right, SqlType.Text,
            (a, b) => a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.FromText(string.Concat(l(a), r(b))));
    }

    /// <summary>How a value of <paramref name="type"/> reads as text: char(n) loses its padding, booleans are true/false.</summary>
    internal static Func<SqlValue, string> ToTextConverter(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Text or SqlTypeKind.VarChar or SqlTypeKind.Unknown => static v => v.AsText,
        _ => v => SqlCasts.Cast(v, type, SqlType.Text, CastContext.Explicit).AsText,
    };

    /// <summary>
    /// Resolves LIKE/ILIKE (optionally NOT). With <paramref name="hasEscape"/> the evaluator is a
    /// <see cref="LikeEvaluator"/> taking the escape as a third value; without, the escape is backslash.
    /// </summary>
    public static BinaryOperator ResolveLike(string op, SqlType left, SqlType right, bool hasEscape = false)
    {
        if (!(left.IsString || left.Kind == SqlTypeKind.Unknown) || !(right.IsString || right.Kind == SqlTypeKind.Unknown))
        {
            throw NoOperator(op.Contains("ILIKE", StringComparison.Ordinal) ? "~~*" : "~~", left, right);
        }
        _ = hasEscape;
        var evaluator = new LikeEvaluator(op);
        return new BinaryOperator(op, left, right, SqlType.Boolean, (a, b) => evaluator.Evaluate(a, b, LikeEvaluator.DefaultEscape));
    }

    /// <summary>POSIX regular expression match: <c>text ~ pattern</c>, <c>~*</c> ignoring case.</summary>
    private static BinaryOperator ResolveRegexMatch(string op, SqlType left, SqlType right)
    {
        if (!(left.IsString || left.Kind == SqlTypeKind.Unknown) || !(right.IsString || right.Kind == SqlTypeKind.Unknown))
        {
            throw NoOperator(op, left, right);
        }

        var insensitive = op == "~*";
        return new BinaryOperator(op, left, right, SqlType.Boolean, Strict(left, SqlType.Text, right, SqlType.Text,
            (a, b) => SqlValue.FromBoolean(PgRegex.IsMatch(a.AsText, b.AsText, caseInsensitive: insensitive))));
    }

    /// <summary>LIKE with an explicit ESCAPE value: <c>text LIKE pattern ESCAPE escape</c>.</summary>
    public static Func<SqlValue, SqlValue, SqlValue, SqlValue> ResolveLikeWithEscape(string op, SqlType left, SqlType right)
    {
        _ = ResolveLike(op, left, right, hasEscape: true);
        var evaluator = new LikeEvaluator(op);
        return evaluator.Evaluate;
    }
}

/// <summary>
/// Evaluates one LIKE-family operator, caching the compiled pattern of the last call (patterns are usually
/// constants). Safe for concurrent use: the cache is an immutable object swapped by reference.
/// </summary>
internal sealed class LikeEvaluator
{
    public static readonly SqlValue DefaultEscape = SqlValue.FromText("\\");

    private readonly bool foldCase;
    private readonly bool negated;
    private LikePattern? lastPattern;

    public LikeEvaluator(string op)
    {
        foldCase = op.Contains("ILIKE", StringComparison.Ordinal);
        negated = op.StartsWith("NOT", StringComparison.Ordinal);
    }

    public SqlValue Evaluate(SqlValue text, SqlValue pattern, SqlValue escape)
    {
        if (text.IsNull || pattern.IsNull || escape.IsNull)
        {
            return SqlValue.Null;
        }
        var escapeText = escape.AsText;
        if (escapeText.Length > 1)
        {
            throw new SqlException(SqlStates.InvalidEscapeSequence, "invalid escape string");
        }
        var escapeChar = escapeText.Length == 0 ? (char?)null : escapeText[0];
        var compiled = lastPattern;
        if (compiled is null || !string.Equals(compiled.Pattern, pattern.AsText, StringComparison.Ordinal) || compiled.Escape != escapeChar)
        {
            compiled = LikePattern.Compile(pattern.AsText, escapeChar, foldCase);
            lastPattern = compiled;
        }
        return SqlValue.FromBoolean(compiled.Matches(text.AsText) != negated);
    }
}
