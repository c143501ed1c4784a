using System.Globalization;
using System.Net;
using ImpactBot.GitLab.Http;

namespace ImpactBot.GitLab.Tests.Http;

public sealed class RetryAfterHeadersTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [TestCase("Retry-After", "12", 12)]
    [TestCase("Retry-After", "Mon, 05 Jan 2026 09:01:00 GMT", 60)]
    [TestCase("Retry-After", "Mon, 05 Jan 2026 08:00:00 GMT", 0)]
    [TestCase("RateLimit-Reset", "1767603630", 30)]
    public void GetDelay_Header_ReturnsTheWait(string header, string value, int seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        Assert.That(RetryAfterHeaders.GetDelay(response, Now), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void GetDelay_RetryAfterAndReset_PrefersRetryAfter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", "5");
        response.Headers.Add("RateLimit-Reset", Now.AddSeconds(50).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

        Assert.That(RetryAfterHeaders.GetDelay(response, Now), Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void GetDelay_NoHeaders_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.That(RetryAfterHeaders.GetDelay(response, Now), Is.Null);
    }

    [TestCase(429, null, true)]
    [TestCase(403, "0", true)]
    [TestCase(403, "10", false)]
    [TestCase(403, null, false)]
    [TestCase(500, "0", false)]
    public void IsRateLimited_StatusAndRemaining_Decides(int status, string? remaining, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        if (remaining is not null)
        {
            response.Headers.Add("RateLimit-Remaining", remaining);
        }

        Assert.That(RetryAfterHeaders.IsRateLimited(response), Is.EqualTo(expected));
    }
}
