namespace ImpactBot.Testing.GitHub;

/// <summary>A failure the fake server answers with instead of handling a request, shaped like GitHub's.</summary>
public sealed record FakeFault(int Status, string Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Handle the request first (the write happens), then answer with the fault.</summary>
    public bool ApplyFirst { get; init; }

    /// <summary>Never answer; the request hangs until the client gives up.</summary>
    public bool Hang { get; init; }

    public static FakeFault ServerError() => new(500, """{"message":"Server Error"}""");

    public static FakeFault BadGateway() => new(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");

    /// <summary>GitHub applied the write but the answer was lost (a 502 from a proxy).</summary>
    public static FakeFault AppliedThenBadGateway() => BadGateway() with { ApplyFirst = true };

    public static FakeFault Timeout() => new(504, "") { Hang = true };

    public static FakeFault NotFound() =>
        new(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""");

    public static FakeFault Forbidden(string message = "Resource not accessible by integration") =>
        new(403, $$"""{"message":"{{message}}","documentation_url":"https://docs.github.com/rest","status":"403"}""");

    public static FakeFault BadCredentials() =>
        new(401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}""");

    public static FakeFault SecondaryRateLimit(int? retryAfterSeconds = null) =>
        new(403, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222.","documentation_url":"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits","status":"403"}""")
        {
            Headers = retryAfterSeconds is { } s ? new Dictionary<string, string> { ["Retry-After"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture) } : new Dictionary<string, string>(),
        };

    public static FakeFault TooManyRequests(int? retryAfterSeconds = null) =>
        SecondaryRateLimit(retryAfterSeconds) with { Status = 429 };

    public static FakeFault PrimaryRateLimit(DateTimeOffset resetAt) =>
        new(403, """{"message":"API rate limit exceeded for installation ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting","status":"403"}""")
        {
            Headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5000",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Used"] = "5000",
                ["X-RateLimit-Reset"] = resetAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Resource"] = "core",
            },
        };

    public static FakeFault BodyTooLong() =>
        new(422, """{"message":"Validation Failed","errors":[{"resource":"IssueComment","code":"custom","field":"body","message":"body is too long (maximum is 65536 characters)"}],"documentation_url":"https://docs.github.com/rest/issues/comments#create-an-issue-comment","status":"422"}""");
}
