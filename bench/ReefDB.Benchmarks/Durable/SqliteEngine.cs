using Microsoft.Data.Sqlite;

namespace ReefDB.Benchmarks.Durable;

/// <summary>
/// The peer: SQLite in a file through Microsoft.Data.Sqlite, WAL mode with <c>synchronous=FULL</c> (every commit
/// fsyncs the WAL, so an acknowledged row survives a power cut, like ReefDB's fsync <c>always</c>). One connection
/// per writer, as SQLite's documentation advises for concurrent writers, with a busy timeout so that writers wait for
/// the write lock instead of failing.
/// </summary>
internal sealed class SqliteEngine : IDurableEngine
{
    public const string Name = "SQLite";
    private const string InsertSql = "INSERT INTO bench (id, payload) VALUES ($id, $payload)";
    private readonly string connectionString;
    private readonly SqliteConnection keeper;
    private readonly bool fsync;

    public SqliteEngine(string directory, bool fsync)
    {
        this.fsync = fsync;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "bench.sqlite"),
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();

        // journal_mode=WAL is persistent in the file; the keeper connection also keeps the WAL index alive between
        // writers and does the final checkpoint on close.
        keeper = Open();
        Execute(keeper, "PRAGMA journal_mode=WAL");
        Execute(keeper, "CREATE TABLE bench (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
    }

    public IDurableWriter CreateWriter() => new Writer(Open());

    public void Dispose() => keeper.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // synchronous and busy_timeout are per connection.
        Execute(connection, fsync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF");
        Execute(connection, "PRAGMA busy_timeout=60000");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Writer : IDurableWriter
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand command;
        private readonly SqliteParameter id;
        private readonly SqliteParameter payload;

        public Writer(SqliteConnection connection)
        {
            this.connection = connection;
            command = connection.CreateCommand();
            command.CommandText = InsertSql;
            id = command.Parameters.Add("$id", SqliteType.Integer);
            payload = command.Parameters.Add("$payload", SqliteType.Text);
            id.Value = 0L;
            payload.Value = "";
            command.Prepare();
        }

        public void Insert(long key, string text)
        {
            id.Value = key;
            payload.Value = text;
            // Autocommit: one transaction, hence one WAL fsync, per row.
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            command.Dispose();
            connection.Dispose();
        }
    }
}
