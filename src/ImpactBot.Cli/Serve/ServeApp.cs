using System.Text;
using ImpactBot.GitHub;
using ImpactBot.GitLab;
using ImpactBot.GitLab.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Cli.Serve;

/// <summary>
/// The `impactbot serve` web app: POST /webhooks/gitlab, POST /webhooks/github, GET /healthz. Webhooks are verified
/// before anything is read into a model; the work runs inside the request, bounded by <see cref="ServeOptions.RequestTimeout"/>.
/// </summary>
internal static class ServeApp
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
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ImpactBot.Serve");
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        app.Lifetime.ApplicationStopped.Register(http.Dispose);

        app.MapGet("/healthz", () => Results.Text("ok"));
        if (options.GitLabEnabled)
        {
            var client = new GitLabClient(http, new GitLabClientOptions(options.GitLabApiUrl!, GitLabCredentials.PrivateToken(options.GitLabToken!)) { Resilience = options.GitLabResilience });
            var handler = new GitLabWebhookHandler(client, options, logger);
            var verifier = new GitLabWebhookTokenVerifier(options.GitLabWebhookSecret!);
            app.MapPost("/webhooks/gitlab", (Func<HttpContext, Task<IResult>>)(context => HandleAsync(context, options, logger, "gitlab",
                (_, _) => verifier.Verify(context.Request.Headers[GitLabWebhookTokenVerifier.HeaderName].FirstOrDefault()),
                context.Request.Headers[GitLabNoteHook.EventHeader].ToString(),
                handler.HandleAsync)));
        }

        if (options.GitHubEnabled)
        {
            var connection = new GitHubConnection(new GitHubConnectionOptions(options.GitHubApiUrl, options.GitHubToken!), options.GitHubResilience, logger: logger);
            app.Lifetime.ApplicationStopped.Register(connection.Dispose);
            var handler = new GitHubWebhookHandler(connection, http, options, logger);
            var verifier = new GitHubSignatureVerifier(options.GitHubWebhookSecret!);
            app.MapPost("/webhooks/github", (Func<HttpContext, Task<IResult>>)(context => HandleAsync(context, options, logger, "github",
                (c, body) => verifier.Verify(body, c.Request.Headers[GitHubSignatureVerifier.HeaderName].FirstOrDefault()),
                context.Request.Headers["X-GitHub-Event"].ToString(),
                handler.HandleAsync)));
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ServeOptions options,
        ILogger logger,
        string platform,
        Func<HttpContext, byte[], bool> verify,
        string eventName,
        Func<string, string, CancellationToken, Task<WebhookResult>> handle)
    {
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

        if (!verify(context, body))
        {
            logger.LogWarning("{Platform} webhook refused: missing or wrong secret", platform);
            return Results.Text("unauthorized", statusCode: StatusCodes.Status401Unauthorized);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var result = await handle(eventName, Encoding.UTF8.GetString(body), timeout.Token).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Platform} webhook {Event}: {Outcome} ({Detail})", platform, eventName, result.Outcome, result.Detail);
            }

            return Results.Json(result, ServeJsonContext.Default.WebhookResult, statusCode: StatusCodes.Status202Accepted);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("{Platform} webhook {Event}: timed out after {Timeout}", platform, eventName, options.RequestTimeout);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }
        catch (Core.Platform.PlatformException e)
        {
            if (logger.IsEnabled(LogLevel.Error))
            {
                logger.LogError("{Platform} webhook {Event}: {Error}", platform, eventName, e.Message);
            }

            return Results.StatusCode(StatusCodes.Status502BadGateway);
        }
    }
}
