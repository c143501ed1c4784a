using System.Text;
using ImpactBot.Core.Platform;
using ImpactBot.GitHub;
using ImpactBot.GitLab;
using ImpactBot.GitLab.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Cli.Serve;

/// <summary>
/// The `impactbot serve` web app: POST /webhooks/gitlab, POST /webhooks/github, GET /healthz. Webhooks are verified before
/// anything is read into a model, and a payload that cannot be read is a 400 with the reason. GitLab's work goes to a
/// bounded background <see cref="WebhookQueue"/> (GitLab waits only 10 s); GitHub's runs in the request, bounded by
/// <see cref="ServeOptions.RequestTimeout"/>. Logs carry outcomes and short sanitised previews, never bodies or secrets.
/// </summary>
internal static partial class ServeApp
{
    public static WebApplication Build(ServeOptions options, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Logging.ClearProviders();
        if (logging is null)
        {
            builder.Logging.AddJsonConsole();

            // One line per webhook from ImpactBot is enough; the framework's per-request lines only add noise.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }
        else
        {
            logging(builder.Logging);
        }

        // Request bodies and headers (tokens, signatures) never reach the logs: no HTTP logging middleware is added.
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services => new WebhookQueue(
            options.QueueCapacity, options.QueueWorkers, options.JobTimeout, services.GetRequiredService<ILoggerFactory>().CreateLogger("ImpactBot.Serve")));
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ImpactBot.Serve");
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var queue = app.Services.GetRequiredService<WebhookQueue>();

        // Queued jobs finish (each within its timeout) before the HTTP client they use goes away.
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            queue.DisposeAsync().AsTask().GetAwaiter().GetResult();
            http.Dispose();
        });

        app.MapGet("/healthz", () => Results.Text("ok"));
        if (options.GitLabEnabled)
        {
            var client = new GitLabClient(http, new GitLabClientOptions(options.GitLabApiUrl!, GitLabCredentials.PrivateToken(options.GitLabToken!)) { Resilience = options.GitLabResilience });
            var handler = new GitLabWebhookHandler(client, options, logger);
            var verifier = new GitLabWebhookTokenVerifier(options.GitLabWebhookSecret!);
            app.MapPost("/webhooks/gitlab", (Func<HttpContext, Task<IResult>>)(context => HandleAsync(
                context,
                new Endpoint(options, logger, "gitlab", (_, _) => verifier.Verify(context.Request.Headers[GitLabWebhookTokenVerifier.HeaderName].FirstOrDefault())),
                context.Request.Headers[GitLabNoteHook.EventHeader].ToString(),
                handler.Intake,
                queue)));
        }

        if (options.GitHubEnabled)
        {
            var connection = new GitHubConnection(new GitHubConnectionOptions(options.GitHubApiUrl, options.GitHubToken!) { BotLogin = options.GitHubBotLogin }, options.GitHubResilience, logger: logger);
            app.Lifetime.ApplicationStopped.Register(connection.Dispose);
            var handler = new GitHubWebhookHandler(connection, http, options, logger);
            var verifier = new GitHubSignatureVerifier(options.GitHubWebhookSecret!);
            app.MapPost("/webhooks/github", (Func<HttpContext, Task<IResult>>)(context => HandleAsync(
                context,
                new Endpoint(options, logger, "github", (c, body) => verifier.Verify(body, c.Request.Headers[GitHubSignatureVerifier.HeaderName].FirstOrDefault())),
                context.Request.Headers["X-GitHub-Event"].ToString(),
                handler.Intake,
                queue: null)));
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, Endpoint endpoint, string eventHeader, Func<string, string, WebhookIntake> intake, WebhookQueue? queue)
    {
        var (options, logger, platform, _) = endpoint;
        var eventName = TextPreview.Of(eventHeader, 60);
        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // A client that hangs up or sends too slowly is the client's problem, not the server's: no error, no body.
            var reason = e.GetType().Name;
            LogClientGone(logger, platform, eventName, reason);
            return Results.StatusCode(e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
        }

        if (!endpoint.Verify(context, body))
        {
            LogRefused(logger, platform);
            return Results.Text("unauthorized", statusCode: StatusCodes.Status401Unauthorized);
        }

        var decided = intake(eventHeader, Encoding.UTF8.GetString(body));
        if (decided.Work is not { } work)
        {
            LogOutcome(logger, platform, eventName, decided.Result.Outcome, decided.Result.Detail);
            return Results.Json(decided.Result, ServeJsonContext.Default.WebhookResult, statusCode: decided.StatusCode);
        }

        if (queue is not null)
        {
            if (!queue.TryEnqueue(platform, eventName, decided.Result.Detail, work))
            {
                LogQueueFull(logger, platform, eventName, options.QueueCapacity);
                context.Response.Headers.RetryAfter = "30";
                return Results.Json(new WebhookResult("busy", "the work queue is full; retry later"), ServeJsonContext.Default.WebhookResult, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            LogOutcome(logger, platform, eventName, decided.Result.Outcome, decided.Result.Detail);
            return Results.Json(decided.Result, ServeJsonContext.Default.WebhookResult, statusCode: StatusCodes.Status202Accepted);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var result = await work(timeout.Token).ConfigureAwait(false);
            LogOutcome(logger, platform, eventName, result.Outcome, result.Detail);
            return Results.Json(result, ServeJsonContext.Default.WebhookResult, statusCode: StatusCodes.Status202Accepted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogClientGone(logger, platform, eventName, "disconnected during the work");
            return Results.Empty;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogTimedOut(logger, platform, eventName, options.RequestTimeout);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }
        catch (PlatformException e)
        {
            LogFailed(logger, platform, eventName, e.Kind, e.Message);
            return Results.StatusCode(StatusCodes.Status502BadGateway);
        }
    }

    private sealed record Endpoint(ServeOptions Options, ILogger Logger, string Platform, Func<HttpContext, byte[], bool> Verify);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} webhook {Event}: {Outcome} ({Detail})")]
    private static partial void LogOutcome(ILogger logger, string platform, string @event, string outcome, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} webhook refused: missing or wrong secret")]
    private static partial void LogRefused(ILogger logger, string platform);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} webhook {Event}: the client went away ({Reason})")]
    private static partial void LogClientGone(ILogger logger, string platform, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} webhook {Event}: the work queue is full ({Capacity} jobs); answered 503")]
    private static partial void LogQueueFull(ILogger logger, string platform, string @event, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} webhook {Event}: timed out after {Timeout}")]
    private static partial void LogTimedOut(ILogger logger, string platform, string @event, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} webhook {Event}: failed ({Kind}): {Error}")]
    private static partial void LogFailed(ILogger logger, string platform, string @event, PlatformErrorKind kind, string error);
}
