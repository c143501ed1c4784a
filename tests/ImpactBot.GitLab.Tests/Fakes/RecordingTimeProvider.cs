using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ImpactBot.GitLab.Tests.Fakes;

/// <summary>A <see cref="FakeTimeProvider"/> that remembers every timer's due time, so a test can wait until the client sleeps.</summary>
public sealed class RecordingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
{
    private readonly ConcurrentQueue<TimeSpan> dueTimes = new();

    public IReadOnlyList<TimeSpan> DueTimes => [.. dueTimes];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        dueTimes.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (real time, bounded) until a timer with this due time exists, i.e. the client started that wait.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        for (var i = 0; i < 500 && !dueTimes.Contains(dueTime); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(dueTimes, Does.Contain(dueTime), "the client never started a wait of " + dueTime);
    }
}
