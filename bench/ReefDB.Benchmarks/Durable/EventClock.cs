using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ReefDB.Benchmarks.Durable;

/// <summary>
/// A logger factory that records when each log event of the database happened (by event id), so the recovery
/// benchmark can split an open into its phases without instrumenting the database: the replica logs "opened" (event
/// 4000) once the snapshot is verified and restored, before the log after it is replayed, and "snapshot taken" (4006)
/// once a background snapshot is durable.
/// </summary>
internal sealed class EventClock : ILoggerFactory, ILogger
{
    public const int Opened = 4000;
    public const int SnapshotTaken = 4006;

    private readonly ConcurrentDictionary<int, (long Timestamp, TimeSpan Cpu)> firstSeen = new();
    private readonly ConcurrentQueue<string> errors = new();

    public IEnumerable<string> Errors => errors;

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first event <paramref name="eventId"/>, if any.</summary>
    public long? When(int eventId) => firstSeen.TryGetValue(eventId, out var at) ? at.Timestamp : null;

    /// <summary>The process's CPU time when event <paramref name="eventId"/> was first logged, if it was.</summary>
    public TimeSpan? CpuAt(int eventId) => firstSeen.TryGetValue(eventId, out var at) ? at.Cpu : null;

    public void Forget(int eventId) => firstSeen.TryRemove(eventId, out _);

    /// <summary>Waits until event <paramref name="eventId"/> was logged.</summary>
    /// <exception cref="TimeoutException">It was not within <paramref name="timeout"/>.</exception>
    public void WaitFor(int eventId, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (When(eventId) is null)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The database did not log event {eventId} within {timeout}; errors: {string.Join("; ", errors)}");
            }

            Thread.Sleep(20);
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!firstSeen.ContainsKey(eventId.Id))
        {
            var timestamp = Stopwatch.GetTimestamp();
            using var process = Process.GetCurrentProcess();
            firstSeen.TryAdd(eventId.Id, (timestamp, process.TotalProcessorTime));
        }

        if (logLevel >= LogLevel.Error)
        {
            errors.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
