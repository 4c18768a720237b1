using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Tests;

/// <summary>The embedded API's behaviour, the same in memory and on disk (each mode runs the whole suite).</summary>
public abstract class ReefDatabaseTests
{
    /// <summary>A new, empty database of the mode under test.</summary>
    protected abstract ReefDatabase OpenEmpty();

    [Fact]
    public void Execute_returns_columns_types_rows_and_rows_affected()
    {
        using var db = OpenEmpty();

        var results = db.Execute("""
            CREATE TABLE people (id INT PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO people VALUES ($1, $2), ($3, $4);
            SELECT id, name FROM people ORDER BY id DESC
            """, 1, "ada", 2, "grace");

        Assert.Equal(3, results.Count);
        Assert.Equal(2, results[1].RowsAffected);
        Assert.Equal(["id", "name"], results[2].Columns.Select(c => c.Name));
        Assert.Equal([SqlType.Integer, SqlType.Text], results[2].Columns.Select(c => c.Type));
        Assert.Equal(["2|grace", "1|ada"], results[2].Rows.Select(r => $"{r[0]}|{r[1]}"));
    }

    [Fact]
    public void A_call_with_several_statements_is_one_transaction()
    {
        using var db = OpenEmpty();
        db.Execute("CREATE TABLE t (id INT PRIMARY KEY)");

        var error = Assert.Throws<SqlException>(() => db.Execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)"));

        Assert.Equal(SqlStates.UniqueViolation, error.SqlState);
        Assert.Equal(0L, db.Execute("SELECT count(*) FROM t")[0].Rows[0][0].AsInt64);
    }

    [Fact]
    public void Begin_and_rollback_inside_one_call_discard_the_block()
    {
        using var db = OpenEmpty();
        db.Execute("CREATE TABLE t (id INT PRIMARY KEY)");

        db.Execute("INSERT INTO t VALUES (1); BEGIN; INSERT INTO t VALUES (2); ROLLBACK; INSERT INTO t VALUES (3)");

        Assert.Equal(["1", "3"], db.Execute("SELECT id FROM t ORDER BY id")[0].Rows.Select(r => r[0].ToString()));
    }

    [Fact]
    public void A_read_whose_token_is_cancelled_while_it_runs_throws_57014()
    {
        using var db = OpenEmpty();
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        // 10^10 join candidates: minutes of work, unless cancelled.
        var error = Assert.Throws<SqlException>(() =>
            db.Execute("SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b", soon.Token));

        Assert.Equal(SqlStates.QueryCanceled, error.SqlState);
    }

    [Fact]
    public void A_write_whose_token_is_already_cancelled_is_not_run()
    {
        using var db = OpenEmpty();
        db.Execute("CREATE TABLE t (id INT PRIMARY KEY)");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var error = Assert.Throws<SqlException>(() => db.Prepare("INSERT INTO t VALUES ($1)").Execute(cancelled.Token, 1));

        Assert.Equal(SqlStates.QueryCanceled, error.SqlState);
        Assert.Equal(0L, db.Execute("SELECT count(*) FROM t", CancellationToken.None)[0].Rows[0][0].AsInt64);
    }

    [Fact]
    public void A_prepared_statement_runs_many_times_with_different_parameters()
    {
        using var db = OpenEmpty();
        db.Execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v TEXT)");
        var insert = db.Prepare("INSERT INTO t VALUES ($1, $2)");
        var select = db.Prepare("SELECT v FROM t WHERE id = $1");

        for (var i = 0; i < 100; i++)
        {
            insert.Execute(i, $"v{i}");
        }

        Assert.Equal(2, insert.ParameterCount);
        Assert.False(insert.IsReadOnly);
        Assert.True(select.IsReadOnly);
        Assert.Equal("v42", select.Execute(42L)[0].Rows[0][0].AsText);
    }

    [Fact]
    public void Missing_parameters_and_unsupported_clr_types_are_clear_errors()
    {
        using var db = OpenEmpty();

        Assert.Equal(SqlStates.UndefinedParameter, Assert.Throws<SqlException>(() => db.Execute("SELECT $1 + $2", 1)).SqlState);
        Assert.Equal(SqlStates.DatatypeMismatch, Assert.Throws<SqlException>(() => db.Execute("SELECT $1", new object())).SqlState);
    }

    [Fact]
    public void Syntax_errors_carry_their_position()
    {
        using var db = OpenEmpty();

        var error = Assert.Throws<SqlException>(() => db.Execute("SELECT 1;\nSELECT FROM WHERE"));

        Assert.Equal(SqlStates.SyntaxError, error.SqlState);
        Assert.Equal(2, error.Position?.Line);
    }

    [Fact]
    public async Task Readers_running_beside_a_writer_always_see_whole_transactions()
    {
        using var db = OpenEmpty();
        db.Execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT); INSERT INTO accounts VALUES (1, 1000), (2, 1000)");
        var transfer = db.Prepare("UPDATE accounts SET balance = balance - $1 WHERE id = 1; UPDATE accounts SET balance = balance + $1 WHERE id = 2");
        var total = db.Prepare("SELECT sum(balance) FROM accounts");
        using var stop = new CancellationTokenSource();
        using var readersStarted = new CountdownEvent(2);
        var inconsistencies = 0;
        var reads = 0;

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var first = true;
            while (!stop.IsCancellationRequested)
            {
                if (total.Execute()[0].Rows[0][0].ToString() != "2000")
                {
                    Interlocked.Increment(ref inconsistencies);
                }

                Interlocked.Increment(ref reads);
                if (first)
                {
                    readersStarted.Signal();
                    first = false;
                }
            }
        })).ToArray();

        // The readers must run beside the writes, not before or after them: on a busy machine their tasks may start
        // late, so the writes wait for them and go on until some reads overlapped them (bounded).
        Assert.True(readersStarted.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "the reader tasks never started");
        var readsBefore = Volatile.Read(ref reads);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        for (var i = 0; i < 300 || (Volatile.Read(ref reads) - readsBefore < 20 && DateTime.UtcNow < deadline); i++)
        {
            transfer.Execute(i % 7);
        }

        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.True(reads - readsBefore >= 20, $"only {reads - readsBefore} reads ran beside the writes");
        Assert.Equal(0, inconsistencies);
    }

    [Fact]
    public void A_disposed_database_refuses_work()
    {
        var db = OpenEmpty();
        db.Dispose();

        Assert.Throws<ObjectDisposedException>(() => db.Execute("SELECT 1"));
    }
}
