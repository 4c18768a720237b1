using System.Diagnostics;
using System.Globalization;
using ReefDB.Raft.Storage;

namespace ReefDB.Benchmarks.Durable;

/// <summary>
/// Time to reopen a durable database whose directory holds a large snapshot plus a log of single-row INSERTs after
/// it, and the snapshot restore rate. The directory is built through the public API only: a bulk load, a reopen with
/// a snapshot due after every entry (so the whole table is snapshotted once), then the log tail with snapshots off.
/// </summary>
/// <remarks>
/// The timed opens run with automatic snapshots off: with the default policy (every 10,000 entries) the replay would
/// start a background snapshot of the whole state part-way, and the figure would depend on how far it got. The cold
/// open first evicts the directory's files from the page cache (posix_fadvise DONTNEED, which touches only those files
/// and so is harmless on a shared machine), so the snapshot and the log are read from the disk.
/// </remarks>
internal static class RecoveryBenchmark
{
    /// <summary>Bytes one (BIGINT, 256-character TEXT) row takes in a snapshot, measured; only sizes the load.</summary>
    private const double EstimatedRowBytes = 270;
    private const int RowsPerStatement = 50_000;
    private const int TailWriters = 8;

    public sealed record Result(
        long SnapshotBytes, long Rows, int LogEntries, long LogBytes, TimeSpan BuildTime, Open Cold, Open Warm);

    /// <summary>One timed open: until the snapshot is verified and restored, then until the log is replayed.</summary>
    public sealed record Open(TimeSpan Restore, TimeSpan Total, double RestoreCpuSeconds, double CpuSeconds)
    {
        public TimeSpan Replay => Total - Restore;
    }

    public static Result Run(string directory, DurableOptions options, string payload, Action<string> progress)
    {
        var build = Stopwatch.StartNew();
        var rows = Math.Max(RowsPerStatement, (long)(options.RecoveryGigabytes * (1L << 30) / EstimatedRowBytes));
        rows -= rows % RowsPerStatement;
        progress($"loading {rows:N0} rows");
        Load(directory, rows, payload);
        progress("taking the snapshot");
        TakeSnapshot(directory);
        progress($"writing {options.RecoveryLogEntries:N0} log entries after it");
        WriteTail(directory, rows, options.RecoveryLogEntries, payload);
        build.Stop();

        var snapshotBytes = NewestSnapshotBytes(directory);
        var logBytes = FolderBytes(Path.Combine(directory, "log"));
        var expected = rows + options.RecoveryLogEntries;
        progress("timed open, cold");
        PageCache.Evict(directory);
        var cold = TimedOpen(directory, expected);
        progress("timed open, warm");
        var warm = TimedOpen(directory, expected);
        return new Result(snapshotBytes, rows, options.RecoveryLogEntries, logBytes, build.Elapsed, cold, warm);
    }

    private static ReefDatabaseOptions Untimed(ulong snapshotEntries) => new()
    {
        Fsync = FsyncPolicy.None,
        SnapshotEntries = snapshotEntries,
        SnapshotLogBytes = long.MaxValue,
    };

    private static void Load(string directory, long rows, string payload)
    {
        using var database = ReefDatabase.Open(directory, Untimed(ulong.MaxValue));
        database.Execute("CREATE TABLE bench (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
        for (long offset = 0; offset < rows; offset += RowsPerStatement)
        {
            database.Execute(string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO bench (id, payload) WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {RowsPerStatement}) SELECT x + {offset}, '{payload}' FROM g"));
        }
    }

    /// <summary>Reopens with a snapshot due after every entry: the replay makes one due, and the loop takes it.</summary>
    private static void TakeSnapshot(string directory)
    {
        using var events = new EventClock();
        using var database = ReefDatabase.Open(directory, Untimed(1) with { LoggerFactory = events });
        events.WaitFor(EventClock.SnapshotTaken, TimeSpan.FromHours(1));
    }

    private static void WriteTail(string directory, long firstId, int entries, string payload)
    {
        using var database = ReefDatabase.Open(directory, Untimed(ulong.MaxValue));
        var next = firstId;
        var threads = Enumerable.Range(0, TailWriters).Select(_ => new Thread(() =>
        {
            var insert = database.Prepare("INSERT INTO bench (id, payload) VALUES ($1, $2)");
            long id;
            while ((id = Interlocked.Increment(ref next)) <= firstId + entries)
            {
                insert.Execute(id, payload);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private static Open TimedOpen(string directory, long expectedRows)
    {
        using var events = new EventClock();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        using var database = ReefDatabase.Open(directory, new ReefDatabaseOptions
        {
            Fsync = FsyncPolicy.Always,
            SnapshotEntries = ulong.MaxValue,
            SnapshotLogBytes = long.MaxValue,
            LoggerFactory = events,
        });
        var end = Stopwatch.GetTimestamp();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var opened = events.When(EventClock.Opened) ?? throw new InvalidOperationException("The database did not log its open.");
        var count = database.Execute("SELECT count(*) FROM bench")[0].Rows[0][0].ToString();
        if (count != expectedRows.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Reopened with {count} rows, expected {expectedRows}.");
        }

        var restoreCpu = (events.CpuAt(EventClock.Opened)!.Value - cpuBefore).TotalSeconds;
        return new Open(Stopwatch.GetElapsedTime(start, opened), Stopwatch.GetElapsedTime(start, end), restoreCpu, cpuSeconds);
    }

    private static long NewestSnapshotBytes(string directory) =>
        new DirectoryInfo(Path.Combine(directory, "snapshots")).GetFiles()
            .Where(f => f.Name != "manifest")
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .First().Length;

    private static long FolderBytes(string path) => new DirectoryInfo(path).GetFiles().Sum(f => f.Length);
}
