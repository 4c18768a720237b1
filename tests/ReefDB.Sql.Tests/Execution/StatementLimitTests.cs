using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Tests.Execution;

/// <summary>
/// What stops a statement: past <see cref="SqlEngine.MaxRowsExamined"/> rows examined it fails with 54000 (alike on
/// every replica), a read whose token is cancelled ends with 57014 wherever it spends its time, and a read whose
/// result outgrows the byte limit its server sets fails with 54000. A series that reaches the end of bigint stops there.
/// </summary>
public sealed class StatementLimitTests
{
    // A cross join of two 1,000-row series tries 1,000,000 candidates: many checks of the token, in milliseconds.
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
        Assert.Equal("300", Single(Run(engine, version, "SELECT count(*) FROM big")));
    }

    [Fact]
    public void A_cascade_that_scans_its_children_counts_against_the_limit()
    {
        // No index on c.p: each deleted parent scans all 200 children, 40,000 rows in all.
        var engine = new SqlEngine(maxRowsExamined: 10_000);
        var version = Run(engine, DatabaseVersion.Empty,
            "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p (id) ON DELETE CASCADE); " +
            "INSERT INTO p SELECT * FROM generate_series(1, 200); INSERT INTO c SELECT i, i FROM generate_series(1, 200) AS s(i)").Version;

        var outcome = Run(engine, version, "DELETE FROM p");

        Assert.Equal(SqlStates.ProgramLimitExceeded, Assert.Single(outcome.Results).Error?.SqlState);
        Assert.Same(version, outcome.Version);
        // Under the default limit the same delete cascades to every child.
        Assert.Equal("0", Single(Run(new SqlEngine(), version, "DELETE FROM p; SELECT count(*) FROM c")));
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
        // 10^10 join candidates: minutes of work, unless cancelled.
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

    private static string Single(BatchOutcome outcome)
    {
        var result = outcome.Results[^1];
        Assert.False(result.IsError, result.Error?.Message);
        return result.Rows[0][0].FormatText() ?? "NULL";
    }
}
