using ImpactBot.GitHub.Errors;

namespace ImpactBot.GitHub.Tests.Errors;

public sealed class GitHubErrorMapTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static GitHubException Map(int status, string? body = null, params (string Name, string Value)[] headers) =>
        GitHubErrorMap.Map(
            status,
            name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value,
            body,
            GitHubOperation.CreateComment,
            Now);

    [TestCase(401, null, typeof(GitHubAuthorizationException))]
    [TestCase(403, """{"message":"Resource not accessible by integration"}""", typeof(GitHubAuthorizationException))]
    [TestCase(404, """{"message":"Not Found"}""", typeof(GitHubNotFoundException))]
    [TestCase(422, """{"message":"Validation Failed","errors":[{"message":"body is too long (maximum is 65536 characters)"}]}""", typeof(GitHubContentTooLargeException))]
    [TestCase(422, """{"message":"Validation Failed"}""", typeof(GitHubException))]
    [TestCase(500, null, typeof(GitHubUnavailableException))]
    [TestCase(503, "<html>unicorn</html>", typeof(GitHubUnavailableException))]
    [TestCase(429, null, typeof(GitHubRateLimitException))]
    [TestCase(403, """{"message":"You have exceeded a secondary rate limit."}""", typeof(GitHubRateLimitException))]
    public void Map_Status_ChoosesType(int status, string? body, Type expected) =>
        Assert.That(Map(status, body), Is.TypeOf(expected).And.Property(nameof(GitHubException.StatusCode)).EqualTo(status));

    [Test]
    public void Map_RemainingZero_IsPrimaryLimitWithReset()
    {
        var error = (GitHubRateLimitException)Map(403, """{"message":"API rate limit exceeded"}""", ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Now.AddMinutes(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That((error.IsSecondary, error.ResetAt), Is.EqualTo((false, (DateTimeOffset?)Now.AddMinutes(5))));
    }

    [Test]
    public void Map_RetryAfterHttpDate_ParsesDelay()
    {
        var error = (GitHubRateLimitException)Map(429, null, ("Retry-After", Now.AddSeconds(90).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That((error.IsSecondary, error.RetryAfter), Is.EqualTo((true, (TimeSpan?)TimeSpan.FromSeconds(90))));
    }

    [Test]
    public void Map_Forbidden_NamesPermission() =>
        Assert.That(Map(403, """{"message":"Resource not accessible by integration"}""").Message, Does.Contain("`pull-requests: write`"));

    [Test]
    public void Map_HugeBody_QuotesOnlyItsStart() =>
        Assert.That(Map(500, new string('x', 10_000)).Message, Has.Length.LessThan(500));
}
