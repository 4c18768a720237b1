using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Types;

/// <summary>
/// PostgreSQL's resolution of one type for several expressions (select_common_type): UNION/INTERSECT/EXCEPT
/// columns, CASE branches, COALESCE/GREATEST/LEAST arguments, IN lists and VALUES columns.
/// </summary>
internal static class TypeResolution
{
    /// <summary>
    /// The type all <paramref name="types"/> convert to implicitly. Unknown (NULL and untyped literals) adapts
    /// to the others, and all-unknown resolves to text. Numbers widen (integer, bigint, numeric, real, double),
    /// text wins among string types (otherwise the first string type), timestamp over date. Modifiers survive
    /// only when every input has the same ones.
    /// </summary>
    /// <param name="context">The construct for the error message: <c>UNION</c>, <c>CASE</c>, <c>COALESCE</c>, …</param>
    /// <exception cref="SqlException">42804 "{context} types X and Y cannot be matched".</exception>
    public static SqlType CommonType(IReadOnlyList<SqlType> types, string context)
    {
        SqlType? candidate = null;
        var sameModifiers = true;
        foreach (var type in types)
        {
            if (type.Kind == SqlTypeKind.Unknown)
            {
                continue;
            }
            if (candidate is null)
            {
                candidate = type;
                continue;
            }
            if (type.Kind == candidate.Kind)
            {
                sameModifiers &= type == candidate;
                continue;
            }
            sameModifiers = false;
            if (Category(type) != Category(candidate))
            {
                throw new SqlException(SqlStates.DatatypeMismatch,
                    $"{context} types {candidate.Name} and {type.Name} cannot be matched");
            }
            if (Prefer(type, candidate))
            {
                candidate = type;
            }
        }
        if (candidate is null)
        {
            return SqlType.Text;
        }
        return sameModifiers ? candidate : candidate.WithoutModifiers;
    }

    /// <summary>The type an unknown operand takes next to an operand of <paramref name="other"/> (text if both unknown).</summary>
    public static SqlType ResolveUnknown(SqlType other) => other.Kind == SqlTypeKind.Unknown ? SqlType.Text : other;

    private static bool Prefer(SqlType next, SqlType current)
    {
        if (next.IsNumeric)
        {
            return SqlCasts.NumericRank(next.Kind) > SqlCasts.NumericRank(current.Kind);
        }
        if (next.IsString)
        {
            return next.Kind == SqlTypeKind.Text;
        }
        return next.Kind == SqlTypeKind.Timestamp;
    }

    private static int Category(SqlType type) => type.Kind switch
    {
        _ when type.IsNumeric => 1,
        _ when type.IsString => 2,
        SqlTypeKind.Date or SqlTypeKind.Timestamp => 3,
        _ => 10 + (int)type.Kind,
    };
}
