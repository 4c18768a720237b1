using Microsoft.Extensions.Logging;
using ReefDB.Raft.Storage;

namespace ReefDB.Tests;

/// <summary>What only a database on disk does: survive closing, share fsyncs, refuse a second process.</summary>
public sealed class DurableOnlyTests
{
    [Fact]
    public void Closing_and_reopening_keeps_every_write_and_schema()
    {
        using var dir = new TempDirectory();
        using (var db = ReefDatabase.Open(dir.Path))
        {
            db.Execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)");
            var insert = db.Prepare("INSERT INTO t VALUES ($1, $2)");
            for (var i = 0; i < 100; i++)
            {
                insert.Execute(i, $"v{i}");
            }

            db.Execute("DELETE FROM t WHERE id >= 90; UPDATE t SET v = 'changed' WHERE id = 0");
        }

        using var reopened = ReefDatabase.Open(dir.Path);
        Assert.Equal(90L, reopened.Execute("SELECT count(*) FROM t")[0].Rows[0][0].AsInt64);
        Assert.Equal("changed", reopened.Execute("SELECT v FROM t WHERE id = 0")[0].Rows[0][0].AsText);
        reopened.Execute("INSERT INTO t VALUES (1000, 'after')");
        Assert.Equal(91L, reopened.Execute("SELECT count(*) FROM t")[0].Rows[0][0].AsInt64);
    }

    [Fact]
    public void Reopening_after_snapshots_restores_the_snapshot_and_replays_the_log_after_it()
    {
        using var dir = new TempDirectory();
        var options = new ReefDatabaseOptions { SnapshotEntries = 40, SegmentBytes = 8192, Fsync = FsyncPolicy.None };
        using (var db = ReefDatabase.Open(dir.Path, options))
        {
            db.Execute("CREATE TABLE t (id INT PRIMARY KEY)");
            var insert = db.Prepare("INSERT INTO t VALUES ($1)");
            for (var i = 0; i < 250; i++)
            {
                insert.Execute(i);
            }

            // Snapshots are taken in the background: on a busy machine the first may still be running.
            SpinWait.SpinUntil(() => Directory.GetFiles(Path.Combine(dir.Path, "snapshots"), "*.snap").Length > 0, TimeSpan.FromSeconds(20));
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.Path, "snapshots"), "*.snap"));
        using var reopened = ReefDatabase.Open(dir.Path, options);
        Assert.Equal(250L, reopened.Execute("SELECT count(*) FROM t")[0].Rows[0][0].AsInt64);
    }

    [Fact]
    public async Task Concurrent_writers_all_succeed_and_every_write_is_durable()
    {
        using var dir = new TempDirectory();
        using (var db = ReefDatabase.Open(dir.Path))
        {
            db.Execute("CREATE TABLE t (id INT PRIMARY KEY, writer INT)");
            var insert = db.Prepare("INSERT INTO t VALUES ($1, $2)");
            await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(() =>
            {
                for (var i = 0; i < 25; i++)
                {
                    insert.Execute((w * 1000) + i, w);
                }
            })));
            Assert.Equal(400L, db.Execute("SELECT count(*) FROM t")[0].Rows[0][0].AsInt64);
        }

        using var reopened = ReefDatabase.Open(dir.Path);
        Assert.Equal(400L, reopened.Execute("SELECT count(*) FROM t")[0].Rows[0][0].AsInt64);
    }

    [Fact]
    public void A_directory_open_elsewhere_is_refused_and_corruption_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        using (var db = ReefDatabase.Open(dir.Path))
        {
            db.Execute("CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1)");
            Assert.Throws<IOException>(() => ReefDatabase.Open(dir.Path));
            db.Execute("INSERT INTO t VALUES (2)");
        }

        var segment = Directory.GetFiles(Path.Combine(dir.Path, "log"), "*.log").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[40] ^= 0xFF; // inside the first record, which later records follow: not a torn tail
        File.WriteAllBytes(segment, bytes);
        var error = Assert.Throws<RaftStorageCorruptionException>(() => ReefDatabase.Open(dir.Path));
        Assert.Equal(segment, error.File);
        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fsync_none_logs_a_warning_at_open()
    {
        using var dir = new TempDirectory();
        var logs = new ListLoggerFactory();
        using var db = ReefDatabase.Open(dir.Path, new ReefDatabaseOptions { Fsync = FsyncPolicy.None, LoggerFactory = logs });
        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("fsync is disabled", StringComparison.Ordinal));
    }

    private sealed class ListLoggerFactory : ILoggerFactory, ILogger
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add((logLevel, formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }
}
