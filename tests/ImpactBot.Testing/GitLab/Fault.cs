namespace ImpactBot.Testing.GitLab;

/// <summary>
/// A failure the fake injects into the next request of a route. <see cref="ApplyFirst"/> performs the real operation
/// before failing, the way a proxy times out or answers 502 after GitLab already stored a note.
/// </summary>
public sealed record Fault(int? StatusCode, bool Hang = false, bool ApplyFirst = false, string? Body = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Waits this long before anything else (a slow GitLab, e.g. pipeline creation under load).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Answers normally, but only after <paramref name="delay"/>.</summary>
    public static Fault Slow(TimeSpan delay) => new(StatusCode: null) { Delay = delay };

    public static Fault Status(int statusCode, string? body = null) => new(statusCode, Body: body);

    public static Fault RateLimited(string? retryAfter = null, string? rateLimitReset = null)
    {
        var headers = new Dictionary<string, string>();
        if (retryAfter is not null)
        {
            headers["Retry-After"] = retryAfter;
        }

        if (rateLimitReset is not null)
        {
            headers["RateLimit-Reset"] = rateLimitReset;
        }

        return new Fault(429, Body: """{"message":"Retry later"}""") { Headers = headers };
    }

    /// <summary>Never answers (until the client gives up), without doing anything.</summary>
    public static Fault Timeout() => new(null, Hang: true);

    /// <summary>Does the work, then never answers.</summary>
    public static Fault StoredThenTimeout() => new(null, Hang: true, ApplyFirst: true);

    /// <summary>Does the work, then answers with an error status.</summary>
    public static Fault StoredThenStatus(int statusCode) => new(statusCode, ApplyFirst: true);
}
