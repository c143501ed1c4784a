using System.Globalization;
using System.Net;

namespace ImpactBot.GitLab.Http;

/// <summary>Reads how long GitLab asks a throttled client to wait.</summary>
internal static class RetryAfterHeaders
{
    /// <summary>True for 429, and for 403 with RateLimit-Remaining: 0 (some proxies and older instances answer so).</summary>
    public static bool IsRateLimited(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.Forbidden && Header(response, "RateLimit-Remaining") == "0");

    /// <summary>Retry-After (seconds or HTTP date), else RateLimit-Reset (Unix seconds), else null.</summary>
    public static TimeSpan? GetDelay(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NotNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NotNegative(date - now);
        }

        if (long.TryParse(Header(response, "RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            return NotNegative(DateTimeOffset.FromUnixTimeSeconds(reset) - now);
        }

        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
