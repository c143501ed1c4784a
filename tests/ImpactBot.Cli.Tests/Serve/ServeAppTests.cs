using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ImpactBot.Cli.Serve;
using ImpactBot.GitHub;
using ImpactBot.GitLab.Http;
using ImpactBot.Testing.GitLab;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ImpactBot.Cli.Tests.Serve.WebhookPayloads;
using GitHubFake = ImpactBot.Testing.GitHub.FakeGitHubServer;

namespace ImpactBot.Cli.Tests.Serve;

public sealed class ServeAppTests
{
    private const string GitLabSecret = "gl-webhook-secret-1";
    private const string GitHubSecret = "gh-webhook-secret-2";
    private const string GitHubToken = "ghp_fakeServeToken";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private FakeGitLabServer gitLab = null!;
    private GitHubFake gitHub = null!;
    private readonly CapturedLogs logs = new();
    private WebApplication app = null!;
    private Uri baseAddress = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        gitLab = await FakeGitLabServer.StartAsync();
        gitHub = await GitHubFake.StartAsync();
        app = ServeApp.Build(
            new ServeOptions
            {
                Urls = "http://127.0.0.1:0",
                GitLabApiUrl = gitLab.ApiBaseUrl,
                GitLabToken = FakeGitLabServer.BotToken,
                GitLabWebhookSecret = GitLabSecret,
                GitHubApiUrl = gitHub.ApiUrl,
                GitHubToken = GitHubToken,
                GitHubWebhookSecret = GitHubSecret,
                GitLabResilience = new GitLabResilienceOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, UseJitter = false, AttemptTimeout = TimeSpan.FromSeconds(5) },
                GitHubResilience = new GitHubResilienceOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(5) },
            },
            logging => logging.AddProvider(logs));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        baseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await gitLab.DisposeAsync();
        await gitHub.DisposeAsync();
    }

    [SetUp]
    public void ResetFakes()
    {
        gitLab.Reset();
        gitHub.Reset();
        logs.Clear();
        gitHub.PullRequests[1] = new Testing.GitHub.FakePullRequest(1, "headsha1", "basesha1");
    }

    [Test]
    public async Task Healthz_Get_ReturnsOk()
    {
        using var response = await Http.GetAsync(new Uri(baseAddress, "healthz"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task GitLabWebhook_ImpactByMaintainer_ReactsAndTriggersPipeline()
    {
        var note = gitLab.AddNote(FakeGitLabServer.Alice, "/impact");

        using var response = await PostGitLabAsync(NoteHook(note.Id, FakeGitLabServer.Alice, "/impact", "create"), GitLabSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(gitLab.Pipelines, Has.Count.EqualTo(1));
        Assert.That(gitLab.Emoji.Where(e => e.AwardableId == note.Id).Select(e => e.Name), Is.EqualTo(new[] { "eyes", "rocket" }));
    }

    [Test]
    public async Task GitLabWebhook_ImpactByReporter_RefusesWithoutPipeline()
    {
        var note = gitLab.AddNote(FakeGitLabServer.Bob, "/impact full");

        using var response = await PostGitLabAsync(NoteHook(note.Id, FakeGitLabServer.Bob, "/impact full", "create"), GitLabSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(gitLab.Pipelines, Is.Empty);
        Assert.That(gitLab.Emoji.Single().Name, Is.EqualTo("confused"));
        Assert.That(gitLab.Notes[^1].Body, Does.StartWith("@bob").And.Contain("Developer"));
    }

    [TestCase(null)]
    [TestCase("wrong-secret")]
    public async Task GitLabWebhook_MissingOrForgedToken_Returns401AndChangesNothing(string? token)
    {
        var note = gitLab.AddNote(FakeGitLabServer.Alice, "/impact");

        using var response = await PostGitLabAsync(NoteHook(note.Id, FakeGitLabServer.Alice, "/impact", "create"), token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(gitLab.Requests, Is.Empty);
    }

    [Test]
    public async Task GitLabWebhook_ReportTickedByMaintainer_RecomputesStatusOnTheHead()
    {
        var report = gitLab.AddNote(FakeGitLabServer.Bot, Report);
        var ticked = gitLab.EditNote(report.Id, Ticked);

        using var response = await PostGitLabAsync(NoteHook(report.Id, FakeGitLabServer.Alice, ticked.Body, "update", FakeGitLabServer.Bot.Id), GitLabSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var status = gitLab.Statuses.Single();
        Assert.That((status.Sha, status.Name, status.Status), Is.EqualTo((FakeGitLabServer.HeadSha, "impactbot", "success")));
        Assert.That(gitLab.Notes.Single().Body, Does.Contain("by=@alice"));
        Assert.That(gitLab.Pipelines, Is.Empty);
    }

    [Test]
    public async Task GitLabWebhook_OversizedBody_Returns413()
    {
        // Expect: 100-continue lets the server refuse before the body is sent (as GitLab's client would see it, without a reset).
        using var response = await PostGitLabAsync(new string('x', (1024 * 1024) + 1), GitLabSecret, expectContinue: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(gitLab.Requests, Is.Empty);
    }

    [Test]
    public async Task GitLabWebhook_GitLabHangs_AnswersAtOnceThenLogsTheJobTimeout()
    {
        var options = new ServeOptions
        {
            Urls = "http://127.0.0.1:0",
            GitLabApiUrl = gitLab.ApiBaseUrl,
            GitLabToken = FakeGitLabServer.BotToken,
            GitLabWebhookSecret = GitLabSecret,
            JobTimeout = TimeSpan.FromMilliseconds(500),
        };
        var slowLogs = new CapturedLogs();
        var slow = ServeApp.Build(options, logging => logging.AddProvider(slowLogs));
        await slow.StartAsync();
        try
        {
            var address = new Uri(slow.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/");
            gitLab.Inject(FakeRoutes.Member, Fault.Timeout());
            var note = gitLab.AddNote(FakeGitLabServer.Alice, "/impact");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "webhooks/gitlab")) { Content = new StringContent(NoteHook(note.Id, FakeGitLabServer.Alice, "/impact", "create")) };
            request.Headers.Add("X-Gitlab-Event", "Note Hook");
            request.Headers.Add("X-Gitlab-Token", GitLabSecret);

            using var response = await Http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await slow.Services.GetRequiredService<WebhookQueue>().WaitIdleAsync(TimeSpan.FromSeconds(20)), Is.True);

            Assert.That(gitLab.Pipelines, Is.Empty);
            Assert.That(slowLogs.Lines.Select(l => l.Text), Has.Some.Contains("timed out after"));
        }
        finally
        {
            await slow.StopAsync();
            await slow.DisposeAsync();
        }
    }

    [Test]
    public async Task GitLabWebhook_PipelineCreationSlowerThanGitLabWaits_AnswersWithinASecondThenRocketAndLogLine()
    {
        // GitLab gives up on a webhook after 10 s; here the client gives up after 1 s and pipeline creation takes 2 s.
        gitLab.Inject(FakeRoutes.CreatePipeline, Fault.Slow(TimeSpan.FromSeconds(2)));
        var note = gitLab.AddNote(FakeGitLabServer.Alice, "/impact");
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "webhooks/gitlab"))
        {
            Content = new StringContent(NoteHook(note.Id, FakeGitLabServer.Alice, "/impact", "create")),
        };
        request.Headers.Add("X-Gitlab-Event", "Note Hook");
        request.Headers.Add("X-Gitlab-Token", GitLabSecret);

        using var response = await impatient.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(gitLab.Pipelines, Is.Empty, "the answer came before the pipeline");
        await WaitForQueueAsync();

        Assert.Multiple(() =>
        {
            Assert.That(gitLab.Pipelines, Has.Count.EqualTo(1));
            Assert.That(gitLab.Emoji.Where(e => e.AwardableId == note.Id).Select(e => e.Name), Is.EqualTo(new[] { "eyes", "rocket" }));
            Assert.That(logs.Lines.Select(l => l.Text), Has.Some.Contains($"note {note.Id}").And.Contains("triggered"));
        });
    }

    [Test]
    public async Task GitLabWebhook_ImpactFull_StartsABranchPipelineToldWhichMergeRequestAndToSkipTheCache()
    {
        var note = gitLab.AddNote(FakeGitLabServer.Alice, "/impact full");

        using var response = await PostGitLabAsync(NoteHook(note.Id, FakeGitLabServer.Alice, "/impact full", "create"), GitLabSecret);

        var pipeline = gitLab.Pipelines.Single();
        Assert.Multiple(() =>
        {
            Assert.That((pipeline.Source, pipeline.Ref), Is.EqualTo(("api", FakeGitLabServer.SourceBranch)));
            Assert.That(pipeline.Variables, Is.EquivalentTo(new Dictionary<string, string> { ["IMPACTBOT_MR_IID"] = "7", ["IMPACTBOT_FULL"] = "true" }));
            Assert.That(gitLab.RequestsTo("POST", "/merge_requests/7/pipelines"), Is.Empty);
            Assert.That(gitLab.Emoji.Where(e => e.AwardableId == note.Id).Select(e => e.Name), Is.EqualTo(new[] { "eyes", "rocket" }));
        });
    }

    [TestCase("""{"object_kind":"note","user":null,"object_attributes":{"id":1,"note":"/impact","noteable_type":"MergeRequest"}}""")]
    [TestCase("""{"object_kind":"note","user":{"id":1,"username":"alice"},"object_attributes":null}""")]
    [TestCase("""{"object_kind":"note","user":{"id":1,"username":"alice"},"object_attributes":{"id":1,"note":null,"noteable_type":"MergeRequest"}}""")]
    [TestCase("""{"object_kind":"note","user":{"id":"one"}}""")]
    [TestCase("""{"object_kind":"push"}""")]
    [TestCase("[1,2,3]")]
    [TestCase("not json")]
    public async Task GitLabWebhook_MalformedButSigned_Returns400WithTheReasonAndCallsNothing(string body)
    {
        using var response = await PostGitLabAsync(body, GitLabSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("malformed"));
        Assert.That(gitLab.Requests, Is.Empty);
        Assert.That(logs.Lines.Where(l => l.Level >= LogLevel.Error), Is.Empty);
    }

    [TestCase("""{"action":5}""")]
    [TestCase("""{"action":"created","issue":null,"comment":null,"repository":null}""")]
    [TestCase("""{"action":"created","comment":{"id":"x"}}""")]
    [TestCase("[]")]
    [TestCase("{")]
    public async Task GitHubWebhook_MalformedButSigned_Returns400WithTheReason(string body)
    {
        using var response = await PostGitHubAsync("issue_comment", body, new GitHubSignatureVerifier(GitHubSecret).Sign(Encoding.UTF8.GetBytes(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("issue_comment"));
        Assert.That(gitHub.Requests, Is.Empty);
    }

    [Test]
    public async Task GitLabWebhook_HugeUnknownImpactArgument_LogsOnlyAShortSanitisedPrefix()
    {
        var text = "/impact " + "\u001b[31m" + new string('x', 100_000);
        var note = gitLab.AddNote(FakeGitLabServer.Alice, text);

        using var response = await PostGitLabAsync(NoteHook(note.Id, FakeGitLabServer.Alice, text, "create"), GitLabSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.Multiple(() =>
        {
            Assert.That(logs.Lines, Is.Not.Empty);
            Assert.That(logs.Lines.Max(l => l.Text.Length), Is.LessThan(400));
            Assert.That(logs.Lines.Select(l => l.Text), Has.None.Contains(new string('x', 50)).And.None.Contains("\u001b"));
            Assert.That(gitLab.Notes[^1].Body.Length, Is.LessThan(300), "the reply quotes a prefix too");
        });
    }

    [Test]
    public async Task Webhook_ClientHangsUpMidBody_IsNotLoggedAsAnError()
    {
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
            var stream = tcp.GetStream();
            var head = $"POST /webhooks/gitlab HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nX-Gitlab-Event: Note Hook\r\nX-Gitlab-Token: {GitLabSecret}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"object_kind\"";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(200);
        }

        await Task.Delay(500);
        Assert.That(logs.Lines.Where(l => l.Level >= LogLevel.Error), Is.Empty, string.Join("\n", logs.Lines));
        Assert.That(logs.Lines.Select(l => l.Text), Has.Some.Contains("went away"));
        Assert.That(gitLab.Requests, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task GitHubWebhook_MissingOrForgedSignature_Returns401(string? signature)
    {
        using var response = await PostGitHubAsync("issue_comment", EditedReport(1), signature);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(gitHub.Requests, Is.Empty);
    }

    [Test]
    public async Task GitHubWebhook_ValidSignatureTickedReport_RecomputesStatus()
    {
        gitHub.Permissions["ana"] = ("admin", "admin");
        var ticked = Ticked(Report);
        var comment = gitHub.AddComment(ticked);
        var body = EditedReport(comment.Id, ticked);

        using var response = await PostGitHubAsync("issue_comment", body, new GitHubSignatureVerifier(GitHubSecret).Sign(Encoding.UTF8.GetBytes(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var states = gitHub.CheckRuns.Select(r => r["conclusion"]?.ToString()).Concat(gitHub.Statuses.Select(s => s.Status["state"]?.ToString()));
        Assert.That(states, Has.Some.EqualTo("success"));
        Assert.That(gitHub.CommentsOn(1).Single().Body, Does.Contain("by=@ana"));
    }

    [Test]
    public async Task GitHubWebhook_ImpactByReader_ReactsConfusedAndReplies()
    {
        gitHub.Permissions["ana"] = ("read", "read");
        var comment = gitHub.AddComment("/impact", new Testing.GitHub.FakeUser("ana", 7));
        var body = SlashCommand(comment.Id);

        using var response = await PostGitHubAsync("issue_comment", body, new GitHubSignatureVerifier(GitHubSecret).Sign(Encoding.UTF8.GetBytes(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(gitHub.Reactions.Select(r => r.Content), Is.EqualTo(new[] { "confused" }));
        Assert.That(gitHub.CommentsOn(1)[^1].Body, Does.StartWith("@ana").And.Contain("write access"));
        Assert.That(gitHub.Requests.Where(r => r.Path.EndsWith("/dispatches", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task GitHubWebhook_ImpactByWriterDispatchRefused_SendsDispatchThenReactsConfused()
    {
        gitHub.Permissions["ana"] = ("write", "write");
        var comment = gitHub.AddComment("/impact", new Testing.GitHub.FakeUser("ana", 7));
        var body = SlashCommand(comment.Id);

        using var response = await PostGitHubAsync("issue_comment", body, new GitHubSignatureVerifier(GitHubSecret).Sign(Encoding.UTF8.GetBytes(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var dispatch = gitHub.Requests.Single(r => r.Path.EndsWith("/dispatches", StringComparison.Ordinal));
        Assert.That((dispatch.Body?["event_type"]?.ToString(), dispatch.Body?["client_payload"]?["pr"]?.ToString()), Is.EqualTo(("impactbot", "1")));

        // The fake GitHub has no /dispatches endpoint (404): the bot says so instead of claiming a rerun.
        Assert.That(gitHub.Reactions.Select(r => r.Content), Is.EqualTo(new[] { "eyes", "confused" }));
        Assert.That(gitHub.CommentsOn(1)[^1].Body, Does.Contain("repository_dispatch"));
    }

    private string SlashCommand(long commentId)
    {
        var e = JsonNode.Parse(EditedReport(commentId, "/impact"))!.AsObject();
        e["action"] = "created";
        e.Remove("changes");
        e["comment"]!["user"]!["login"] = "ana";
        return e.ToJsonString();
    }

    private static string NoteHook(long noteId, FakeUser user, string text, string action, long? authorId = null) =>
        NoteHookBody(noteId, user, text, action, authorId);

    private string EditedReport(long commentId, string? body = null) => EditedCommentBody(gitHub, commentId, body ?? Report);

    private async Task<HttpResponseMessage> PostGitLabAsync(string body, string? token, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "webhooks/gitlab")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = expectContinue;
        request.Headers.Add("X-Gitlab-Event", "Note Hook");
        if (token is not null)
        {
            request.Headers.Add("X-Gitlab-Token", token);
        }

        var response = await Http.SendAsync(request);
        await WaitForQueueAsync();
        return response;
    }

    private async Task WaitForQueueAsync() =>
        Assert.That(await app.Services.GetRequiredService<WebhookQueue>().WaitIdleAsync(TimeSpan.FromSeconds(20)), Is.True, "the background queue did not drain");

    private async Task<HttpResponseMessage> PostGitHubAsync(string eventName, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "webhooks/github")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", eventName);
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await Http.SendAsync(request);
    }
}
