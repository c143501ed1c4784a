using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Cli.Tests.Serve;

/// <summary>A logger provider that keeps every formatted line with its level, to check what serve logs (and what it never logs).</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> lines = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Lines => [.. lines];

    public void Clear() => lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.lines.Enqueue((logLevel, $"{category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}"));
    }
}
