using System.Text.Json.Nodes;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;
using ImpactBot.Testing.GitLab;

namespace ImpactBot.Cli.Tests.Serve;

/// <summary>Webhook bodies built from the recorded fixtures, pointed at the fake servers' repository and request.</summary>
internal static class WebhookPayloads
{
    /// <summary>A bot report with one breaking item and no owner named: only a maintainer's tick counts under owners-only.</summary>
    public static readonly string Report = string.Join('\n',
        ReportMarker.Report,
        "<!-- impactbot:meta head=abc123 -->",
        "## Impact",
        $"- [ ] **orders** reads stg_customers.last_name, which is removed {ReportMarker.ItemMarker("model.orders:last_name", Severity.Breaking)}",
        "");

    public static string Ticked(string report) => report.Replace("- [ ]", "- [x]", StringComparison.Ordinal);

    /// <summary>GitHub issue_comment "edited" on pull request 1: the bot's comment, changed by <paramref name="sender"/>.</summary>
    public static string EditedCommentBody(Testing.GitHub.FakeGitHubServer gitHub, long commentId, string body, string sender = "ana")
    {
        var e = Load("issue_comment.edited.json");
        e["repository"]!["name"] = gitHub.Repo;
        e["repository"]!["full_name"] = $"{gitHub.Owner}/{gitHub.Repo}";
        e["repository"]!["owner"]!["login"] = gitHub.Owner;
        e["issue"]!["number"] = 1;
        e["issue"]!["pull_request"] = new JsonObject { ["url"] = "https://api.github.com/repos/octo-org/warehouse/pulls/1" };
        e["comment"]!["id"] = commentId;
        e["comment"]!["body"] = body;
        e["comment"]!["user"]!["login"] = gitHub.CurrentUser!.Login;
        e["changes"]!["body"]!["from"] = Report;
        e["sender"]!["login"] = sender;
        return e.ToJsonString();
    }

    /// <summary>GitHub issue_comment "created" on pull request 1 by <paramref name="author"/>.</summary>
    public static string CreatedCommentBody(Testing.GitHub.FakeGitHubServer gitHub, long commentId, string body, string author)
    {
        var e = Load("issue_comment.created.json");
        e["repository"]!["name"] = gitHub.Repo;
        e["repository"]!["full_name"] = $"{gitHub.Owner}/{gitHub.Repo}";
        e["repository"]!["owner"]!["login"] = gitHub.Owner;
        e["issue"]!["number"] = 1;
        e["issue"]!["pull_request"] = new JsonObject { ["url"] = "https://api.github.com/repos/octo-org/warehouse/pulls/1" };
        e["comment"]!["id"] = commentId;
        e["comment"]!["body"] = body;
        e["comment"]!["user"]!["login"] = author;
        e["sender"]!["login"] = author;
        return e.ToJsonString();
    }

    /// <summary>GitLab Note Hook on the fake's merge request.</summary>
    public static string NoteHookBody(long noteId, FakeUser user, string text, string action, long? authorId = null)
    {
        var hook = Load("note-hook-merge-request.json");
        hook["user"]!["id"] = user.Id;
        hook["user"]!["username"] = user.Username;
        hook["project_id"] = FakeGitLabServer.ProjectId;
        hook["project"]!["id"] = FakeGitLabServer.ProjectId;
        var note = hook["object_attributes"]!;
        note["id"] = noteId;
        note["note"] = text;
        note["author_id"] = authorId ?? user.Id;
        note["action"] = action;
        note["project_id"] = FakeGitLabServer.ProjectId;
        var mergeRequest = hook["merge_request"]!;
        mergeRequest["iid"] = FakeGitLabServer.MergeRequestIid;
        mergeRequest["target_project_id"] = FakeGitLabServer.ProjectId;
        mergeRequest["source_project_id"] = FakeGitLabServer.ProjectId;
        mergeRequest["source_branch"] = FakeGitLabServer.SourceBranch;
        return hook.ToJsonString();
    }

    private static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "webhooks", name)))!;
}
