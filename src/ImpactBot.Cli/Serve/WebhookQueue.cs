using System.Threading.Channels;
using ImpactBot.Core.Platform;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Cli.Serve;

/// <summary>
/// A bounded queue of webhook work run in the background by a few workers, each job under its own timeout, so the webhook
/// is answered at once (GitLab waits 10 s and counts timeouts toward disabling the hook). Every outcome is logged:
/// done, refused, failed, timed out. A full queue refuses new work (the caller answers 503).
/// </summary>
internal sealed partial class WebhookQueue : IAsyncDisposable
{
    private readonly Channel<Job> channel;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task[] workers;
    private readonly TimeSpan jobTimeout;
    private readonly ILogger logger;
    private int pending;

    public WebhookQueue(int capacity, int workerCount, TimeSpan jobTimeout, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workerCount);
        this.jobTimeout = jobTimeout;
        this.logger = logger;
        channel = Channel.CreateBounded<Job>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        workers = [.. Enumerable.Range(0, workerCount).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Jobs queued or running.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Queues the work; false when the queue is full or stopping.</summary>
    public bool TryEnqueue(string platform, string eventName, string what, Func<CancellationToken, Task<WebhookResult>> work)
    {
        Interlocked.Increment(ref pending);
        if (channel.Writer.TryWrite(new Job(platform, eventName, what, work)))
        {
            return true;
        }

        Interlocked.Decrement(ref pending);
        return false;
    }

    /// <summary>Waits until no job is queued or running (tests, and a graceful stop); false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (Pending > 0)
        {
            if (DateTimeOffset.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Stops taking work, lets queued jobs finish within their timeouts, then stops the workers.</summary>
    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task WorkAsync()
    {
        await foreach (var job in channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await RunAsync(job).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref pending);
            }
        }
    }

    private async Task RunAsync(Job job)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        timeout.CancelAfter(jobTimeout);
        try
        {
            var result = await job.Work(timeout.Token).ConfigureAwait(false);
            LogDone(logger, job.Platform, job.EventName, job.What, result.Outcome, result.Detail);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogTimedOut(logger, job.Platform, job.EventName, job.What, jobTimeout);
        }
        catch (PlatformException e)
        {
            LogFailed(logger, job.Platform, job.EventName, job.What, e.Kind, e.Message);
        }
#pragma warning disable CA1031 // The worker outlives any one job: a bug in one webhook's work is logged, never lost, and the next job runs.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogCrashed(logger, job.Platform, job.EventName, job.What, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} webhook {Event} ({What}): {Outcome} ({Detail})")]
    private static partial void LogDone(ILogger logger, string platform, string @event, string what, string outcome, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} webhook {Event} ({What}): timed out after {Timeout}")]
    private static partial void LogTimedOut(ILogger logger, string platform, string @event, string what, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} webhook {Event} ({What}): failed ({Kind}): {Error}")]
    private static partial void LogFailed(ILogger logger, string platform, string @event, string what, PlatformErrorKind kind, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} webhook {Event} ({What}): unexpected failure")]
    private static partial void LogCrashed(ILogger logger, string platform, string @event, string what, Exception exception);

    private sealed record Job(string Platform, string EventName, string What, Func<CancellationToken, Task<WebhookResult>> Work);
}
