using Microsoft.Data.Sqlite;

namespace ReefDB.Benchmarks.Sql;

/// <summary>Both engines loaded with the same statements, and the prepared statements the benchmarks reuse.
/// Lives for the whole process (the benchmark process ends right after the run).</summary>
internal sealed class SqlFixture
{
    private static long nextKey;

    public SqlFixture(IEnumerable<string> setup)
    {
        Reef = ReefDatabase.OpenInMemory();
        Sqlite = new SqlitePeer();
        foreach (var sql in setup)
        {
            Reef.Execute(sql);
            Sqlite.Execute(sql);
        }

        ReefPointSelect = Reef.Prepare("SELECT v FROM kv WHERE k = $1");
        SqlitePointSelect = Sqlite.Prepare("SELECT v FROM kv WHERE k = $1", "$1");
        ReefInsert = Reef.Prepare("INSERT INTO ins (k, v) VALUES ($1, $2)");
        SqliteInsert = Sqlite.Prepare("INSERT INTO ins (k, v) VALUES ($1, $2)", "$1", "$2");
        ReefOrderByLimit = Reef.Prepare(OrderByLimitSql);
        SqliteOrderByLimit = Sqlite.Prepare(OrderByLimitSql);
    }

    public const string OrderByLimitSql = "SELECT id, n FROM a ORDER BY n DESC LIMIT 10";

    public ReefDatabase Reef { get; }

    public SqlitePeer Sqlite { get; }

    public ReefPreparedStatement ReefPointSelect { get; }

    public SqliteCommand SqlitePointSelect { get; }

    public ReefPreparedStatement ReefInsert { get; }

    public SqliteCommand SqliteInsert { get; }

    public ReefPreparedStatement ReefOrderByLimit { get; }

    public SqliteCommand SqliteOrderByLimit { get; }

    /// <summary>Keys for the single-row inserts: increasing in both engines, never repeated.</summary>
    public static long NextKey() => Interlocked.Increment(ref nextKey);
}
