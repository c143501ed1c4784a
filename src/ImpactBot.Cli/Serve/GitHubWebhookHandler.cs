using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using ImpactBot.Core.Report;
using ImpactBot.GitHub;
using ImpactBot.GitHub.Events;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Cli.Serve;

/// <summary>
/// A verified GitHub webhook: checklist edits on the bot's report re-evaluate the status; `/impact` from a user with write
/// access sends a <c>repository_dispatch</c> (event type <c>impactbot</c>, client_payload.pr) the workflow listens to.
/// Pull request events need nothing here: the analysis runs in the Action.
/// </summary>
internal sealed class GitHubWebhookHandler(GitHubConnection connection, HttpClient http, ServeOptions options, ILogger logger)
{
    public const string DispatchEventType = "impactbot";

    /// <summary>Parses and runs a webhook in one go.</summary>
    public async Task<WebhookResult> HandleAsync(string eventName, string body, CancellationToken cancellationToken)
    {
        var intake = Intake(eventName, body);
        return intake.Work is { } work ? await work(cancellationToken).ConfigureAwait(false) : intake.Result;
    }

    /// <summary>Decides, from the payload alone, whether there is work; a payload it cannot read is a 400 with the reason.</summary>
    public WebhookIntake Intake(string eventName, string body)
    {
        var trigger = GitHubEventParser.Parse(eventName, body);
        var what = $"{trigger.Owner}/{trigger.Repository}#{trigger.Number}";
        return trigger.Kind switch
        {
            GitHubTriggerKind.Malformed => WebhookIntake.Malformed(trigger.IgnoredReason ?? "the payload cannot be read"),
            GitHubTriggerKind.PullRequest => WebhookIntake.Ignored("pull request analysis runs in the GitHub Action"),
            GitHubTriggerKind.ChecklistEdit => WebhookIntake.Run(what, ct => AcknowledgeAsync(trigger, ct)),
            GitHubTriggerKind.SlashCommand => WebhookIntake.Run(what, ct => DispatchAsync(trigger, ct)),
            GitHubTriggerKind.AckCommand => WebhookIntake.Run(what, ct => AckAsync(trigger, ct)),
            _ => WebhookIntake.Ignored(TextPreview.Of(trigger.IgnoredReason ?? "nothing to do", 200)),
        };
    }

    private async Task<WebhookResult> AcknowledgeAsync(GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        var platform = connection.ForPullRequest(trigger.Owner, trigger.Repository, trigger.Number);
        var bot = await platform.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(trigger.CommentAuthor, bot, StringComparison.OrdinalIgnoreCase))
        {
            return new("ignored", "the edited comment is not the bot's report");
        }

        if (trigger.Sender is not { } editor || string.Equals(editor, bot, StringComparison.OrdinalIgnoreCase))
        {
            return new("ignored", "the bot's own edit");
        }

        var comments = await platform.ListCommentsAsync(cancellationToken).ConfigureAwait(false);
        if (comments.FirstOrDefault(c => c.Id == trigger.CommentId) is not { } report)
        {
            return new("ignored", "the report comment no longer exists");
        }

        var pull = await platform.GetPullRequestAsync(cancellationToken).ConfigureAwait(false);
        var config = await HeadConfig.ReadAsync(platform, pull.HeadSha, $"{trigger.Owner}/{trigger.Repository}#{trigger.Number}", logger, cancellationToken).ConfigureAwait(false);
        var session = new ReviewSession(platform, ReviewSessionOptions.For(config, options.FailOn, options.StatusName, MarkdownOptions.GitHub) with
        {
            StatusTargetUrl = trigger.CommentUrl,
        });
        var status = await session.AcknowledgeAsync(report, trigger.PreviousBody, editor, pull.HeadSha, cancellationToken).ConfigureAwait(false);
        return new("acknowledged", $"status {status.State.ToString().ToLowerInvariant()}");
    }

    /// <summary><c>/impact ack</c>: handled here, as the comment's author, without a workflow run.</summary>
    private async Task<WebhookResult> AckAsync(GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        var platform = connection.ForPullRequest(trigger.Owner, trigger.Repository, trigger.Number);
        var commentId = trigger.CommentId ?? 0;
        var actor = trigger.CommentAuthor ?? trigger.Sender ?? "";
        if (trigger.Ack is not { } command || actor.Length == 0)
        {
            var problem = trigger.AckError ?? "the command's author is unknown";
            await platform.RefuseCommandAsync(commentId, actor, problem + ".", cancellationToken).ConfigureAwait(false);
            return new("refused", problem);
        }

        var pull = await platform.GetPullRequestAsync(cancellationToken).ConfigureAwait(false);
        var config = await HeadConfig.ReadAsync(platform, pull.HeadSha, $"{trigger.Owner}/{trigger.Repository}#{trigger.Number}", logger, cancellationToken).ConfigureAwait(false);
        var session = new ReviewSession(platform, ReviewSessionOptions.For(config, options.FailOn, options.StatusName, MarkdownOptions.GitHub) with
        {
            StatusTargetUrl = trigger.CommentUrl,
        });
        var outcome = await session.AcknowledgeByCommandAsync(command, actor, Checklist.ViaGitHubComment(commentId), pull.HeadSha, cancellationToken).ConfigureAwait(false);
        await outcome.RespondAsync(platform, commentId, actor, cancellationToken).ConfigureAwait(false);
        return AckResult(outcome);
    }

    internal static WebhookResult AckResult(AckOutcome outcome) => outcome.Status is { } status
        ? new("acknowledged", $"{outcome.Counted.Length} acknowledged, {outcome.Refused.Length} did not count, {outcome.Unknown.Length} unknown; status {status.State.ToString().ToLowerInvariant()}")
        : new("refused", "no report to acknowledge in");

    private async Task<WebhookResult> DispatchAsync(GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        var platform = connection.ForPullRequest(trigger.Owner, trigger.Repository, trigger.Number);
        var commentId = trigger.CommentId ?? 0;
        var sender = trigger.Sender ?? trigger.CommentAuthor ?? "";
        if (sender.Length == 0 || await platform.GetAccessLevelAsync(sender, cancellationToken).ConfigureAwait(false) < AccessLevel.Write)
        {
            await platform.RefuseCommandAsync(commentId, sender, "`/impact` needs write access to this repository.", cancellationToken).ConfigureAwait(false);
            return new("refused", "the sender lacks write access");
        }

        await platform.AddReactionAsync(commentId, Reaction.Eyes, cancellationToken).ConfigureAwait(false);
        var url = new Uri(options.GitHubApiUrl.AbsoluteUri.TrimEnd('/') + $"/repos/{Uri.EscapeDataString(trigger.Owner)}/{Uri.EscapeDataString(trigger.Repository)}/dispatches");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["event_type"] = DispatchEventType,
                ["client_payload"] = new JsonObject { ["pr"] = trigger.Number, ["full"] = trigger.Full },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.GitHubToken);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("ImpactBot");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var reason = $"GitHub answered {(int)response.StatusCode} to repository_dispatch";
            logger.LogWarning("GitHub /impact on {Owner}/{Repository}#{Number}: {Reason}", trigger.Owner, trigger.Repository, trigger.Number, reason);
            await platform.RefuseCommandAsync(commentId, sender, $"the rerun could not be started ({reason}; the token needs contents: write).", cancellationToken).ConfigureAwait(false);
            return new("failed", reason);
        }

        await platform.AddReactionAsync(commentId, Reaction.Rocket, cancellationToken).ConfigureAwait(false);
        return new("triggered", "repository_dispatch impactbot sent");
    }
}
