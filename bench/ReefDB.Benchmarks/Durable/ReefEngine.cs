using ReefDB.Raft.Storage;

namespace ReefDB.Benchmarks.Durable;

/// <summary>
/// ReefDB's durable embedded database (a one-voter Raft group) with fsync <c>always</c> and every other setting at
/// its default, as a user gets it: a write returns once its log entry is fsynced and applied. Writers share one
/// database and each prepares the INSERT once, as SQLite's writers do.
/// </summary>
internal sealed class ReefEngine : IDurableEngine
{
    public const string Name = "ReefDB";
    private const string InsertSql = "INSERT INTO bench (id, payload) VALUES ($1, $2)";
    private readonly ReefDatabase database;

    public ReefEngine(string directory, bool fsync)
    {
        database = ReefDatabase.Open(directory, new ReefDatabaseOptions { Fsync = fsync ? FsyncPolicy.Always : FsyncPolicy.None });
        database.Execute("CREATE TABLE bench (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
    }

    public IDurableWriter CreateWriter() => new Writer(database.Prepare(InsertSql));

    public void Dispose() => database.Dispose();

    private sealed class Writer(ReefPreparedStatement statement) : IDurableWriter
    {
        private readonly object?[] parameters = new object?[2];

        public void Insert(long id, string payload)
        {
            parameters[0] = id;
            parameters[1] = payload;
            statement.Execute(parameters);
        }

        public void Dispose()
        {
        }
    }
}
