namespace ReefDB.Sql.Tests.Execution;

/// <summary>
/// A version's number counts published changes: a batch that changes anything, however many statements it
/// has, publishes exactly one number past its input (replicas compare these numbers), and a batch that changes
/// nothing publishes its input itself.
/// </summary>
public sealed class VersionNumberTests
{
    private readonly SqlEngine engine = new();

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)")]
    [InlineData("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); UPDATE t SET k = k + 10")]
    [InlineData("CREATE TABLE u (k BIGINT); INSERT INTO u VALUES (1); DROP TABLE t")]
    [InlineData("BEGIN; INSERT INTO t VALUES (1); SAVEPOINT s; INSERT INTO t VALUES (2); ROLLBACK TO s; COMMIT")]
    [InlineData("INSERT INTO t VALUES (1); INSERT INTO t VALUES ('not a number')")]
    public void A_batch_that_changes_anything_counts_once(string sql)
    {
        var start = Table();

        var outcome = engine.Execute(start, sql);

        Assert.Equal(start.Number + 1, outcome.Version.Number);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM t")]
    [InlineData("INSERT INTO t VALUES ('not a number')")]
    [InlineData("BEGIN; INSERT INTO t VALUES (1); ROLLBACK")]
    [InlineData("BEGIN; INSERT INTO t VALUES (1)")]
    public void A_batch_that_changes_nothing_publishes_its_input(string sql)
    {
        var start = Table();

        var outcome = engine.Execute(start, sql);

        Assert.Same(start, outcome.Version);
    }

    [Fact]
    public void Numbers_keep_counting_across_batches()
    {
        var version = Table();
        var first = version.Number;
        for (var i = 0; i < 5; i++)
        {
            version = engine.Execute(version, "INSERT INTO t VALUES ($1); INSERT INTO t VALUES ($1 + 100)", [Sql.Types.SqlValue.FromInt64(i)]).Version;
        }

        Assert.Equal(first + 5, version.Number);
    }

    private DatabaseVersion Table() => engine.Execute(DatabaseVersion.Empty, "CREATE TABLE t (k BIGINT)").Version;
}
