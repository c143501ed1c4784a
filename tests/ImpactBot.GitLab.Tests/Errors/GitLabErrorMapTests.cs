using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Errors;

public sealed class GitLabErrorMapTests : FakeGitLabTestBase
{
    private static readonly object[] Table =
    [
        new object[] { 401, """{"message":"401 Unauthorized"}""", typeof(GitLabAuthorizationException), "token was rejected" },
        new object[] { 403, """{"message":"403 Forbidden"}""", typeof(GitLabAuthorizationException), "'api' scope" },
        new object[] { 404, """{"message":"404 Project Not Found"}""", typeof(GitLabNotFoundException), "project id or path" },
        new object[] { 409, """{"message":"409 Conflict"}""", typeof(GitLabConflictException), "current state" },
        new object[] { 400, """{"message":"Cannot transition status via :enqueue from :success"}""", typeof(GitLabConflictException), "already in a state" },
        new object[] { 413, "<html>413 Request Entity Too Large</html>", typeof(GitLabContentTooLargeException), "1,000,000 characters" },
        new object[] { 422, """{"message":{"note":["is too long (maximum is 1000000 characters)"]}}""", typeof(GitLabContentTooLargeException), "note is too long" },
        new object[] { 400, """{"message":"Note {:note=>[\"is too long (maximum is 1000000 characters)\"]}"}""", typeof(GitLabContentTooLargeException), "Shorten" },
        new object[] { 422, """{"message":{"base":["Pipeline will not run for the selected trigger"]}}""", typeof(GitLabApiException), "base Pipeline will not run" },
        new object[] { 400, """{"error":"body is missing"}""", typeof(GitLabApiException), "body is missing" },
        new object[] { 418, "", typeof(GitLabApiException), "not expected" },
        new object[] { 502, "<html><body>502 Bad Gateway</body></html>", typeof(GitLabApiException), "may be down or overloaded" },
    ];

    [TestCaseSource(nameof(Table))]
    public void FromResponse_Status_MapsToTypeWithActionableMessage(int status, string body, Type expected, string advice)
    {
        Server.Inject(FakeRoutes.CreateNote, Fault.Status(status, body));
        var client = TestClients.Create(Server, TestClients.NoDelays with { MaxRetries = 0 });

        var ex = Assert.ThrowsAsync(expected, () => client.Notes.CreateAsync(TestClients.Project, MergeRequestIid, "x", CancellationToken.None));

        var api = (GitLabApiException)ex!;
        Assert.That(api.Message, Does.StartWith($"GitLab POST /api/v4/projects/group%2Fsub%2Fproject/merge_requests/7/notes failed with {status}"));
        Assert.That(api.Message, Does.Contain(advice));
        Assert.That((api.StatusCode, api.Method, api.Path), Is.EqualTo(((int?)status, "POST", "/api/v4/projects/group%2Fsub%2Fproject/merge_requests/7/notes")));
        Assert.That(api.ToString(), Does.Not.Contain(BotToken));
    }

    [Test]
    public void FromResponse_ForbiddenWithNoRemainingRateLimit_IsRateLimit()
    {
        Server.Inject(FakeRoutes.CurrentUser, new Fault(403, Body: """{"message":"403 Forbidden"}""")
        {
            Headers = new Dictionary<string, string> { ["RateLimit-Remaining"] = "0", ["Retry-After"] = "600" },
        });
        var client = TestClients.Create(Server, TestClients.NoDelays with { MaxRetryAfter = TimeSpan.FromSeconds(10) });

        var ex = Assert.ThrowsAsync<GitLabRateLimitException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void FromResponse_JobTokenWrite_SaysWhichTokenToUse()
    {
        var client = TestClients.Create(Server, credentials: GitLabCredentials.JobToken(JobToken));

        var ex = Assert.ThrowsAsync<GitLabAuthorizationException>(
            () => client.Notes.CreateAsync(TestClients.Project, MergeRequestIid, "x", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("CI_JOB_TOKEN can only read"));
        Assert.That(ex.Message, Does.Not.Contain(JobToken));
    }

    [Test]
    public void FromResponse_WrongToken_NeverShowsTheToken()
    {
        const string wrong = "glpat-WRONGtokenVALUE";
        var client = TestClients.Create(Server, credentials: GitLabCredentials.PrivateToken(wrong));

        var ex = Assert.ThrowsAsync<GitLabAuthorizationException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("PRIVATE-TOKEN token is set, valid and not expired"));
        Assert.That(ex.ToString(), Does.Not.Contain(wrong));
    }

    [Test]
    public void FromResponse_GitLabEchoesTheToken_TokenIsMasked()
    {
        Server.Inject(FakeRoutes.CurrentUser, Fault.Status(400, $$"""{"message":"bad header {{BotToken}}"}"""));
        var client = TestClients.Create(Server);

        var ex = Assert.ThrowsAsync<GitLabApiException>(() => client.Users.GetCurrentAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("bad header ***"));
        Assert.That(ex.GitLabMessage, Is.EqualTo("bad header ***"));
        Assert.That(ex.ToString(), Does.Not.Contain(BotToken));
    }

    [Test]
    public void Exceptions_EveryFaultScenario_NeverContainTheToken()
    {
        var faults = new[] { Fault.Status(500), Fault.Status(401), Fault.Status(404), Fault.RateLimited("9999"), Fault.Timeout() };
        var client = TestClients.Create(Server, TestClients.NoDelays with
        {
            MaxRetries = 0,
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
        });

        foreach (var fault in faults)
        {
            Server.Inject(FakeRoutes.ListNotes, fault);
            var ex = Assert.ThrowsAsync(Is.InstanceOf<GitLabApiException>(),
                () => client.Notes.ListAsync(TestClients.Project, MergeRequestIid, CancellationToken.None));
            Assert.That(ex!.ToString(), Does.Not.Contain(BotToken), fault.ToString());
        }
    }
}
