using ImpactBot.GitLab.Webhooks;

namespace ImpactBot.GitLab.Tests.Webhooks;

public sealed class GitLabNoteHookTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Webhooks", name));

    [Test]
    public void TryParse_DocumentedMergeRequestComment_ReadsNoteAuthorAndMergeRequest()
    {
        Assert.That(GitLabNoteHook.TryParse(Fixture("note-hook-merge-request.json"), out var hook), Is.True);

        Assert.That(hook!.IsMergeRequestComment, Is.True);
        Assert.That((hook.User.Id, hook.User.Username), Is.EqualTo((1L, "root")));
        Assert.That((hook.ProjectId, hook.Project.PathWithNamespace), Is.EqualTo((5L, "gitlab-org/gitlab-test")));
        Assert.That(hook.ObjectAttributes, Is.EqualTo(new GitLabHookNote
        {
            Id = 1244,
            Note = "This MR needs work.",
            NoteableType = "MergeRequest",
            AuthorId = 1,
            ProjectId = 5,
            NoteableId = 7,
            System = false,
            Action = "create",
            Url = "http://example.com/gitlab-org/gitlab-test/merge_requests/1#note_1244",
            CreatedAt = "2015-05-17 18:21:36 UTC",
            UpdatedAt = "2015-05-17 18:21:36 UTC",
        }));
        Assert.That((hook.MergeRequest!.Iid, hook.MergeRequest.SourceBranch, hook.MergeRequest.TargetBranch),
            Is.EqualTo((1L, "master", "markdown")));
        Assert.That(hook.MergeRequest.LastCommit?.Id, Is.EqualTo("562e173be03b8ff2efb05345d12df18815438a4b"));
    }

    [Test]
    public void TryParse_DocumentedIssueComment_IsANoteButNotOnAMergeRequest()
    {
        Assert.That(GitLabNoteHook.TryParse(Fixture("note-hook-issue.json"), out var hook), Is.True);

        Assert.That(hook!.IsMergeRequestComment, Is.False);
        Assert.That(hook.MergeRequest, Is.Null);
    }

    [Test]
    public void TryParse_SystemNoteOnMergeRequest_IsNotAComment()
    {
        var json = Fixture("note-hook-merge-request.json").Replace("\"system\": false", "\"system\": true", StringComparison.Ordinal);

        Assert.That(GitLabNoteHook.TryParse(json, out var hook), Is.True);
        Assert.That(hook!.IsMergeRequestComment, Is.False);
    }

    [TestCase("""{"object_kind":"push","user_id":1}""")]
    [TestCase("not json")]
    [TestCase("")]
    [TestCase("""{"object_kind":"note","project_id":"five"}""")]
    public void TryParse_NotANoteEvent_ReturnsFalse(string json)
    {
        Assert.That(GitLabNoteHook.TryParse(json, out var hook), Is.False);
        Assert.That(hook, Is.Null);
    }
}
