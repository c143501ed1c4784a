using System.Text.Json.Nodes;
using ImpactBot.GitHub.Events;

namespace ImpactBot.GitHub.Tests.Events;

public sealed class GitHubEventParserTests
{
    private const string Report = "<!-- impactbot:report -->\n<!-- impactbot:meta head=abc -->\n- [ ] orders <!-- impactbot:item=orders severity=breaking -->\n";

    private static string Payload(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "webhooks", name));

    /// <summary>The vendored issue example made into a pull request comment, as GitHub sends it.</summary>
    private static string OnPullRequest(string name, string body, string? previousBody = null)
    {
        var json = JsonNode.Parse(Payload(name))!;
        var number = json["issue"]!["number"]!.GetValue<int>();
        json["issue"]!["pull_request"] = new JsonObject
        {
            ["url"] = $"https://api.github.com/repos/Codertocat/Hello-World/pulls/{number}",
            ["html_url"] = $"https://github.com/Codertocat/Hello-World/pull/{number}",
            ["diff_url"] = $"https://github.com/Codertocat/Hello-World/pull/{number}.diff",
            ["patch_url"] = $"https://github.com/Codertocat/Hello-World/pull/{number}.patch",
            ["merged_at"] = null,
        };
        json["comment"]!["body"] = body;
        if (previousBody is not null)
        {
            json["changes"]!["body"]!["from"] = previousBody;
        }

        return json.ToJsonString();
    }

    [TestCase("pull_request.opened.json")]
    [TestCase("pull_request.synchronize.json")]
    [TestCase("pull_request.reopened.json")]
    [TestCase("pull_request.ready_for_review.json")]
    public void Parse_PullRequestAction_AnalysesWithShas(string file)
    {
        var trigger = GitHubEventParser.Parse("pull_request", Payload(file));

        Assert.That(trigger.Kind, Is.EqualTo(GitHubTriggerKind.PullRequest));
        Assert.That((trigger.Owner, trigger.Repository, trigger.Number), Is.EqualTo(("Codertocat", "Hello-World", 2)));
        Assert.That(trigger.HeadSha, Is.EqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821"));
        Assert.That((trigger.BaseSha, trigger.BaseRef), Is.EqualTo(("f95f852bd8fca8fcc58a9a2d6c842781e32a215e", "master")));
        Assert.That((trigger.HeadRepositoryFullName, trigger.Sender), Is.EqualTo(("Codertocat/Hello-World", "Codertocat")));
    }

    [Test]
    public void Parse_PullRequestClosed_Ignored() =>
        Assert.That(GitHubEventParser.Parse("pull_request", Payload("pull_request.closed.json")).Kind, Is.EqualTo(GitHubTriggerKind.Ignored));

    [TestCase("/impact", false)]
    [TestCase("/impact full\nplease", true)]
    [TestCase("  /IMPACT  ", false)]
    public void Parse_CommandComment_IsSlashCommand(string body, bool full)
    {
        var trigger = GitHubEventParser.Parse("issue_comment", OnPullRequest("issue_comment.created.json", body));

        Assert.That((trigger.Kind, trigger.Full), Is.EqualTo((GitHubTriggerKind.SlashCommand, full)));
        Assert.That((trigger.Number, trigger.CommentId, trigger.CommentAuthor), Is.EqualTo((1, 492700400L, "Codertocat")));
    }

    [TestCase("please /impact")]
    [TestCase("/impactful")]
    [TestCase("/impact everything")]
    public void Parse_NotACommand_Ignored(string body) =>
        Assert.That(GitHubEventParser.Parse("issue_comment", OnPullRequest("issue_comment.created.json", body)).Kind, Is.EqualTo(GitHubTriggerKind.Ignored));

    [Test]
    public void Parse_CommandOnIssue_IgnoredWithReason()
    {
        var json = JsonNode.Parse(Payload("issue_comment.created.json"))!;
        json["comment"]!["body"] = "/impact";

        var trigger = GitHubEventParser.Parse("issue_comment", json.ToJsonString());

        Assert.That((trigger.Kind, trigger.IgnoredReason), Is.EqualTo((GitHubTriggerKind.Ignored, "the comment is on an issue, not a pull request")));
    }

    [Test]
    public void Parse_ReportTickEdited_IsChecklistEditWithPreviousBody()
    {
        var ticked = Report.Replace("[ ]", "[x]", StringComparison.Ordinal);

        var trigger = GitHubEventParser.Parse("issue_comment", OnPullRequest("issue_comment.edited.json", ticked, Report));

        Assert.That(trigger.Kind, Is.EqualTo(GitHubTriggerKind.ChecklistEdit));
        Assert.That((trigger.PreviousBody, trigger.CommentBody, trigger.Sender), Is.EqualTo((Report, ticked, "Codertocat")));
    }

    [Test]
    public void Parse_ReportEditedWithoutTickChange_Ignored() =>
        Assert.That(
            GitHubEventParser.Parse("issue_comment", OnPullRequest("issue_comment.edited.json", Report + "more", Report)).IgnoredReason,
            Is.EqualTo("no checkbox changed"));

    [Test]
    public void Parse_VendoredEditOnIssue_Ignored() =>
        Assert.That(GitHubEventParser.Parse("issue_comment", Payload("issue_comment.edited.json")).Kind, Is.EqualTo(GitHubTriggerKind.Ignored));

    [Test]
    public void Parse_BrokenJson_MalformedWithReason()
    {
        var trigger = GitHubEventParser.Parse("pull_request", "{");

        Assert.That(trigger.Kind, Is.EqualTo(GitHubTriggerKind.Malformed));
        Assert.That(trigger.IgnoredReason, Does.StartWith("the pull_request payload cannot be read: invalid JSON at $"));
    }

    [Test]
    public void Parse_WrongFieldType_MalformedNotAnException() =>
        Assert.That(GitHubEventParser.Parse("issue_comment", """{"action": 5}""").Kind, Is.EqualTo(GitHubTriggerKind.Malformed));

    [Test]
    public void Parse_OtherEvent_Ignored() =>
        Assert.That(GitHubEventParser.Parse("push", "{}").IgnoredReason, Is.EqualTo("event 'push' is not handled"));
}
