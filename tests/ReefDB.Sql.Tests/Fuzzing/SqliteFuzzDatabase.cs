using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>The model: SQLite in memory, for the subset of SQL where both engines mean the same.</summary>
internal sealed class SqliteFuzzDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SqliteFuzzDatabase() => connection.Open();

    public FuzzOutcome Run(string sql)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                }

                rows.Add(FuzzOutcome.FormatRow(values));
            }

            return new FuzzOutcome(rows, null, null, reader.RecordsAffected);
        }
        catch (SqliteException e)
        {
            return FuzzOutcome.Failed("sqlite-" + e.SqliteErrorCode.ToString(CultureInfo.InvariantCulture), e.Message);
        }
    }

    public void Dispose() => connection.Dispose();
}
