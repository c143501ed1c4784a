using ImpactBot.Core.Platform;
using ImpactBot.GitLab.Models;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests;

public sealed class GitLabReviewPlatformTests : FakeGitLabTestBase
{
    private GitLabReviewPlatform Platform(long? pipelineId = null) =>
        new(TestClients.Create(Server), TestClients.Project, MergeRequestIid, pipelineId);

    [Test]
    public async Task GetCurrentUserAsync_CalledTwice_AsksGitLabOnce()
    {
        var platform = Platform();

        var first = await platform.GetCurrentUserAsync(CancellationToken.None);
        var second = await platform.GetCurrentUserAsync(CancellationToken.None);

        Assert.That((first, second), Is.EqualTo(("impactbot", "impactbot")));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ListCommentsAsync_WithSystemNotes_ReturnsOnlyUserComments()
    {
        var comment = Server.AddNote(Alice, "/impact full");
        Server.AddNote(Alice, "added 1 commit", system: true);
        var report = Server.AddNote(Bot, "<!-- impactbot:report -->");

        var comments = await Platform().ListCommentsAsync(CancellationToken.None);

        Assert.That(comments, Is.EqualTo(new[]
        {
            new ReviewComment(comment.Id, "alice", "/impact full", comment.CreatedAt, comment.UpdatedAt),
            new ReviewComment(report.Id, "impactbot", "<!-- impactbot:report -->", report.CreatedAt, report.UpdatedAt),
        }));
    }

    [Test]
    public async Task CreateUpdateDeleteComment_RoundTrip_LeavesNoNote()
    {
        var platform = Platform();

        var created = await platform.CreateCommentAsync("v1", CancellationToken.None);
        var updated = await platform.UpdateCommentAsync(created.Id, "v2", CancellationToken.None);
        Assert.That((updated.Id, updated.Author, Server.Notes.Single().Body), Is.EqualTo((created.Id, "impactbot", "v2")));

        await platform.DeleteCommentAsync(created.Id, CancellationToken.None);

        Assert.That(Server.Notes, Is.Empty);
    }

    [Test]
    public async Task HideCommentAsync_AnyComment_CallsNothing()
    {
        var note = Server.AddNote(Bot, "old report");

        await Platform().HideCommentAsync(new ReviewComment(note.Id, "impactbot", note.Body, note.CreatedAt, note.UpdatedAt), CancellationToken.None);

        Assert.That(Server.Requests, Is.Empty);
        Assert.That(Server.Notes.Single().Body, Is.EqualTo("old report"));
    }

    [TestCase(Reaction.Eyes, "eyes")]
    [TestCase(Reaction.Rocket, "rocket")]
    [TestCase(Reaction.Confused, "confused")]
    public async Task AddReactionAsync_Reaction_AwardsTheMatchingEmoji(Reaction reaction, string emoji)
    {
        var note = Server.AddNote(Alice, "/impact");

        await Platform().AddReactionAsync(note.Id, reaction, CancellationToken.None);

        Assert.That(Server.Emoji.Select(e => (e.Name, e.AwardableId)), Is.EqualTo(new[] { (emoji, note.Id) }));
    }

    [TestCase("alice", AccessLevel.Maintain)]
    [TestCase("bob", AccessLevel.Triage)]
    [TestCase("impactbot", AccessLevel.Write)]
    [TestCase("carol", AccessLevel.None)]
    [TestCase("nobody", AccessLevel.None)]
    public async Task GetAccessLevelAsync_User_ReadsTheMembersApi(string user, AccessLevel expected)
    {
        var level = await Platform().GetAccessLevelAsync(user, CancellationToken.None);

        Assert.That(level, Is.EqualTo(expected));
    }

    [Test]
    public async Task GetTeamMembershipAsync_MemberOfTheSubgroup_ReadsTheGroupMembersApiByPath()
    {
        Server.AddGroupMember("acme/data", Dave);

        var membership = await Platform().GetTeamMembershipAsync("@acme/data", "dave", CancellationToken.None);

        Assert.That(membership, Is.EqualTo(TeamMembership.Member));
        Assert.That(Server.RequestsTo("GET", $"/groups/acme%2Fdata/members/all/{Dave.Id}"), Has.Count.EqualTo(1));
    }

    [TestCase("@acme/data", "alice")]
    [TestCase("@alice", "dave")]
    [TestCase("@acme/data", "nobody")]
    public async Task GetTeamMembershipAsync_NotAMemberOrNoSuchGroupOrUser_NotMember(string handle, string user)
    {
        Server.AddGroupMember("acme/data", Dave);

        Assert.That(await Platform().GetTeamMembershipAsync(handle, user, CancellationToken.None), Is.EqualTo(TeamMembership.NotMember));
    }

    [Test]
    public async Task GetTeamMembershipAsync_GroupHiddenFromTheToken403_Unknown()
    {
        Server.GroupsReadable = false;

        Assert.That(await Platform().GetTeamMembershipAsync("@acme/data", "dave", CancellationToken.None), Is.EqualTo(TeamMembership.Unknown));
    }

    [TestCase(GitLabAccessLevel.NoAccess, AccessLevel.None)]
    [TestCase(GitLabAccessLevel.MinimalAccess, AccessLevel.None)]
    [TestCase(GitLabAccessLevel.Guest, AccessLevel.Read)]
    [TestCase(GitLabAccessLevel.Planner, AccessLevel.Read)]
    [TestCase(GitLabAccessLevel.Reporter, AccessLevel.Triage)]
    [TestCase(GitLabAccessLevel.Developer, AccessLevel.Write)]
    [TestCase(GitLabAccessLevel.Maintainer, AccessLevel.Maintain)]
    [TestCase(GitLabAccessLevel.Owner, AccessLevel.Admin)]
    [TestCase(GitLabAccessLevel.Admin, AccessLevel.Admin)]
    public void ToAccessLevel_GitLabRole_MapsToPortLevel(GitLabAccessLevel role, AccessLevel expected) =>
        Assert.That(GitLabReviewPlatform.ToAccessLevel(role), Is.EqualTo(expected));

    [TestCase(StatusState.Pending, "pending")]
    [TestCase(StatusState.Success, "success")]
    [TestCase(StatusState.Failure, "failed")]
    [TestCase(StatusState.Error, "failed")]
    public async Task SetStatusAsync_State_PublishesCommitStatusOnThePipeline(StatusState state, string expected)
    {
        var status = new CommitStatus(HeadSha, "impactbot", state, "1 breaking impact") { TargetUrl = "https://example.com/r" };

        await Platform(pipelineId: 77).SetStatusAsync(status, CancellationToken.None);

        var stored = Server.Statuses.Single();
        Assert.That((stored.Status, stored.Name, stored.Description, stored.TargetUrl, stored.PipelineId),
            Is.EqualTo((expected, "impactbot", "1 breaking impact", "https://example.com/r", (long?)77)));
    }

    [Test]
    public async Task TriggerMergeRequestPipelineAsync_Called_CreatesOnePipeline()
    {
        var pipeline = await Platform().TriggerMergeRequestPipelineAsync(CancellationToken.None);

        Assert.That(Server.Pipelines.Single().Id, Is.EqualTo(pipeline.Id));
    }

    [Test]
    public async Task ReadFileAsync_PresentAndAbsent_ReturnsTextOrNull()
    {
        Server.SetFile(HeadSha, ".impactbot.yml", "acknowledge: anyone\n");
        var platform = Platform();

        var present = await platform.ReadFileAsync(".impactbot.yml", HeadSha, CancellationToken.None);
        var absent = await platform.ReadFileAsync(".impactbot.yml", BaseSha, CancellationToken.None);

        Assert.That((present, absent), Is.EqualTo(("acknowledge: anyone\n", (string?)null)));
    }
}
