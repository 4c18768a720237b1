using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.LogicTest;

/// <summary>
/// Runs sqllogictest files one after the other, each on a new empty database, and reports one line
/// per file (<c>path: P passed, F failed, S skipped</c>) and, with <c>--verbose</c>, each failure.
/// </summary>
/// <remarks>
/// Timeouts: the engine is synchronous, and only a read can be cancelled while it runs (a write runs to its end),
/// so each file runs on its own worker thread while this thread watches it. A record still running after
/// <see cref="LogicTestOptions.RecordTimeout"/> fails as a timeout; the file is then given up (its
/// database is busy with the stuck statement), its remaining records count as failed, and the run goes
/// on with the next file. The stuck worker is a background thread: its statement gets a cancellation
/// request (honoured where the engine checks for it), it can no longer touch the report, and it dies
/// with the process at the latest. Worker threads get a large stack, so that deeply nested SQL hits
/// the engine's own depth limits rather than a stack overflow, which would end the whole run.
/// </remarks>
internal sealed class LogicTestRunner(ISqlSessionFactory sessions, TextWriter output, LogicTestOptions options)
{
    private const int WorkerStackSize = 256 * 1024 * 1024;

    /// <summary>Runs every file and returns the totals over all of them.</summary>
    public FileTally Run(IEnumerable<string> files)
    {
        var total = default(FileTally);
        foreach (var file in files)
        {
            var tally = RunFile(file);
            output.Write($"{file}: {tally}\n");
            output.Flush();
            total += tally;
        }

        return total;
    }

    /// <summary>Runs one file on a worker thread, watching for records that take too long.</summary>
    public FileTally RunFile(string path)
    {
        using var run = new FileRun(path, sessions, options.EngineNames, options.Verbose);
        var worker = new Thread(run.Execute, WorkerStackSize) { IsBackground = true, Name = "logictest " + path };
        worker.Start();
        var poll = TimeSpan.FromTicks(Math.Clamp(options.RecordTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerMillisecond * 250));
        while (!worker.Join(poll))
        {
            ReportFailures(path, run.TakeFailures());
            if (run.OverdueRecord(options.RecordTimeout) is { } stuck)
            {
                var tally = run.Abandon();
                ReportFailures(path, run.TakeFailures());
                var timeout = new RecordVerdict(VerdictKind.Failed, stuck)
                {
                    Reason = $"timeout: still running after {options.RecordTimeout.TotalSeconds:0.###} s; the rest of the file is not run",
                };
                ReportFailures(path, [timeout]);
                return tally.Add(VerdictKind.Failed) + NotRun(path, stuck.Line);
            }
        }

        ReportFailures(path, run.TakeFailures());
        if (run.FileError is { } error && options.Verbose)
        {
            output.Write($"FAIL {path}: {error}\n");
        }

        return run.Tally;
    }

    /// <summary>The records after line <paramref name="afterLine"/> that a given-up run did not reach:
    /// those that would have run count as failed, those excluded by skipif/onlyif as skipped.</summary>
    private FileTally NotRun(string path, int afterLine)
    {
        var tally = default(FileTally);
        using var reader = new StreamReader(path);
        foreach (var record in LogicTestParser.Parse(reader))
        {
            if (record.Line <= afterLine)
            {
                continue;
            }

            var applies = record.AppliesTo(options.EngineNames);
            if (applies && record is HaltRecord)
            {
                break;
            }

            if (record.IsCounted)
            {
                tally = tally.Add(applies ? VerdictKind.Failed : VerdictKind.Skipped);
            }
        }

        return tally;
    }

    private void ReportFailures(string path, IReadOnlyList<RecordVerdict> failures)
    {
        if (!options.Verbose)
        {
            return;
        }

        foreach (var failure in failures)
        {
            FailureReport.Write(output, path, failure);
        }

        output.Flush();
    }
}
