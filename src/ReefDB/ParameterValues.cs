using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB;

/// <summary>Maps CLR parameter values to SQL values the way ADO.NET providers do.</summary>
internal static class ParameterValues
{
    public static SqlValue[] FromClr(object?[] parameters)
    {
        var values = new SqlValue[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            values[i] = FromClr(parameters[i], i + 1);
        }

        return values;
    }

    private static SqlValue FromClr(object? value, int position) => value switch
    {
        null or DBNull => SqlValue.Null,
        SqlValue sql => sql,
        bool b => SqlValue.FromBoolean(b),
        long l => SqlValue.FromInt64(l),
        int i => SqlValue.FromInt64(i),
        short s => SqlValue.FromInt64(s),
        sbyte sb => SqlValue.FromInt64(sb),
        byte by => SqlValue.FromInt64(by),
        ushort us => SqlValue.FromInt64(us),
        uint ui => SqlValue.FromInt64(ui),
        ulong ul when ul <= long.MaxValue => SqlValue.FromInt64((long)ul),
        ulong ul => SqlValue.FromNumeric(ul),
        double d => SqlValue.FromDouble(d),
        float f => SqlValue.FromReal(f),
        decimal m => SqlValue.FromNumeric(m),
        string text => SqlValue.FromText(text),
        char c => SqlValue.FromText(c.ToString()),
        byte[] bytes => SqlValue.FromBytea(bytes),
        DateOnly date => SqlValue.FromDate(date),
        DateTime timestamp => SqlValue.FromTimestamp(timestamp),
        Guid uuid => SqlValue.FromUuid(uuid),
        _ => throw new SqlException(
            SqlStates.DatatypeMismatch,
            $"parameter ${position} has CLR type {value.GetType().Name}, which has no SQL type"),
    };
}
