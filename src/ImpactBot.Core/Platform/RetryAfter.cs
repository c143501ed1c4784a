using System.Globalization;

namespace ImpactBot.Core.Platform;

/// <summary>The one reader of an HTTP Retry-After value (RFC 9110 10.2.3), used by both platform adapters.</summary>
public static class RetryAfter
{
    /// <summary>Seconds or an HTTP date; a date in the past is zero; null when absent or unreadable.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>A Unix-seconds reset time (GitHub x-ratelimit-reset, GitLab RateLimit-Reset) as a wait from now.</summary>
    public static TimeSpan? FromResetEpoch(string? value, DateTimeOffset now) =>
        long.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && epoch < 253_402_300_799
            ? Max0(DateTimeOffset.FromUnixTimeSeconds(epoch) - now)
            : null;

    private static TimeSpan Max0(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
