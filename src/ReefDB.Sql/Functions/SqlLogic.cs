using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>
/// SQL's three-valued logic on boolean values (NULL is "unknown"). The engine short-circuits by evaluating
/// the left side first: <c>false AND x</c> is false and <c>true OR x</c> is true whatever x is, NULL included.
/// </summary>
internal static class SqlLogic
{
    public static SqlValue And(SqlValue left, SqlValue right)
    {
        if ((!left.IsNull && !left.AsBoolean) || (!right.IsNull && !right.AsBoolean))
        {
            return SqlValue.False;
        }
        return left.IsNull || right.IsNull ? SqlValue.Null : SqlValue.True;
    }

    public static SqlValue Or(SqlValue left, SqlValue right)
    {
        if ((!left.IsNull && left.AsBoolean) || (!right.IsNull && right.AsBoolean))
        {
            return SqlValue.True;
        }
        return left.IsNull || right.IsNull ? SqlValue.Null : SqlValue.False;
    }

    public static SqlValue Not(SqlValue value) => value.IsNull ? value : SqlValue.FromBoolean(!value.AsBoolean);

    /// <summary>True only for boolean true: how WHERE, HAVING, ON and CHECK read a condition (NULL rejects the row, except CHECK which passes it).</summary>
    public static bool IsTrue(SqlValue value) => !value.IsNull && value.AsBoolean;
}
