using ImpactBot.Core.Platform;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ImpactBot.Core.Files;
using ImpactBot.GitLab.Errors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ImpactBot.GitLab.Http;

/// <summary>
/// Sends requests through the resilience pipeline, adds the auth header, follows pages and turns failures into
/// <see cref="GitLabApiException"/> subtypes via <see cref="GitLabErrorMap"/>.
/// </summary>
internal sealed class GitLabConnection
{
    private readonly HttpClient http;
    private readonly GitLabClientOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public GitLabConnection(HttpClient http, GitLabClientOptions options, TimeProvider timeProvider)
    {
        this.http = http;
        this.options = options;
        this.timeProvider = timeProvider;
        pipeline = GitLabResiliencePipeline.Create(options.Resilience, timeProvider);
    }

    public int PageSize => Math.Clamp(options.PageSize, 1, 100);

    public async Task<T> GetAsync<T>(string relativeUrl, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Get, relativeUrl);
        using var response = await SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(request, response, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="GetAsync{T}"/>, but a 404 is an answer (null), not an error.</summary>
    public async Task<T?> GetOrNullAsync<T>(string relativeUrl, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await GetAsync(relativeUrl, type, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A plain-text answer (UTF-8, a leading byte order mark dropped); a 404 is an answer (null), not an error.</summary>
    public async Task<string?> GetTextOrNullAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(new GitLabRequest(HttpMethod.Get, relativeUrl), null, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Utf8Text.Decode(bytes);
        }
        catch (GitLabNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Every item of a paged list, following x-next-page or Link rel="next".</summary>
    public async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(string relativeUrl, JsonTypeInfo<List<T>> type, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var request = new GitLabRequest(HttpMethod.Get, relativeUrl);
        for (var page = 1; ; page++)
        {
            using var response = await SendAsync(request, null, cancellationToken).ConfigureAwait(false);
            items.AddRange(await ReadAsync(request, response, type, cancellationToken).ConfigureAwait(false));
            var next = PageLinks.Next(response, request.Resolve(options.ApiBaseUrl), options.ApiBaseUrl);
            if (next is null)
            {
                return items;
            }

            if (page >= options.MaxPages)
            {
                throw new GitLabApiException(
                    $"GitLab GET {PathOf(request)} returned more than {options.MaxPages} pages; raise MaxPages or check the Link headers.",
                    new GitLabFailure("GET", PathOf(request), null, null));
            }

            request = request with { AbsoluteUrl = next };
        }
    }

    public async Task<TResult> SendAsync<TResult>(GitLabRequest request, JsonTypeInfo<TResult> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(request, response, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one call with retries and returns the successful answer (the caller disposes it) or throws. Before every
    /// retry, <paramref name="alreadyApplied"/> (when given) checks whether an attempt that seemed to fail in fact took
    /// effect; if so, no further attempt is made and an empty 204 answer is returned.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        GitLabRequest request, Func<CancellationToken, Task<bool>>? alreadyApplied, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(GitLabResiliencePipeline.RetryModeKey, request.RetryMode);
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async ctx =>
                {
                    if (attempts++ > 0 && alreadyApplied is not null
                        && await alreadyApplied(ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext))
                    {
                        return new HttpResponseMessage(HttpStatusCode.NoContent);
                    }

                    using var message = request.ToMessage(options.ApiBaseUrl);
                    message.Headers.Add(options.Credentials.HeaderName, options.Credentials.Token);
                    message.Headers.UserAgent.Add(new ProductInfoHeaderValue(options.UserAgent, null));
                    message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    return await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken)
                        .ConfigureAwait(ctx.ContinueOnCapturedContext);
                },
                context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || IsHttpClientTimeout(ex, cancellationToken))
        {
            throw Failure(request, ex,
                $"timed out (limits: {options.Resilience.AttemptTimeout.TotalSeconds:0.###} s per attempt, " +
                $"{options.Resilience.OverallTimeout.TotalSeconds:0.###} s overall). GitLab may be slow or unreachable; rerun the job later.");
        }
        catch (BrokenCircuitException ex)
        {
            throw Failure(request, ex,
                "was not attempted: GitLab failed repeatedly and calls are paused for " +
                $"{options.Resilience.CircuitBreakerBreakDuration.TotalSeconds:0.###} s. Rerun the job later.");
        }
        catch (HttpRequestException ex)
        {
            throw Failure(request, ex,
                $"could not reach {options.ApiBaseUrl.Host} ({ex.Message}). Check CI_API_V4_URL and the network.");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<GitLabApiException> ToExceptionAsync(GitLabRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var rateLimited = RetryAfterHeaders.IsRateLimited(response);
        var failure = new GitLabFailure(request.Method.Method, PathOf(request), (int)response.StatusCode, GitLabErrorBody.ReadMessage(body));
        var retryAfter = rateLimited ? GitLabResiliencePipeline.RateLimitDelay(response, options.Resilience, timeProvider) : (TimeSpan?)null;
        return GitLabErrorMap.FromResponse(failure, response.ReasonPhrase, rateLimited, retryAfter, options.Credentials);
    }

    public async Task<T> ReadAsync<T>(GitLabRequest request, HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("the body was null");
        }
        catch (JsonException ex)
        {
            throw new GitLabApiException(
                $"GitLab {request.Method} {PathOf(request)} answered {(int)response.StatusCode} with a body that is not the expected JSON " +
                $"({ex.Message}). Check that CI_API_V4_URL points at the /api/v4 root of a GitLab instance.",
                new GitLabFailure(request.Method.Method, PathOf(request), (int)response.StatusCode, null), ex);
        }
    }

    private GitLabApiException Failure(GitLabRequest request, Exception inner, string what)
    {
        var path = PathOf(request);
        var message = GitLabErrorMap.Redact($"GitLab {request.Method} {path} {what}", options.Credentials);
        return new GitLabApiException(message, PlatformErrorKind.Unavailable, new GitLabFailure(request.Method.Method, path, null, null), inner);
    }

    /// <summary>HttpClient.Timeout firing (a caller-supplied client with a finite timeout) rather than the caller cancelling.</summary>
    internal static bool IsHttpClientTimeout(Exception ex, CancellationToken cancellationToken) =>
        ex is TaskCanceledException { InnerException: TimeoutException } && !cancellationToken.IsCancellationRequested;

    /// <summary>The path without query string: what messages show.</summary>
    private string PathOf(GitLabRequest request) => request.Resolve(options.ApiBaseUrl).AbsolutePath;
}
