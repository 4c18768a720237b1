using System.Globalization;

namespace ReefDB.Benchmarks.Durable;

/// <summary>
/// Issue 4's performance figures in one run: the disk's fsync latency first (the physical limit), then durable
/// single-row INSERTs at 1, 16 and 64 concurrent writers for SQLite (WAL, synchronous=FULL) and ReefDB (fsync
/// always) on the same disk, then the recovery time of a large directory. Prints Markdown tables ready for
/// docs/PERFORMANCE.md.
/// Run (Release only): <c>nice -n 19 dotnet run -c Release --project bench/ReefDB.Benchmarks -- durable [options]</c>
/// </summary>
internal static class DurableBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        DurableOptions options;
        try
        {
            options = DurableOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(DurableOptions.Usage);
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("The durable benchmark runs in Release only: dotnet run -c Release ...");
        return 2;
#else
        var root = Path.Combine(options.Root, $"reefdb-durable-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        try
        {
            Run(options, root);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
#endif
    }

    private static void Run(DurableOptions options, string root)
    {
        Console.WriteLine($"# Durability benchmark: {MachineInfo.Describe()}");
        Console.WriteLine($"Files under {root}");
        if (!options.Fsync)
        {
            Console.WriteLine("DIAGNOSTIC RUN: fsync is off in both engines; these are not durability figures.");
        }

        Console.WriteLine();
        PrintFsync(FsyncProbe.Run(root, options.FsyncProbe));
        var payload = new string('x', options.PayloadBytes);
        if (options.Inserts)
        {
            var results = RunInserts(options, root, payload);
            PrintInserts(results);
        }

        if (options.RecoveryGigabytes > 0)
        {
            var directory = Path.Combine(root, "recovery");
            var result = RecoveryBenchmark.Run(directory, options, payload, step => Console.WriteLine($"  recovery: {step} (load {MachineInfo.Load()})"));
            PrintRecovery(result);
            Directory.Delete(directory, recursive: true);
        }

        Console.WriteLine($"Load at the end: {MachineInfo.Load()}");
    }

    private static void PrintFsync(IReadOnlyList<FsyncProbe.Result> results)
    {
        Console.WriteLine("| disk probe | samples | p50 ms | p99 ms | mean ms | ≈ max fsyncs/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(Invariant($"| {r.Shape} | {r.Count} | {r.P50:F2} | {r.P99:F2} | {r.Mean:F2} | {1000 / r.Mean:F0} |"));
        }

        Console.WriteLine();
    }

    private sealed record Pair(int Writers, WriterLoad.Result? Sqlite, WriterLoad.Result? Reef, double SmallAppendP50, double PageOverwriteP50, string Load);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static WriterLoad.Result? Pool(List<WriterLoad.Result> rounds) => rounds.Count == 0 ? null : WriterLoad.Result.Pool(rounds);

    private static List<Pair> RunInserts(DurableOptions options, string root, string payload)
    {
        var pairs = new List<Pair>();
        var probeSlice = options.FsyncProbe / 4;
        // Untimed: the first run in a process pays for JIT compilation (tiering up takes a few seconds), which would
        // otherwise land in whichever engine and writer count come first.
        foreach (var reef in new[] { false, true }.Where(r => r ? options.Reef : options.Sqlite))
        {
            Measure(reef, options with { Warmup = TimeSpan.Zero, Measure = TimeSpan.FromSeconds(3) }, root, 4, payload);
        }

        foreach (var writers in options.Writers)
        {
            var sqlite = new List<WriterLoad.Result>();
            var reef = new List<WriterLoad.Result>();
            var disk = new List<double>();
            var page = new List<double>();
            for (var round = 0; round < options.Rounds; round++)
            {
                var probe = FsyncProbe.Run(root, probeSlice);
                disk.Add(probe.First(p => p.Shape == FsyncProbe.SmallAppend).P50);
                page.Add(probe.First(p => p.Shape == FsyncProbe.PageOverwrite).P50);
                // Alternate which engine goes first, so a drift in the machine's load does not favour one side.
                var reefFirst = round % 2 == 1;
                for (var turn = 0; turn < 2; turn++)
                {
                    var isReef = (turn == 0) == reefFirst;
                    if (!(isReef ? options.Reef : options.Sqlite))
                    {
                        continue;
                    }

                    var result = Measure(isReef, options, root, writers, payload);
                    (isReef ? reef : sqlite).Add(result);
                    Console.WriteLine(Invariant(
                        $"  round {round + 1}: {(isReef ? ReefEngine.Name : SqliteEngine.Name),-6} {writers,3} writers: {result.OpsPerSecond,8:F0} ops/s, p50 {result.Latencies.Milliseconds(0.5):F2} ms, p99 {result.Latencies.Milliseconds(0.99):F2} ms, {result.CpuMicrosecondsPerOperation:F0} CPU-µs/op (disk fsync p50 {disk[^1]:F2} / {page[^1]:F2} ms, load {MachineInfo.Load()})"));
                }
            }

            pairs.Add(new Pair(writers, Pool(sqlite), Pool(reef), Median(disk), Median(page), MachineInfo.Load()));
        }

        Console.WriteLine();
        return pairs;
    }

    private static WriterLoad.Result Measure(bool reef, DurableOptions options, string root, int writers, string payload)
    {
        var directory = Path.Combine(root, $"{(reef ? "reef" : "sqlite")}-{writers}");
        Directory.CreateDirectory(directory);
        try
        {
            using IDurableEngine engine = reef ? new ReefEngine(directory, options.Fsync) : new SqliteEngine(directory, options.Fsync);
            return WriterLoad.Run(engine, writers, options.Warmup, options.Measure, payload);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void PrintInserts(List<Pair> pairs)
    {
        if (!pairs.Any(p => p.Sqlite is not null && p.Reef is not null))
        {
            return;
        }

        Console.WriteLine("| writers | SQLite ops/s | SQLite p50 / p99 ms | ReefDB ops/s | ReefDB p50 / p99 ms | ReefDB / SQLite | CPU-µs/op SQLite / ReefDB | disk fsync p50 ms, 512 B append / 4 KiB overwrite | load (1/5/15 min) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (writers, sqlite, reef, smallAppend, pageOverwrite, load) in pairs)
        {
            if (sqlite is null || reef is null)
            {
                continue;
            }

            Console.WriteLine(Invariant(
                $"| {writers} | {sqlite.OpsPerSecond:F0} | {sqlite.Latencies.Milliseconds(0.5):F2} / {sqlite.Latencies.Milliseconds(0.99):F2} | {reef.OpsPerSecond:F0} | {reef.Latencies.Milliseconds(0.5):F2} / {reef.Latencies.Milliseconds(0.99):F2} | **{reef.OpsPerSecond / sqlite.OpsPerSecond:F2}×** | {sqlite.CpuMicrosecondsPerOperation:F0} / {reef.CpuMicrosecondsPerOperation:F0} | {smallAppend:F2} / {pageOverwrite:F2} | {load} |"));
        }

        Console.WriteLine();
    }

    private static void PrintRecovery(RecoveryBenchmark.Result r)
    {
        const double MB = 1024 * 1024;
        Console.WriteLine(Invariant(
            $"Recovery directory: snapshot {r.SnapshotBytes / MB:F0} MB ({r.Rows:N0} rows), then {r.LogEntries:N0} log entries ({r.LogBytes / MB:F1} MB of segments); built in {r.BuildTime.TotalSeconds:F0} s"));
        Console.WriteLine();
        Console.WriteLine("| reopen | total s | snapshot verify + restore s | restore MB/s | log replay s | replay entries/s | CPU s (restore / total) | restore MB per CPU-s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, open) in new[] { ("cold (files evicted from the page cache)", r.Cold), ("warm", r.Warm) })
        {
            Console.WriteLine(Invariant(
                $"| {name} | {open.Total.TotalSeconds:F2} | {open.Restore.TotalSeconds:F2} | {r.SnapshotBytes / MB / open.Restore.TotalSeconds:F0} | {open.Replay.TotalSeconds:F2} | {r.LogEntries / open.Replay.TotalSeconds:F0} | {open.RestoreCpuSeconds:F1} / {open.CpuSeconds:F1} | {r.SnapshotBytes / MB / open.RestoreCpuSeconds:F0} |"));
        }

        Console.WriteLine();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
