using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using ReefDB.Sql.Types;

namespace ReefDB.Benchmarks.Sql;

/// <summary>
/// The SQL engine against SQLite in memory, one pair of benchmarks per workload of issue 2. Each pair shares
/// a category so the report shows the ratio (SQLite is the baseline of each category).
/// Run: <c>dotnet run -c Release --project bench/ReefDB.Benchmarks -- --filter '*SqlBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the fields.
public class SqlBenchmarks
{
    private const int TableRows = 100_000;
    private const int BulkRows = 1_000_000;

    private ReefDatabase reef = null!;
    private SqlitePeer sqlite = null!;
    private ReefPreparedStatement reefPointSelect = null!;
    private SqliteCommand sqlitePointSelect = null!;
    private ReefPreparedStatement reefInsert = null!;
    private SqliteCommand sqliteInsert = null!;
    private long nextKey;
    private long probe;

    [GlobalSetup]
    public void Setup()
    {
        reef = ReefDatabase.OpenInMemory();
        sqlite = new SqlitePeer();
        foreach (var sql in SetupStatements())
        {
            reef.Execute(sql);
            sqlite.Execute(sql);
        }

        reefPointSelect = reef.Prepare("SELECT v FROM kv WHERE k = $1");
        sqlitePointSelect = sqlite.Prepare("SELECT v FROM kv WHERE k = $1", "$1");
        reefInsert = reef.Prepare("INSERT INTO ins (k, v) VALUES ($1, $2)");
        sqliteInsert = sqlite.Prepare("INSERT INTO ins (k, v) VALUES ($1, $2)", "$1", "$2");
        nextKey = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        sqlitePointSelect.Dispose();
        sqliteInsert.Dispose();
        sqlite.Dispose();
        reef.Dispose();
    }

    private static IEnumerable<string> SetupStatements()
    {
        yield return "CREATE TABLE kv (k BIGINT PRIMARY KEY, v TEXT)";
        yield return $"INSERT INTO kv (k, v) {Series.Of(TableRows)} SELECT x, 'value-' || x FROM g";
        yield return "CREATE TABLE ins (k BIGINT PRIMARY KEY, v TEXT)";
        yield return "CREATE TABLE a (id BIGINT PRIMARY KEY, b_id BIGINT, n BIGINT)";
        yield return "CREATE TABLE b (id BIGINT PRIMARY KEY, n BIGINT)";
        yield return $"INSERT INTO a (id, b_id, n) {Series.Of(TableRows)} SELECT x, {TableRows} + 1 - x, x % 97 FROM g";
        yield return $"INSERT INTO b (id, n) {Series.Of(TableRows)} SELECT x, x % 89 FROM g";
        yield return "CREATE INDEX a_n ON a (n)";
    }

    [Benchmark(Baseline = true), BenchmarkCategory("point-select")]
    public object? PointSelect_Sqlite()
    {
        sqlitePointSelect.Parameters[0].Value = NextProbe();
        return sqlitePointSelect.ExecuteScalar();
    }

    [Benchmark, BenchmarkCategory("point-select")]
    public object PointSelect_Reef() =>
        reefPointSelect.Execute([SqlValue.FromInt64(NextProbe())])[0].Rows[0][0];

    [Benchmark(Baseline = true), BenchmarkCategory("single-insert")]
    public int Insert_Sqlite()
    {
        sqliteInsert.Parameters[0].Value = ++nextKey;
        sqliteInsert.Parameters[1].Value = "a value of thirty-two characters";
        return sqliteInsert.ExecuteNonQuery();
    }

    [Benchmark, BenchmarkCategory("single-insert")]
    public long Insert_Reef() =>
        reefInsert.Execute([SqlValue.FromInt64(++nextKey), SqlValue.FromText("a value of thirty-two characters")])[0].RowsAffected;

    [Benchmark(Baseline = true), BenchmarkCategory("count-sum")]
    public object? CountSum_Sqlite()
    {
        using var command = sqlite.Connection.CreateCommand();
        command.CommandText = "SELECT count(*), sum(k) FROM kv";
        return command.ExecuteScalar();
    }

    [Benchmark, BenchmarkCategory("count-sum")]
    public object CountSum_Reef() => reef.Execute("SELECT count(*), sum(k) FROM kv")[0].Rows[0][0];

    [Benchmark(Baseline = true), BenchmarkCategory("indexed-join")]
    public object? IndexedJoin_Sqlite()
    {
        using var command = sqlite.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM a JOIN b ON a.b_id = b.id WHERE b.n = 7";
        return command.ExecuteScalar();
    }

    [Benchmark, BenchmarkCategory("indexed-join")]
    public object IndexedJoin_Reef() => reef.Execute("SELECT count(*) FROM a JOIN b ON a.b_id = b.id WHERE b.n = 7")[0].Rows[0][0];

    [Benchmark(Baseline = true), BenchmarkCategory("order-by-limit")]
    public int OrderByLimit_Sqlite()
    {
        using var command = sqlite.Connection.CreateCommand();
        command.CommandText = "SELECT id, n FROM a ORDER BY n DESC LIMIT 10";
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    [Benchmark, BenchmarkCategory("order-by-limit")]
    public int OrderByLimit_Reef() => reef.Execute("SELECT id, n FROM a ORDER BY n DESC LIMIT 10")[0].Rows.Count;

    private long NextProbe()
    {
        probe = (probe * 6364136223846793005L) + 1442695040888963407L;
        return ((probe >>> 33) % TableRows) + 1;
    }
}
