using System.Text.Json;
using ImpactBot.Core.Publishing;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.IssueComment;
using Octokit.Webhooks.Events.PullRequest;

namespace ImpactBot.GitHub.Events;

/// <summary>
/// Turns an Actions event (<c>GITHUB_EVENT_NAME</c> and the JSON at <c>GITHUB_EVENT_PATH</c>) into a <see cref="GitHubTrigger"/>
/// through Octokit.Webhooks' typed models. Unusable payloads become <see cref="GitHubTriggerKind.Ignored"/> with a reason.
/// </summary>
public static class GitHubEventParser
{
    public static GitHubTrigger Parse(string eventName, string payload)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            using var document = JsonDocument.Parse(payload);
            var action = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("action", out var a)
                ? a.GetString() ?? ""
                : "";
            var trigger = eventName switch
            {
                "pull_request" or "pull_request_target" => ParsePullRequest(document, action),
                "issue_comment" => ParseIssueComment(document, action),
                _ => GitHubTrigger.Ignore($"event '{eventName}' is not handled"),
            };
            return trigger with { EventName = eventName, Action = action };
        }
        catch (JsonException e)
        {
            return GitHubTrigger.Ignore($"the {eventName} payload is not valid JSON: {e.Message}");
        }
    }

    private static GitHubTrigger ParsePullRequest(JsonDocument document, string action)
    {
        PullRequestEvent? e = action switch
        {
            "opened" => document.Deserialize<PullRequestOpenedEvent>(),
            "synchronize" => document.Deserialize<PullRequestSynchronizeEvent>(),
            "reopened" => document.Deserialize<PullRequestReopenedEvent>(),
            "ready_for_review" => document.Deserialize<PullRequestReadyForReviewEvent>(),
            _ => null,
        };
        if (e?.Repository is not { } repository || e.PullRequest is not { } pull)
        {
            return GitHubTrigger.Ignore($"pull_request action '{action}' needs no analysis");
        }

        return new GitHubTrigger(GitHubTriggerKind.PullRequest, repository.Owner.Login, repository.Name, (int)e.Number)
        {
            HeadSha = pull.Head.Sha,
            BaseSha = pull.Base.Sha,
            BaseRef = pull.Base.Ref,
            HeadRepositoryFullName = pull.Head.Repo?.FullName,
            IsDraft = pull.Draft,
            Sender = e.Sender?.Login,
        };
    }

    private static GitHubTrigger ParseIssueComment(JsonDocument document, string action)
    {
        IssueCommentEvent? e = action switch
        {
            "created" => document.Deserialize<IssueCommentCreatedEvent>(),
            "edited" => document.Deserialize<IssueCommentEditedEvent>(),
            _ => null,
        };
        if (e?.Repository is not { } repository || e.Issue is not { } issue || e.Comment is not { } comment)
        {
            return GitHubTrigger.Ignore($"issue_comment action '{action}' needs no action");
        }

        var owner = repository.Owner.Login;
        var number = (int)issue.Number;
        var trigger = new GitHubTrigger(GitHubTriggerKind.Ignored, owner, repository.Name, number)
        {
            CommentId = comment.Id,
            CommentBody = comment.Body,
            CommentAuthor = comment.User?.Login,
            Sender = e.Sender?.Login,
        };
        if (issue.PullRequest is null)
        {
            return trigger with { IgnoredReason = "the comment is on an issue, not a pull request" };
        }

        if (e is IssueCommentEditedEvent edited)
        {
            return ParseEdit(trigger with { PreviousBody = edited.Changes?.Body?.From }, comment.Body ?? "");
        }

        return SlashCommand.Parse(comment.Body) switch
        {
            null => trigger with { IgnoredReason = "the comment is not an /impact command" },
            { Error: { } error } => trigger with { IgnoredReason = error },
            { Full: var full } => trigger with { Kind = GitHubTriggerKind.SlashCommand, Full = full, IgnoredReason = null },
        };
    }

    private static GitHubTrigger ParseEdit(GitHubTrigger trigger, string body)
    {
        if (!ReportMarker.IsReport(body))
        {
            return trigger with { IgnoredReason = "the edited comment is not an impact report" };
        }

        if (trigger.PreviousBody is null)
        {
            return trigger with { IgnoredReason = "the edit carries no previous body" };
        }

        var before = Checklist.Parse(trigger.PreviousBody).ToDictionary(i => i.Id, i => i.Ticked, StringComparer.Ordinal);
        var changed = Checklist.Parse(body).Any(i => before.TryGetValue(i.Id, out var was) && was != i.Ticked);
        return changed
            ? trigger with { Kind = GitHubTriggerKind.ChecklistEdit, IgnoredReason = null }
            : trigger with { IgnoredReason = "no checkbox changed" };
    }
}
