using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReefDB.Node.Tests.Support;

/// <summary>A logger that keeps every entry (level, event id, formatted message, structured state) for assertions.</summary>
internal sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];
        Entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception), fields));
    }

    public sealed record Entry(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Fields);
}
