using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Execution;

/// <summary>
/// No statement runs unbounded: past <see cref="SqlEngine.MaxRowsExamined"/> rows examined it fails with 54000 on
/// every replica alike, a read whose token is cancelled ends with 57014, and a read whose result outgrows the byte
/// limit its server sets fails with 54000.
/// </summary>
public sealed class StatementLimitTests
{
    // A cross join of two 1,000-row series tries 1,000,000 candidates: far past the test engine's limit, in milliseconds.
    private const string CrossJoin = "SELECT count(*) FROM generate_series(1, 1000) a, generate_series(1, 1000) b";

    [Fact]
    public void A_write_that_examines_more_rows_than_the_limit_fails_with_54000_and_changes_nothing()
    {
        var engine = new SqlEngine(maxRowsExamined: 10_000);
        var version = Run(engine, DatabaseVersion.Empty, "CREATE TABLE big (x INTEGER); INSERT INTO big SELECT * FROM generate_series(1, 300)").Version;
        version = Run(engine, version, "CREATE TABLE pairs (a INTEGER, b INTEGER)").Version;

        var outcome = Run(engine, version, "INSERT INTO pairs SELECT l.x, r.x FROM big l, big r");

        var error = Assert.Single(outcome.Results).Error;
        Assert.Equal(SqlStates.ProgramLimitExceeded, error?.SqlState);
        Assert.Contains("examined more than 10000 rows", error?.Message, StringComparison.Ordinal);
        Assert.Same(version, outcome.Version);
        Assert.Equal("0", Scalar(engine, outcome.Version, "SELECT count(*) FROM pairs"));
        // Within the limit the same tables still serve.
        Assert.Equal("300", Scalar(engine, outcome.Version, "SELECT count(*) FROM big"));
    }

    [Fact]
    public void The_limit_fails_the_same_statement_at_the_same_point_on_every_engine()
    {
        // Two replicas: same version, same batch, same limit: same results, same version.
        var first = new SqlEngine(maxRowsExamined: 5_000);
        var second = new SqlEngine(maxRowsExamined: 5_000);
        const string Batch = "CREATE TABLE t (x INTEGER); INSERT INTO t SELECT * FROM generate_series(1, 100); " +
            "INSERT INTO t SELECT l.x FROM t l, t r; SELECT count(*) FROM t";

        var a = Run(first, DatabaseVersion.Empty, Batch);
        var b = Run(second, DatabaseVersion.Empty, Batch);

        Assert.Equal(Describe(a), Describe(b));
        Assert.Equal(SqlStates.ProgramLimitExceeded, a.Results[2].Error?.SqlState);
        Assert.Equal("100", a.Results[3].Rows[0][0].FormatText());
    }

    [Fact]
    public void The_default_limit_lets_a_million_row_join_run()
    {
        var engine = new SqlEngine();

        Assert.Equal("1000000", Scalar(engine, DatabaseVersion.Empty, CrossJoin));
    }

    [Fact]
    public void A_read_whose_token_is_cancelled_ends_with_57014()
    {
        var engine = new SqlEngine();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var outcome = engine.Execute(DatabaseVersion.Empty, engine.Prepare(CrossJoin), [], ExecutionEnvironment.Default, cancelled.Token);

        Assert.Equal(SqlStates.QueryCanceled, Assert.Single(outcome.Results).Error?.SqlState);
    }

    [Fact]
    public void A_long_read_stops_when_its_token_is_cancelled_while_it_runs()
    {
        // 10^10 candidates: without the cancellation it would run until the 10^9-row limit (54000) many seconds later.
        var engine = new SqlEngine();
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var outcome = engine.Execute(
            DatabaseVersion.Empty, engine.Prepare("SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b"), [],
            ExecutionEnvironment.Default, soon.Token);

        Assert.Equal(SqlStates.QueryCanceled, Assert.Single(outcome.Results).Error?.SqlState);
    }

    [Fact]
    public void A_read_whose_result_outgrows_its_byte_limit_fails_with_54000()
    {
        var engine = new SqlEngine();
        var version = Run(engine, DatabaseVersion.Empty, "CREATE TABLE docs (body TEXT); INSERT INTO docs VALUES (repeat('x', 600)), (repeat('y', 600))").Version;

        // A row of one 600-character text is estimated at 16 + 8 + 600 bytes: one fits in 1,000, two do not.
        Assert.Single(Read(engine, version, "SELECT body FROM docs LIMIT 1", 1_000).Results[0].Rows);
        var error = Read(engine, version, "SELECT body FROM docs", 1_000).Results[0].Error;
        Assert.Equal(SqlStates.ProgramLimitExceeded, error?.SqlState);
        Assert.Contains("result is larger than 1000 bytes", error?.Message, StringComparison.Ordinal);
        // Rows examined but not returned do not count.
        Assert.Equal("2", Read(engine, version, "SELECT count(*) FROM docs", 1_000).Results[0].Rows[0][0].FormatText());
        Assert.Equal(SqlStates.ProgramLimitExceeded, Read(engine, version, "SELECT x FROM generate_series(1, 1000) x", 1_000).Results[0].Error?.SqlState);
    }

    [Theory]
    [InlineData("generate_series(9223372036854775806, 9223372036854775807)", "2|9223372036854775806|9223372036854775807")]
    [InlineData("generate_series(9223372036854775800, 9223372036854775807, 5)", "2|9223372036854775800|9223372036854775805")]
    [InlineData("generate_series(-9223372036854775807, -9223372036854775807 - 1, -1)", "2|-9223372036854775808|-9223372036854775807")]
    public void A_series_that_reaches_the_end_of_bigint_stops_there(string series, string expected)
    {
        var engine = new SqlEngine();

        var outcome = Run(engine, DatabaseVersion.Empty, $"SELECT count(*), min(x), max(x) FROM {series} AS s(x)");

        var result = Assert.Single(outcome.Results);
        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal(expected, string.Join("|", result.Rows[0].Select(v => v.FormatText())));
    }

    private static BatchOutcome Run(SqlEngine engine, DatabaseVersion version, string sql) =>
        engine.Execute(version, engine.Prepare(sql), [], ExecutionEnvironment.Default);

    private static BatchOutcome Read(SqlEngine engine, DatabaseVersion version, string sql, long maxResultBytes) =>
        engine.Execute(version, engine.Prepare(sql), [], ExecutionEnvironment.Default, CancellationToken.None, maxResultBytes);

    private static string Scalar(SqlEngine engine, DatabaseVersion version, string sql)
    {
        var result = Assert.Single(Run(engine, version, sql).Results);
        Assert.False(result.IsError, result.Error?.Message);
        return result.Rows[0][0].FormatText() ?? "NULL";
    }

    private static string Describe(BatchOutcome outcome) =>
        $"{outcome.Version.Number}: " + string.Join("; ", outcome.Results.Select(r => r.IsError
            ? $"{r.Error!.SqlState} {r.Error.Message}"
            : string.Join(",", r.Rows.Select(row => string.Join("|", row.Select((SqlValue v) => v.FormatText()))))));
}
