using ReefDB.Cli.Sessions;
using ReefDB.Cli.Tests.Fakes;

namespace ReefDB.Cli.Tests.LogicTest;

public sealed class LogicTestRunnerTests : IDisposable
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "LogicTest", "testdata");
    private readonly string scratch = Directory.CreateTempSubdirectory("reefdb-logictest-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string WriteTest(string relativePath, string text)
    {
        var path = Path.Combine(scratch, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Every_directive_of_the_crafted_file_passes_against_a_correct_engine()
    {
        var path = Path.Combine(TestData, "basic.test");
        using var cli = new TestEnvironment(FakeLogic.Basic());
        Assert.Equal(0, cli.Run("logictest", "--verbose", path));
        Assert.Equal($"{path}: 7 passed, 0 failed, 2 skipped\n7 passed, 0 failed\n", cli.Output);
        Assert.DoesNotContain(cli.Sessions.Opened.Single().Executed, sql => sql.Contains("NOT RUN", StringComparison.Ordinal));
    }

    [Fact]
    public void Reproduces_a_hash_line_of_the_real_corpus()
    {
        var path = Path.Combine(TestData, "select1_excerpt.test");
        using var cli = new TestEnvironment(FakeLogic.Select1Excerpt());
        Assert.Equal(0, cli.Run("logictest", "--verbose", path));
        Assert.EndsWith(": 32 passed, 0 failed, 0 skipped\n32 passed, 0 failed\n", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_shows_each_failure_with_sql_expected_and_actual()
    {
        var path = WriteTest("bad.test", """
            statement ok
            CREATE TABLE t(a INTEGER, b TEXT)

            query IT rowsort
            SELECT a, b FROM t
            ----
            1
            x
            2
            y

            statement ok
            SELECT broken

            query I nosort
            SELECT a, b FROM t
            ----

            statement error
            CREATE TABLE t(a INTEGER, b TEXT)

            query IT rowsort
            SELECT a, b FROM t
            ----
            6 values hashing to 00000000000000000000000000000000
            """);
        using var cli = new TestEnvironment(FakeLogic.Basic());
        Assert.Equal(1, cli.Run("logictest", "--verbose", path));
        var output = cli.Output;
        Assert.Contains($"FAIL {path}:4: wrong result\n  sql:\n    SELECT a, b FROM t\n  expected:\n    1\n    x\n    2\n    y\n  actual:\n    1\n    x\n    10\n    (empty)\n    2\n    NULL\n", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL {path}:12: statement failed\n  sql:\n    SELECT broken\n  actual:\n    ERROR: 42601: fake cannot run: SELECT broken at line 1, column 1\n", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL {path}:15: the file expects 1 columns, the query returned 2\n", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL {path}:19: statement succeeded, but the file expects an error\n", output, StringComparison.Ordinal);
        Assert.Contains("  expected:\n    6 values hashing to 00000000000000000000000000000000\n  actual:\n    6 values hashing to 52a23c51a9761ad28957f5bae91a6ad3\n", output, StringComparison.Ordinal);
        Assert.EndsWith($"{path}: 1 passed, 5 failed, 0 skipped\n1 passed, 5 failed\n", output, StringComparison.Ordinal);

        using var quiet = new TestEnvironment(FakeLogic.Basic());
        Assert.Equal(1, quiet.Run("logictest", path));
        Assert.Equal($"{path}: 1 passed, 5 failed, 0 skipped\n1 passed, 5 failed\n", quiet.Output);
    }

    [Fact]
    public void Text_beyond_ascii_is_printed_as_utf8_and_matches_either_form()
    {
        // PostgreSQL-made files hold the characters; files of the C reference hold '@' per UTF-8 byte.
        var path = WriteTest("utf8.test", """
            query T nosort
            SELECT w
            ----
            héllo ✓

            query T nosort
            SELECT w
            ----
            h@@llo @@@

            query T nosort
            SELECT w
            ----
            1 values hashing to 23a56b11b2b489be19c7aebb512cd880

            query T nosort
            SELECT w
            ----
            1 values hashing to 3f347c8fc1bd51091e80ea85e3ec77e0

            query T nosort
            SELECT w
            ----
            hello
            """);
        using var cli = new TestEnvironment(sql => sql == "SELECT w"
            ? StatementOutcome.Query("SELECT 1", ["w"], [["héllo ✓"]])
            : StatementOutcome.Failed(new SqlError("42601", "fake cannot run: " + sql)));
        Assert.Equal(1, cli.Run("logictest", "--verbose", path));
        Assert.Contains($"FAIL {path}:21: wrong result\n  sql:\n    SELECT w\n  expected:\n    hello\n  actual:\n    héllo ✓\n", cli.Output, StringComparison.Ordinal);
        Assert.EndsWith($"{path}: 4 passed, 1 failed, 0 skipped\n4 passed, 1 failed\n", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_reused_with_a_different_result_fails()
    {
        var path = WriteTest("label.test", """
            query I rowsort label-a
            SELECT a FROM t UNION ALL SELECT a + 1 FROM t
            ----
            1
            10
            11
            2
            2
            3

            query I valuesort label-a
            SELECT a, b FROM t
            ----
            6 values hashing to 52a23c51a9761ad28957f5bae91a6ad3
            """);
        using var cli = new TestEnvironment(FakeLogic.Basic());
        Assert.Equal(1, cli.Run("logictest", "-v", path));
        Assert.Contains(":11: the file expects 1 columns", cli.Output, StringComparison.Ordinal);

        var same = WriteTest("same.test", """
            query IT rowsort label-b
            SELECT a, b FROM t
            ----
            6 values hashing to 52a23c51a9761ad28957f5bae91a6ad3

            query IT nosort label-b
            SELECT a, b FROM t AS t2
            ----
            10
            (empty)
            1
            x
            2
            NULL
            """);
        using var sameCli = new TestEnvironment(FakeLogic.Basic());
        Assert.Equal(1, sameCli.Run("logictest", "-v", same));
        Assert.Contains(":6: result differs from the one of label label-b at line 1", sameCli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_test_files_in_folders_recursively_and_runs_each_on_a_fresh_database()
    {
        var text = "statement ok\nCREATE TABLE t(a INTEGER, b TEXT)\n";
        var second = WriteTest(Path.Combine("b", "deep", "two.test"), text);
        var first = WriteTest(Path.Combine("a", "one.test"), text);
        WriteTest(Path.Combine("a", "notes.txt"), "statement ok\nNOT A TEST\n");
        using var cli = new TestEnvironment(FakeLogic.Basic());
        Assert.Equal(0, cli.Run("logictest", scratch));
        Assert.Equal($"{first}: 1 passed, 0 failed, 0 skipped\n{second}: 1 passed, 0 failed, 0 skipped\n2 passed, 0 failed\n", cli.Output);
        Assert.Equal(2, cli.Sessions.Opened.Count);
        Assert.All(cli.Sessions.Opened, s => Assert.True(s.Disposed));
    }

    [Fact]
    public void A_missing_path_is_reported_and_fails_the_run()
    {
        using var cli = new TestEnvironment(FakeLogic.Basic());
        Assert.Equal(1, cli.Run("logictest", Path.Combine(scratch, "nope.test")));
        Assert.Contains("no such file or folder", cli.Error, StringComparison.Ordinal);
        Assert.Equal("0 passed, 0 failed\n", cli.Output);
    }

    [Fact]
    public void A_record_that_runs_too_long_fails_and_the_run_goes_on_with_the_next_file()
    {
        var stuck = WriteTest("1-stuck.test", """
            statement ok
            CREATE TABLE t(a INTEGER, b TEXT)

            statement ok
            SELECT forever

            statement ok
            SELECT never reached

            skipif postgresql
            statement ok
            SELECT skipped anyway
            """);
        var next = WriteTest("2-next.test", "statement ok\nCREATE TABLE t(a INTEGER, b TEXT)\n");
        using var release = new ManualResetEventSlim();
        var basic = FakeLogic.Basic();
        using var cli = new TestEnvironment(sql =>
        {
            if (sql == "SELECT forever")
            {
                release.Wait(TimeSpan.FromSeconds(30));
                return StatementOutcome.Command("SELECT 0");
            }

            return basic(sql);
        });
        try
        {
            Assert.Equal(1, cli.Run("logictest", "--verbose", "--timeout", "2", scratch));
        }
        finally
        {
            release.Set();
        }

        Assert.Contains($"FAIL {stuck}:4: timeout: still running after 2 s; the rest of the file is not run\n", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"{stuck}: 1 passed, 2 failed, 1 skipped\n", cli.Output, StringComparison.Ordinal);
        Assert.EndsWith($"{next}: 1 passed, 0 failed, 0 skipped\n2 passed, 2 failed\n", cli.Output, StringComparison.Ordinal);
    }
}
