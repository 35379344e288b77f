using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Aria.Billing.Testing;

/// <summary>A logger that keeps what it is told, for tests of log events.</summary>
/// <typeparam name="T">The category.</typeparam>
public sealed class ListLogger<T> : ILogger<T>
{
    /// <summary>The events: level, event id and formatted message.</summary>
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message)> Entries { get; } = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
    }
}
