using Microsoft.Data.Sqlite;

namespace ReefDB.Benchmarks.Sql;

/// <summary>
/// The peer every SQL benchmark is measured against: SQLite in memory through Microsoft.Data.Sqlite, in the
/// same process, so that the ratio survives a noisy shared machine.
/// </summary>
internal sealed class SqlitePeer : IDisposable
{
    public SqlitePeer()
    {
        Connection = new SqliteConnection("Data Source=:memory:");
        Connection.Open();
    }

    public SqliteConnection Connection { get; }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, 0L));
        }

        command.Prepare();
        return command;
    }

    public void Dispose() => Connection.Dispose();
}
