using System.Diagnostics;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.LogicTest;

/// <summary>
/// One file being run on its worker thread, and what the watching thread may see of it. The worker
/// reads and runs records; the watcher reads the tally and failures, and may abandon the run when a
/// record has taken too long (see <see cref="LogicTestRunner"/>).
/// </summary>
/// <remarks>
/// Invariant: everything below <c>gate</c> is read and written under it; once <c>abandoned</c> is set
/// the worker publishes nothing more, so the watcher's snapshot at abandon time is final.
/// </remarks>
internal sealed class FileRun(string path, ISqlSessionFactory sessions, IReadOnlySet<string> engineNames, bool keepFailures)
    : IDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<RecordVerdict> failures = new();
    private readonly CancellationTokenSource cancellation = new();
    private FileTally tally;
    private LogicTestRecord? current;
    private long currentStarted;
    private bool abandoned;

    /// <summary>Set when the file could not be read or the run broke outside any record.</summary>
    public string? FileError { get; private set; }

    /// <summary>The worker's body: runs every record of the file on a new, empty database.</summary>
    public void Execute()
    {
        var token = cancellation.Token;
        try
        {
            using var reader = new StreamReader(path, new FileStreamOptions { BufferSize = 1 << 16 });
            using var session = sessions.OpenInMemory();
            var checker = new RecordChecker(session, engineNames);
            foreach (var record in LogicTestParser.Parse(reader))
            {
                lock (gate)
                {
                    if (abandoned)
                    {
                        return;
                    }

                    current = record;
                    currentStarted = Stopwatch.GetTimestamp();
                }

                var verdict = checker.Check(record, token);
                lock (gate)
                {
                    current = null;
                    if (abandoned)
                    {
                        return;
                    }

                    if (verdict is not null)
                    {
                        tally = tally.Add(verdict.Kind);
                        if (keepFailures && verdict.Kind == VerdictKind.Failed)
                        {
                            failures.Enqueue(verdict);
                        }
                    }
                }

                if (checker.Halted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (gate)
            {
                FileError = e.Message;
                tally = tally.Add(VerdictKind.Failed);
            }
        }
        catch (Exception e)
        {
            lock (gate)
            {
                // A crash outside the session (the engine's own exceptions are verdicts already).
                FileError = $"{e.GetType().Name}: {e.Message}";
                tally = tally.Add(VerdictKind.Failed);
            }
        }
    }

    /// <summary>The failures published since the last call, in file order.</summary>
    public List<RecordVerdict> TakeFailures()
    {
        lock (gate)
        {
            var taken = failures.ToList();
            failures.Clear();
            return taken;
        }
    }

    /// <summary>The tally so far (final once the worker has ended or the run was abandoned).</summary>
    public FileTally Tally
    {
        get
        {
            lock (gate)
            {
                return tally;
            }
        }
    }

    /// <summary>The record running for longer than <paramref name="limit"/>, if any.</summary>
    public LogicTestRecord? OverdueRecord(TimeSpan limit)
    {
        lock (gate)
        {
            return current is not null && Stopwatch.GetElapsedTime(currentStarted) > limit ? current : null;
        }
    }

    /// <summary>Gives up on the run: the worker's later results are ignored and its statement is asked
    /// to stop (best effort). Returns the tally at that moment.</summary>
    public FileTally Abandon()
    {
        lock (gate)
        {
            abandoned = true;
        }

        cancellation.Cancel();
        return Tally;
    }

    /// <summary>Frees the cancellation source, unless an abandoned worker may still be reading it.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (abandoned)
            {
                return;
            }
        }

        cancellation.Dispose();
    }
}
