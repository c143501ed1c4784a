using System.Collections.Immutable;
using ImpactBot.Core.Platform;
using ImpactBot.GitHub.Errors;
using ImpactBot.Testing.GitHub;
using Microsoft.Extensions.Logging;
using Moq;

namespace ImpactBot.GitHub.Tests;

public sealed class GitHubReviewPlatformTests : GitHubTestBase
{
    [Test]
    public async Task ListCommentsAsync_ThreePages_ReturnsAllOldestFirst()
    {
        for (var i = 0; i < 230; i++)
        {
            Server.AddComment($"comment {i}", new FakeUser("ana", 7), PullNumber);
        }

        Server.AddComment("on another pull request", null, PullNumber + 1);

        var comments = await Platform().ListCommentsAsync(default);

        Assert.That(comments.Select(c => c.Body), Is.EqualTo(Enumerable.Range(0, 230).Select(i => $"comment {i}")));
        Assert.That(Server.Requests.Count(r => r.Operation.EndsWith("/comments", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(comments[0].Author, Is.EqualTo("ana"));
    }

    [Test]
    public async Task CreateCommentAsync_Body_PostsAsBot()
    {
        var created = await Platform().CreateCommentAsync("hello", default);

        var stored = Server.CommentsOn(PullNumber).Single();
        Assert.That((created.Id, created.Author, created.Body), Is.EqualTo((stored.Id, "impact-bot", "hello")));
    }

    [Test]
    public async Task UpdateCommentAsync_Existing_ChangesBody()
    {
        var comment = Server.AddComment("old", null, PullNumber);

        var updated = await Platform().UpdateCommentAsync(comment.Id, "new", default);

        Assert.That((updated.Body, Server.CommentsOn(PullNumber).Single().Body), Is.EqualTo(("new", "new")));
    }

    [Test]
    public async Task DeleteCommentAsync_Existing_RemovesIt()
    {
        var comment = Server.AddComment("x", null, PullNumber);

        await Platform().DeleteCommentAsync(comment.Id, default);

        Assert.That(Server.CommentsOn(PullNumber), Is.Empty);
    }

    [Test]
    public void DeleteCommentAsync_AlreadyDeleted_ThrowsNotFound()
    {
        var platform = Platform();

        Assert.That(
            () => platform.DeleteCommentAsync(424242, default),
            Throws.TypeOf<GitHubNotFoundException>().With.Property(nameof(PlatformException.StatusCode)).EqualTo(404));
    }

    [TestCase(Reaction.Eyes, "eyes")]
    [TestCase(Reaction.Rocket, "rocket")]
    [TestCase(Reaction.Confused, "confused")]
    public async Task AddReactionAsync_Reaction_PostsContent(Reaction reaction, string content)
    {
        var comment = Server.AddComment("/impact", new FakeUser("ana", 7), PullNumber);

        await Platform().AddReactionAsync(comment.Id, reaction, default);

        Assert.That(Server.Reactions.Single(), Is.EqualTo((comment.Id, content, "impact-bot")));
    }

    [TestCase("write", "maintain", AccessLevel.Maintain)]
    [TestCase("read", "triage", AccessLevel.Triage)]
    [TestCase("admin", null, AccessLevel.Admin)]
    [TestCase("write", null, AccessLevel.Write)]
    [TestCase("none", null, AccessLevel.None)]
    public async Task GetAccessLevelAsync_Permission_PrefersRoleName(string permission, string? role, AccessLevel expected)
    {
        Server.Permissions["ana"] = (permission, role);

        Assert.That(await Platform().GetAccessLevelAsync("ana", default), Is.EqualTo(expected));
    }

    [TestCase("active", TeamMembership.Member)]
    [TestCase("pending", TeamMembership.NotMember)]
    public async Task GetTeamMembershipAsync_MembershipState_ActiveIsAMember(string state, TeamMembership expected)
    {
        Server.AddTeamMember("acme/crm", "ana", state);

        Assert.That(await Platform().GetTeamMembershipAsync("@acme/crm", "ana", default), Is.EqualTo(expected));
        Assert.That(Server.Requests.Single().Path, Does.EndWith("/orgs/acme/teams/crm/memberships/ana"));
    }

    [Test]
    public async Task GetTeamMembershipAsync_NotAMember404_NotMember() =>
        Assert.That(await Platform().GetTeamMembershipAsync("@acme/crm", "bob", default), Is.EqualTo(TeamMembership.NotMember));

    [Test]
    public async Task GetTeamMembershipAsync_TokenCannotReadTeams403_Unknown()
    {
        Server.TeamsReadable = false;

        Assert.That(await Platform().GetTeamMembershipAsync("@acme/crm", "ana", default), Is.EqualTo(TeamMembership.Unknown));
    }

    [Test]
    public async Task GetTeamMembershipAsync_UserHandle_NotATeamAndNoCall()
    {
        Assert.That(await Platform().GetTeamMembershipAsync("@ana", "ana", default), Is.EqualTo(TeamMembership.NotMember));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public async Task GetAccessLevelAsync_UnknownUser_None() =>
        Assert.That(await Platform().GetAccessLevelAsync("stranger", default), Is.EqualTo(AccessLevel.None));

    [Test]
    public async Task GetCurrentUserAsync_UserToken_ReturnsLoginOnce()
    {
        var platform = Platform();

        var first = await platform.GetCurrentUserAsync(default);
        var second = await platform.GetCurrentUserAsync(default);

        Assert.That((first, second), Is.EqualTo(("impact-bot", "impact-bot")));
        Assert.That(Server.Requests.Count(r => r.Operation == "GET /user"), Is.EqualTo(1));
    }

    [Test]
    public async Task GetCurrentUserAsync_ActionsTokenForbidden_UsesActionsBot()
    {
        Server.CurrentUser = null;
        var platform = Platform();

        Assert.That(await platform.GetCurrentUserAsync(default), Is.EqualTo("github-actions[bot]"));
        var created = await platform.CreateCommentAsync("x", default);
        Assert.That(created.Author, Is.EqualTo("github-actions[bot]"));
    }

    [Test]
    public async Task SetStatusAsync_CheckRunsAllowed_CreatesCompletedRunWithAnnotationBatches()
    {
        var annotations = Enumerable.Range(1, 120).Select(i => new StatusAnnotation("models/orders.sql", i, "Removed column", $"note {i}")).ToImmutableArray();
        var status = new CommitStatus("headsha1", "impactbot", StatusState.Failure, "2 breaking impacts awaiting acknowledgement")
        {
            Summary = "## Impact",
            Annotations = annotations,
        };

        await Platform().SetStatusAsync(status, default);

        var run = Server.CheckRuns.Single();
        Assert.That(run["conclusion"]!.GetValue<string>(), Is.EqualTo("failure"));
        Assert.That(run["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(run["output"]!["annotations_count"]!.GetValue<int>(), Is.EqualTo(120));
        Assert.That(Server.Requests.Count(r => r.Operation == "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"), Is.EqualTo(2));
        Assert.That(Server.Statuses, Is.Empty);
    }

    [Test]
    public async Task SetStatusAsync_CheckRunsForbidden_FallsBackToCommitStatusOnce()
    {
        Server.Inject("POST /repos/{owner}/{repo}/check-runs", FakeFault.Forbidden());
        var platform = Platform();
        var status = new CommitStatus("headsha1", "impactbot", StatusState.Success, new string('x', 300)) { TargetUrl = "https://example.com/run/1" };

        await platform.SetStatusAsync(status, default);
        await platform.SetStatusAsync(status, default);

        Assert.That(Server.CheckRuns, Is.Empty);
        Assert.That(Server.Statuses.Select(s => s.Sha), Is.EqualTo(new[] { "headsha1", "headsha1" }));
        var sent = Server.Statuses.First().Status;
        Assert.That(sent["state"]!.GetValue<string>(), Is.EqualTo("success"));
        Assert.That(sent["description"]!.GetValue<string>(), Has.Length.EqualTo(140));
        Assert.That(Server.Requests.Count(r => r.Operation == "POST /repos/{owner}/{repo}/check-runs"), Is.EqualTo(1));
    }

    [Test]
    public async Task HideCommentAsync_Comment_MinimizesThroughGraphQl()
    {
        var comment = Server.AddComment("old report", null, PullNumber);
        var platform = Platform();
        var listed = (await platform.ListCommentsAsync(default)).Single();

        await platform.HideCommentAsync(listed, default);

        Assert.That(Server.CommentsOn(PullNumber).Single().Minimized, Is.True);
        Assert.That(Server.Requests.Single(r => r.Operation == "POST /api/graphql").Body!["variables"]!["id"]!.GetValue<string>(), Is.EqualTo(comment.NodeId));
    }

    [Test]
    public async Task HideCommentAsync_GoneComment_LogsWithoutThrowing()
    {
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var platform = Connect(logger: logger.Object).ForPullRequest(Server.Owner, Server.Repo, PullNumber);

        await platform.HideCommentAsync(new ReviewComment(5, "impact-bot", "x", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), default);

        logger.Verify(l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Test]
    public async Task GetPullRequestAsync_FromFork_ReportsHeadRepository()
    {
        Server.PullRequests[PullNumber] = new FakePullRequest(PullNumber, "h", "b", "patch-1", "develop") { HeadRepositoryFullName = "contributor/warehouse" };

        var pull = await Platform().GetPullRequestAsync(default);

        Assert.That(pull, Is.EqualTo(new GitHubPullRequest(PullNumber, "h", "patch-1", "b", "develop", "contributor/warehouse", IsFromFork: true, IsDraft: false)));
    }

    [Test]
    public async Task GetPullRequestFilesAsync_RenamedFile_KeepsPreviousPath()
    {
        Server.PullRequests[PullNumber] = Server.PullRequests[PullNumber] with { Files = [("models/b.sql", "renamed", "models/a.sql"), ("models/c.sql", "added", null)] };

        var files = await Platform().GetPullRequestFilesAsync(default);

        Assert.That(files, Is.EqualTo(new[] { new GitHubPullRequestFile("models/b.sql", "renamed", "models/a.sql"), new GitHubPullRequestFile("models/c.sql", "added", null) }));
    }

    [TestCase(".impactbot.yml", "acknowledge: anyone\n")]
    [TestCase("warehouse/.impactbot.yml", "fail-on: never\n")]
    [TestCase(".impactbot.yml", "\uFEFFfail-on: any\n")]
    public async Task ReadFileAsync_FileAtCommit_ReturnsItsText(string path, string text)
    {
        Server.Files[("headsha1", path)] = text;

        var read = await Platform().ReadFileAsync(path, "headsha1", default);

        Assert.That(read, Is.EqualTo(text.TrimStart('\uFEFF')));
        var request = Server.Requests.Single();
        Assert.That((request.Operation, request.Path, request.Query), Is.EqualTo(("GET /repos/{owner}/{repo}/contents/{path}", $"/repos/octo-org/warehouse/contents/{path}", "?ref=headsha1")));
    }

    [Test]
    public async Task ReadFileAsync_OnlyAtAnotherCommit_ReturnsNull()
    {
        Server.Files[("basesha1", ".impactbot.yml")] = "fail-on: any\n";

        var read = await Platform().ReadFileAsync(".impactbot.yml", "headsha1", default);

        Assert.That(read, Is.Null);
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "a 404 is an answer, not retried");
    }

    [Test]
    public async Task ReadFileAsync_ServerErrorOnce_RetriesAndReturnsText()
    {
        Server.Files[("headsha1", ".impactbot.yml")] = "fail-on: any\n";
        Server.Inject("GET /repos/{owner}/{repo}/contents/{path}", FakeFault.ServerError());

        var read = await Platform().ReadFileAsync(".impactbot.yml", "headsha1", default);

        Assert.That(read, Is.EqualTo("fail-on: any\n"));
        Assert.That(Server.Requests.Select(r => r.FaultStatus), Is.EqualTo(new int?[] { 500, null }));
    }

    [Test]
    public void ReadFileAsync_Forbidden_NamesThePermission()
    {
        Server.Inject("GET /repos/{owner}/{repo}/contents/{path}", FakeFault.Forbidden());
        var platform = Platform();

        Assert.That(
            () => platform.ReadFileAsync(".impactbot.yml", "headsha1", default),
            Throws.TypeOf<GitHubAuthorizationException>().With.Message.Contains("contents: read"));
    }
}
