using System.Net;
using ImpactBot.Core.Platform;

namespace ImpactBot.GitLab.Http;

/// <summary>Reads how long GitLab asks a throttled client to wait.</summary>
internal static class RetryAfterHeaders
{
    /// <summary>True for 429, and for 403 with RateLimit-Remaining: 0 (some proxies and older instances answer so).</summary>
    public static bool IsRateLimited(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.Forbidden && Header(response, "RateLimit-Remaining") == "0");

    /// <summary>Retry-After (seconds or HTTP date), else RateLimit-Reset (Unix seconds), else null.</summary>
    public static TimeSpan? GetDelay(HttpResponseMessage response, DateTimeOffset now) =>
        RetryAfter.Parse(Header(response, "Retry-After"), now) ?? RetryAfter.FromResetEpoch(Header(response, "RateLimit-Reset"), now);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
