using System.Globalization;
using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Http;

public sealed class GitLabResiliencePipelineTests : FakeGitLabTestBase
{
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Send_TransientStatusThenSuccess_Retries(int status)
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.Status(status), Fault.Status(status));
        var client = TestClients.Create(Server);

        var user = await client.Users.GetCurrentAsync(CancellationToken.None);

        Assert.That(user.Username, Is.EqualTo("impactbot"));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void Send_ServerErrorEveryTime_GivesUpAfterMaxRetriesWithGitLabsMessage()
    {
        Server.Inject(FakeRoutes.CurrentUser, Enumerable.Repeat(Fault.Status(500, """{"message":"500 Internal Server Error"}"""), 4).ToArray());
        var client = TestClients.Create(Server);

        var ex = Assert.ThrowsAsync<GitLabApiException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.GetType(), Is.EqualTo(typeof(GitLabApiException)));
        Assert.That(ex.Message, Does.StartWith("GitLab GET /api/v4/user failed with 500 Internal Server Error: 500 Internal Server Error."));
        Assert.That(ex.Message, Does.Contain("Rerun the job later"));
        Assert.That(Server.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public void Send_NotFound_IsNotRetried()
    {
        var client = TestClients.Create(Server);

        Assert.ThrowsAsync<GitLabNotFoundException>(() => client.MergeRequests.GetAsync(TestClients.Project, 404, CancellationToken.None));

        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Send_RateLimitedWithRetryAfterSeconds_WaitsExactlyThatLong()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.RateLimited(retryAfter: "7"));
        await AssertWaitsAsync(TimeSpan.FromSeconds(7));
    }

    [Test]
    public async Task Send_RateLimitedWithRetryAfterDate_WaitsUntilThen()
    {
        var time = new RecordingTimeProvider();
        var until = time.GetUtcNow().AddSeconds(30).ToString("R", CultureInfo.InvariantCulture);
        Server.Inject(FakeRoutes.CurrentUser, Fault.RateLimited(retryAfter: until));
        await AssertWaitsAsync(TimeSpan.FromSeconds(30), time);
    }

    [Test]
    public async Task Send_RateLimitedWithRateLimitResetOnly_WaitsUntilTheReset()
    {
        var time = new RecordingTimeProvider();
        var reset = time.GetUtcNow().AddSeconds(45).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Server.Inject(FakeRoutes.CurrentUser, Fault.RateLimited(rateLimitReset: reset));
        await AssertWaitsAsync(TimeSpan.FromSeconds(45), time);
    }

    [Test]
    public async Task Send_RateLimitedWithoutHints_WaitsTheDefaultSixtySeconds()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.RateLimited());
        await AssertWaitsAsync(TimeSpan.FromSeconds(60));
    }

    [Test]
    public void Send_RateLimitedLongerThanTheCap_FailsAtOnceWithTheWait()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.RateLimited(retryAfter: "3600"));
        var client = TestClients.Create(Server, TestClients.NoDelays with { MaxRetryAfter = TimeSpan.FromMinutes(2) });

        var ex = Assert.ThrowsAsync<GitLabRateLimitException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(ex.Message, Does.Contain("asks to wait 3600 s"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Send_AttemptTimesOut_RetriesAndSucceeds()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.Timeout());
        var client = TestClients.Create(Server, TestClients.NoDelays with { AttemptTimeout = TestClients.RetryAnswers });

        var user = await client.Users.GetCurrentAsync(CancellationToken.None);

        Assert.That(user.Id, Is.EqualTo(Bot.Id));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Send_OverallBudgetSpent_ThrowsTimedOut()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.Timeout(), Fault.Timeout(), Fault.Timeout(), Fault.Timeout());
        var client = TestClients.Create(Server, TestClients.NoDelays with
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
            OverallTimeout = TimeSpan.FromMilliseconds(300),
        });

        var ex = Assert.ThrowsAsync<GitLabApiException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.StartWith("GitLab GET /api/v4/user timed out"));
        Assert.That(ex.StatusCode, Is.Null);
    }

    [Test]
    public void Send_RepeatedFailures_OpenTheCircuitAndLaterCallsAreNotSent()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.Status(502), Fault.Status(502));
        var client = TestClients.Create(Server, TestClients.NoDelays with
        {
            MaxRetries = 0,
            CircuitBreakerMinimumThroughput = 2,
            CircuitBreakerFailureRatio = 0.5,
        });
        Assert.ThrowsAsync<GitLabApiException>(() => client.Users.GetCurrentAsync(CancellationToken.None));
        Assert.ThrowsAsync<GitLabApiException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        var ex = Assert.ThrowsAsync<GitLabApiException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("was not attempted"));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Send_NothingListening_ThrowsCouldNotReachAfterRetries()
    {
        using var http = new HttpClient();
        var client = new GitLabClient(
            http,
            TestClients.Options(new Uri("http://127.0.0.1:1/api/v4"), TestClients.NoDelays with { MaxRetries = 1 }));

        var ex = Assert.ThrowsAsync<GitLabApiException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.StartWith("GitLab GET /api/v4/user could not reach 127.0.0.1"));
        Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Send_HttpClientTimeoutFires_IsRetriedLikeAnAttemptTimeout()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.Timeout());
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var client = new GitLabClient(http, TestClients.Options(Server.ApiBaseUrl));

        var user = await client.Users.GetCurrentAsync(CancellationToken.None);

        Assert.That(user.Id, Is.EqualTo(Bot.Id));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Send_CallerCancels_ThrowsOperationCanceled()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.Timeout());
        var client = TestClients.Create(Server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(async () => await client.Users.GetCurrentAsync(cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    private async Task AssertWaitsAsync(TimeSpan wait, RecordingTimeProvider? time = null)
    {
        time ??= new RecordingTimeProvider();
        var client = TestClients.Create(Server, TestClients.NoDelays with { AttemptTimeout = TimeSpan.FromHours(1) }, time);

        var call = client.Users.GetCurrentAsync(CancellationToken.None);
        await time.WaitForTimerAsync(wait);
        Assert.That(call.IsCompleted, Is.False);
        time.Advance(wait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "retried before the wait was over");
        time.Advance(TimeSpan.FromMilliseconds(1));

        var user = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(user.Id, Is.EqualTo(Bot.Id));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }
}
