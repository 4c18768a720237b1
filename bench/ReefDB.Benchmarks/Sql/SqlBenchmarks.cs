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
public class SqlBenchmarks
{
    private const int TableRows = 100_000;
    private const int AggregateRows = 1_000_000;
    private const string CountSumSql = "SELECT count(*), sum(k) FROM big";

    // Every row of a probes b's primary key: the 100k x 100k indexed join of issue 2.
    private const string FullJoinSql = "SELECT count(*), sum(b.n) FROM a JOIN b ON a.b_id = b.id";

    // A selective filter on b first, then the join: checks the join order and the access path together.
    private const string FilteredJoinSql = "SELECT count(*) FROM a JOIN b ON a.b_id = b.id WHERE b.n = 7";

    private static readonly Lazy<SqlFixture> SharedFixture = new(() => new SqlFixture(SetupStatements()));

    private ReefDatabase reef = null!;
    private SqlitePeer sqlite = null!;
    private ReefPreparedStatement reefPointSelect = null!;
    private SqliteCommand sqlitePointSelect = null!;
    private ReefPreparedStatement reefInsert = null!;
    private SqliteCommand sqliteInsert = null!;
    private ReefPreparedStatement reefOrderByLimit = null!;
    private SqliteCommand sqliteOrderByLimit = null!;
    private long probe;

    /// <summary>
    /// The databases are loaded once per process and shared by every benchmark case: with the in-process
    /// toolchain (<c>--shared-machine</c>) that saves loading 1.3M rows into both engines twelve times.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var fixture = SharedFixture.Value;
        reef = fixture.Reef;
        sqlite = fixture.Sqlite;
        reefPointSelect = fixture.ReefPointSelect;
        sqlitePointSelect = fixture.SqlitePointSelect;
        reefInsert = fixture.ReefInsert;
        sqliteInsert = fixture.SqliteInsert;
        reefOrderByLimit = fixture.ReefOrderByLimit;
        sqliteOrderByLimit = fixture.SqliteOrderByLimit;
    }

    internal static IEnumerable<string> SetupStatements()
    {
        yield return "CREATE TABLE kv (k BIGINT PRIMARY KEY, v TEXT)";
        yield return $"INSERT INTO kv (k, v) {Series.Of(TableRows)} SELECT x, 'value-' || x FROM g";
        yield return "CREATE TABLE big (k BIGINT PRIMARY KEY, v TEXT)";
        yield return $"INSERT INTO big (k, v) {Series.Of(AggregateRows)} SELECT x, 'a value of thirty-two characters' FROM g";
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
        sqliteInsert.Parameters[0].Value = SqlFixture.NextKey();
        sqliteInsert.Parameters[1].Value = "a value of thirty-two characters";
        return sqliteInsert.ExecuteNonQuery();
    }

    [Benchmark, BenchmarkCategory("single-insert")]
    public long Insert_Reef() =>
        reefInsert.Execute([SqlValue.FromInt64(SqlFixture.NextKey()), SqlValue.FromText("a value of thirty-two characters")])[0].RowsAffected;

    [Benchmark(Baseline = true), BenchmarkCategory("count-sum")]
    public object? CountSum_Sqlite() => SqliteScalar(CountSumSql);

    [Benchmark, BenchmarkCategory("count-sum")]
    public object CountSum_Reef() => reef.Execute(CountSumSql)[0].Rows[0][0];

    [Benchmark(Baseline = true), BenchmarkCategory("indexed-join")]
    public object? IndexedJoin_Sqlite() => SqliteScalar(FullJoinSql);

    [Benchmark, BenchmarkCategory("indexed-join")]
    public object IndexedJoin_Reef() => reef.Execute(FullJoinSql)[0].Rows[0][0];

    [Benchmark(Baseline = true), BenchmarkCategory("indexed-join-filtered")]
    public object? FilteredJoin_Sqlite() => SqliteScalar(FilteredJoinSql);

    [Benchmark, BenchmarkCategory("indexed-join-filtered")]
    public object FilteredJoin_Reef() => reef.Execute(FilteredJoinSql)[0].Rows[0][0];

    // Prepared on both sides: the query runs in microseconds, so an ad-hoc prepare would dominate both.
    [Benchmark(Baseline = true), BenchmarkCategory("order-by-limit")]
    public int OrderByLimit_Sqlite()
    {
        using var reader = sqliteOrderByLimit.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    [Benchmark, BenchmarkCategory("order-by-limit")]
    public int OrderByLimit_Reef() => reefOrderByLimit.Execute()[0].Rows.Count;

    private object? SqliteScalar(string sql)
    {
        using var command = sqlite.Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private long NextProbe()
    {
        probe = (probe * 6364136223846793005L) + 1442695040888963407L;
        return ((probe >>> 33) % TableRows) + 1;
    }
}
