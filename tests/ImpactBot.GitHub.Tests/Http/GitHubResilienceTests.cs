using ImpactBot.GitHub.Errors;
using ImpactBot.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace ImpactBot.GitHub.Tests.Http;

/// <summary>Retries, rate limits, timeouts and budgets, through the platform against the fake server's fault injection.</summary>
public sealed class GitHubResilienceTests : GitHubTestBase
{
    private const string CreateComment = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
    private const string ListComments = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Fake time never runs on its own: attempt timeouts fire only when a test advances it.</summary>
    private static readonly GitHubResilienceOptions FakeClock = Fast with { AttemptTimeout = TimeSpan.FromHours(1), TotalBudget = TimeSpan.FromHours(2) };

    [TestCase(500)]
    [TestCase(502)]
    public async Task CreateCommentAsync_ServerErrorOnce_Retries(int status)
    {
        Server.Inject(CreateComment, FakeFault.ServerError() with { Status = status });

        await Platform().CreateCommentAsync("x", default);

        Assert.That(Server.CommentsOn(PullNumber), Has.Count.EqualTo(1));
        Assert.That(Server.Requests.Count(r => r.Operation == CreateComment), Is.EqualTo(2));
    }

    [Test]
    public void ListCommentsAsync_ServerErrorsOutlastRetries_ThrowsUnavailable()
    {
        Server.Inject(ListComments, FakeFault.BadGateway(), times: 10);
        var platform = Platform();

        Assert.That(() => platform.ListCommentsAsync(default), Throws.TypeOf<GitHubUnavailableException>().With.Message.Contains("502"));
        Assert.That(Server.Requests.Count(r => r.Operation == ListComments), Is.EqualTo(Fast.MaxRetries + 1));
    }

    [Test]
    public async Task CreateCommentAsync_AppliedButAnswerLost_DoesNotDuplicate()
    {
        Server.Inject(CreateComment, FakeFault.AppliedThenBadGateway());

        var created = await Platform().CreateCommentAsync("report", default);

        Assert.That(Server.CommentsOn(PullNumber).Select(c => c.Id), Is.EqualTo(new[] { created.Id }));
        Assert.That(Server.Requests.Count(r => r.Operation == CreateComment), Is.EqualTo(1));
    }

    [Test]
    public async Task GetCurrentUserAsync_AttemptTimesOut_RetriesAfterTimeout()
    {
        var clock = new FakeTimeProvider(Start);
        Server.Inject("GET /user", FakeFault.Timeout());
        var options = FakeClock with { AttemptTimeout = TimeSpan.FromSeconds(20) };

        var call = Platform(options, clock).GetCurrentUserAsync(default);
        await WaitForRequestsAsync(1);
        clock.Advance(options.AttemptTimeout);

        Assert.That(await call, Is.EqualTo("impact-bot"));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ListCommentsAsync_SecondaryLimitWithRetryAfter_WaitsThatLong()
    {
        var clock = new FakeTimeProvider(Start);
        Server.Time = clock;
        Server.Inject(ListComments, FakeFault.SecondaryRateLimit(retryAfterSeconds: 7));

        await DriveAsync(clock, Platform(FakeClock, clock).ListCommentsAsync(default));

        Assert.That(Server.Requests[1].At - Server.Requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(7)).And.LessThan(TimeSpan.FromSeconds(40)));
    }

    [TestCase(429)]
    [TestCase(403)]
    public async Task ListCommentsAsync_SecondaryLimitWithoutRetryAfter_WaitsDefault(int status)
    {
        var clock = new FakeTimeProvider(Start);
        Server.Time = clock;
        Server.Inject(ListComments, status == 429 ? FakeFault.TooManyRequests() : FakeFault.SecondaryRateLimit());
        var options = FakeClock with { SecondaryLimitDefaultWait = TimeSpan.FromSeconds(60) };

        await DriveAsync(clock, Platform(options, clock).ListCommentsAsync(default));

        Assert.That(Server.Requests[1].At - Server.Requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)).And.LessThan(TimeSpan.FromSeconds(100)));
    }

    [Test]
    public void ListCommentsAsync_RetryAfterOverCap_FailsAtOnce()
    {
        Server.Inject(ListComments, FakeFault.SecondaryRateLimit(retryAfterSeconds: 3600));
        var platform = Platform();

        Assert.That(
            () => platform.ListCommentsAsync(default),
            Throws.TypeOf<GitHubRateLimitException>()
                .With.Property(nameof(GitHubRateLimitException.IsSecondary)).True
                .And.Property(nameof(GitHubRateLimitException.RetryAfter)).EqualTo(TimeSpan.FromHours(1)));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ListCommentsAsync_PrimaryLimit_WaitsUntilReset()
    {
        var clock = new FakeTimeProvider(Start);
        Server.Time = clock;
        Server.Inject(ListComments, FakeFault.PrimaryRateLimit(Start.AddSeconds(30)));

        await DriveAsync(clock, Platform(FakeClock, clock).ListCommentsAsync(default));

        Assert.That(Server.Requests[1].At, Is.GreaterThanOrEqualTo(Start.AddSeconds(30)).And.LessThan(Start.AddSeconds(60)));
    }

    [Test]
    public void ListCommentsAsync_PrimaryLimitResetsAfterBudget_FailsClearly()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(30);
        Server.Inject(ListComments, FakeFault.PrimaryRateLimit(reset));
        var platform = Platform(Fast with { TotalBudget = TimeSpan.FromMinutes(5) });

        Assert.That(
            () => platform.ListCommentsAsync(default),
            Throws.TypeOf<GitHubRateLimitException>()
                .With.Property(nameof(GitHubRateLimitException.ResetAt)).EqualTo(DateTimeOffset.FromUnixTimeSeconds(reset.ToUnixTimeSeconds()))
                .And.Message.Contains("resets at"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void ListCommentsAsync_RepeatedSecondaryLimits_OpensCircuit()
    {
        Server.Inject(ListComments, FakeFault.SecondaryRateLimit(retryAfterSeconds: 0), times: 20);
        var platform = Platform(Fast with { MaxRetries = 10, BreakerThreshold = 3 });

        Assert.That(() => platform.ListCommentsAsync(default), Throws.TypeOf<GitHubRateLimitException>().With.Message.Contains("paused"));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void CreateCommentAsync_BodyTooLong_ThrowsContentTooLargeWithoutRetry()
    {
        Server.Inject(CreateComment, FakeFault.BodyTooLong());
        var platform = Platform();

        Assert.That(() => platform.CreateCommentAsync("x", default), Throws.TypeOf<GitHubContentTooLargeException>().With.Message.Contains("maximum is 65536"));
        Assert.That(Server.Requests.Count(r => r.Operation == CreateComment), Is.EqualTo(1));
    }

    [Test]
    public void CreateCommentAsync_Forbidden_NamesMissingPermissionNotToken()
    {
        Server.Inject(CreateComment, FakeFault.Forbidden());
        var platform = Platform();

        var error = Assert.ThrowsAsync<GitHubAuthorizationException>(() => platform.CreateCommentAsync("x", default));

        Assert.That(error!.Message, Does.Contain("pull-requests: write").And.Not.Contain(Token));
        Assert.That(error.ToString(), Does.Not.Contain(Token));
    }

    [Test]
    public void ListCommentsAsync_BadCredentials_ThrowsAuthorization()
    {
        Server.Inject(ListComments, FakeFault.BadCredentials());
        var platform = Platform();

        Assert.That(() => platform.ListCommentsAsync(default), Throws.TypeOf<GitHubAuthorizationException>().With.Message.Contains("rejected the token"));
    }

    [Test]
    public void ListCommentsAsync_Cancelled_ThrowsOperationCanceled()
    {
        var platform = Platform();

        Assert.That(() => platform.ListCommentsAsync(new CancellationToken(canceled: true)), Throws.InstanceOf<OperationCanceledException>());
    }

    private async Task WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 1000 && Server.Requests.Count < count; i++)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Moves fake time a second at a time until the call completes (it waits on timers of that clock).</summary>
    private static async Task DriveAsync(FakeTimeProvider clock, Task call)
    {
        for (var i = 0; i < 3000 && !call.IsCompleted; i++)
        {
            await Task.Delay(5);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await call;
    }
}
