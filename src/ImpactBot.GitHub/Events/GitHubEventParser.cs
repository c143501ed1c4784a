using System.Text.Json;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.IssueComment;
using Octokit.Webhooks.Events.PullRequest;

namespace ImpactBot.GitHub.Events;

/// <summary>
/// Turns an Actions event (<c>GITHUB_EVENT_NAME</c> and the JSON at <c>GITHUB_EVENT_PATH</c>) into a <see cref="GitHubTrigger"/>
/// through Octokit.Webhooks' typed models. Events it does not handle become <see cref="GitHubTriggerKind.Ignored"/>; a payload of
/// a handled event that cannot be read becomes <see cref="GitHubTriggerKind.Malformed"/>, never an exception.
/// </summary>
public static class GitHubEventParser
{
    public static GitHubTrigger Parse(string eventName, string payload)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(payload);
        if (eventName is not ("pull_request" or "pull_request_target" or "issue_comment" or "workflow_run"))
        {
            return GitHubTrigger.Ignore($"event '{eventName}' is not handled") with { EventName = eventName };
        }

        string? headSha = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return GitHubTrigger.Malformed($"the {eventName} payload is not a JSON object") with { EventName = eventName };
            }

            headSha = HeadShaOf(root);

            if (!root.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.String)
            {
                return GitHubTrigger.Malformed($"the {eventName} payload has no \"action\" string") with { EventName = eventName, HeadSha = headSha };
            }

            var action = a.GetString() ?? "";
            var trigger = eventName switch
            {
                "issue_comment" => ParseIssueComment(document, action),
                "workflow_run" => ParseWorkflowRun(root, action),
                _ => ParsePullRequest(document, action),
            };
            return trigger with { EventName = eventName, Action = action, HeadSha = trigger.HeadSha ?? (trigger.Kind == GitHubTriggerKind.Malformed ? headSha : null) };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            // Octokit's models throw these for wrong types; the message names the JSON path, never the payload's text.
            return GitHubTrigger.Malformed($"the {eventName} payload cannot be read: {Describe(e)}") with { EventName = eventName, HeadSha = headSha };
        }
    }

    /// <summary>pull_request.head.sha when the payload has it as text, so a malformed event can still set the check on the head.</summary>
    private static string? HeadShaOf(JsonElement root) =>
        root.TryGetProperty("pull_request", out var pull) && pull.ValueKind == JsonValueKind.Object
        && pull.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.Object
        && head.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String
        && sha.GetString() is { Length: 40 } text && text.All(char.IsAsciiHexDigit)
            ? text
            : null;

    private static string Describe(Exception e) => e switch
    {
        JsonException j => $"invalid JSON at {j.Path ?? "$"} (line {j.LineNumber ?? 0}, byte {j.BytePositionInLine ?? 0})",
        _ => "a field has the wrong type",
    };

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
        if (e is null)
        {
            return GitHubTrigger.Ignore($"pull_request action '{action}' needs no analysis");
        }

        if (e.Repository is not { } repository || e.PullRequest is not { } pull || repository.Owner?.Login is null
            || pull.Head?.Sha is not { Length: > 0 } || pull.Base?.Sha is not { Length: > 0 })
        {
            return GitHubTrigger.Malformed($"the pull_request ({action}) payload lacks the repository or the pull request's head and base");
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

    /// <summary>
    /// workflow_run "completed" of a run triggered by pull_request. Its pull_requests array is empty for forks, so only the head
    /// (sha, branch, owner of the head repository) is read here; the caller finds and verifies the pull request through the API.
    /// </summary>
    private static GitHubTrigger ParseWorkflowRun(JsonElement root, string action)
    {
        if (action != "completed")
        {
            return GitHubTrigger.Ignore($"workflow_run action '{action}' needs no analysis");
        }

        if (!root.TryGetProperty("workflow_run", out var run) || run.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("repository", out var repository) || repository.ValueKind != JsonValueKind.Object)
        {
            return GitHubTrigger.Malformed("the workflow_run payload lacks workflow_run or repository");
        }

        if (Text(run, "event") is not "pull_request")
        {
            return GitHubTrigger.Ignore($"the workflow run was triggered by '{TextPreview.Of(Text(run, "event"))}', not by a pull request");
        }

        var headOwner = run.TryGetProperty("head_repository", out var head) && head.ValueKind == JsonValueKind.Object
            && head.TryGetProperty("owner", out var owner) && owner.ValueKind == JsonValueKind.Object ? Text(owner, "login") : null;
        var baseOwner = repository.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.Object ? Text(o, "login") : null;
        if (Text(run, "head_sha") is not { Length: > 0 } sha || Text(run, "head_branch") is not { Length: > 0 } branch
            || headOwner is null || baseOwner is null || Text(repository, "name") is not { Length: > 0 } name)
        {
            return GitHubTrigger.Malformed("the workflow_run payload lacks head_sha, head_branch, head_repository.owner or the repository");
        }

        return new GitHubTrigger(GitHubTriggerKind.WorkflowRun, baseOwner, name, 0)
        {
            HeadSha = sha,
            HeadRef = branch,
            HeadRepositoryFullName = Text(head, "full_name"),
            HeadRepositoryOwner = headOwner,
            Sender = root.TryGetProperty("sender", out var sender) && sender.ValueKind == JsonValueKind.Object ? Text(sender, "login") : null,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static GitHubTrigger ParseIssueComment(JsonDocument document, string action)
    {
        IssueCommentEvent? e = action switch
        {
            "created" => document.Deserialize<IssueCommentCreatedEvent>(),
            "edited" => document.Deserialize<IssueCommentEditedEvent>(),
            _ => null,
        };
        if (e is null)
        {
            return GitHubTrigger.Ignore($"issue_comment action '{action}' needs no action");
        }

        if (e.Repository is not { } repository || repository.Owner?.Login is null || e.Issue is not { } issue || e.Comment is not { } comment)
        {
            return GitHubTrigger.Malformed($"the issue_comment ({action}) payload lacks the repository, issue or comment");
        }

        var owner = repository.Owner.Login;
        var number = (int)issue.Number;
        var trigger = new GitHubTrigger(GitHubTriggerKind.Ignored, owner, repository.Name, number)
        {
            CommentId = comment.Id,
            CommentBody = comment.Body,
            CommentAuthor = comment.User?.Login,
            CommentUrl = comment.HtmlUrl,
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

        if (AckCommand.Parse(comment.Body) is var (ack, ackError))
        {
            return trigger with { Kind = GitHubTriggerKind.AckCommand, Ack = ack, AckError = ackError, IgnoredReason = null };
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
