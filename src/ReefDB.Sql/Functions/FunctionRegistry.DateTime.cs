using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

internal static partial class FunctionRegistry
{
    private static void AddDateTimeFunctions(Action<ScalarFunction> add)
    {
        // Every "current time" function reads the batch's stamped timestamp (DESIGN.md §2): within a
        // statement they all agree, as transaction_timestamp and statement_timestamp do in PostgreSQL.
        foreach (var name in new[] { "now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "clock_timestamp", "localtimestamp" })
        {
            add(Fn(name, [], SqlType.Timestamp, (_, c) => SqlValue.FromTimestampMicros(c.TimestampMicros)));
        }
        add(Fn("current_date", [], SqlType.Date,
            (_, c) => SqlValue.FromDateDays((int)Math.Floor(c.TimestampMicros / (double)PgDateTime.MicrosPerDay))));

        add(Fn("date_trunc", [SqlType.Text, SqlType.Timestamp], SqlType.Timestamp,
            (a, _) => SqlValue.FromTimestampMicros(DateTimeFunctions.DateTrunc(a[0].AsText, a[1].AsTimestampMicros))));
        add(Fn("date_part", [SqlType.Text, SqlType.Timestamp], SqlType.Double,
            (a, _) => SqlValue.FromDouble(DateTimeFunctions.DatePart(a[0].AsText, a[1].AsTimestampMicros))));
        // extract(field FROM x) arrives as extract('field', x).
        add(Fn("extract", [SqlType.Text, SqlType.Timestamp], SqlType.Numeric,
            (a, _) => SqlValue.FromNumeric(DateTimeFunctions.Extract(a[0].AsText, a[1].AsTimestampMicros, isDate: false))));
        add(Fn("extract", [SqlType.Text, SqlType.Date], SqlType.Numeric,
            (a, _) => SqlValue.FromNumeric(DateTimeFunctions.Extract(a[0].AsText, a[1].AsDateDays * PgDateTime.MicrosPerDay, isDate: true))));
        add(Fn("make_date", [SqlType.Integer, SqlType.Integer, SqlType.Integer], SqlType.Date,
            (a, _) => SqlValue.FromDateDays(DateTimeFunctions.MakeDate(a[0].AsInt64, a[1].AsInt64, a[2].AsInt64))));
        add(Fn("make_timestamp", [SqlType.Integer, SqlType.Integer, SqlType.Integer, SqlType.Integer, SqlType.Integer, SqlType.Double], SqlType.Timestamp,
            (a, _) => SqlValue.FromTimestampMicros(DateTimeFunctions.MakeTimestamp(
                a[0].AsInt64, a[1].AsInt64, a[2].AsInt64, a[3].AsInt64, a[4].AsInt64, a[5].ToDouble()))));
        add(Fn("to_char", [SqlType.Timestamp, SqlType.Text], SqlType.Text,
            (a, _) => SqlValue.FromText(DateTimeFormat.ToChar(a[0].AsTimestampMicros, a[1].AsText))));
    }
}
