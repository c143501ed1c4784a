using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using ImpactBot.Core.Report;
using ImpactBot.GitHub.Events;
using ImpactBot.GitLab;
using ImpactBot.GitLab.Models;
using ImpactBot.GitLab.Webhooks;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Cli.Serve;

/// <summary>
/// A verified GitLab Note Hook: `/impact` from a Developer or more starts a new merge request pipeline (which runs
/// `impactbot run`); someone else's edit of the bot's report note re-evaluates the status from its ticks.
/// </summary>
internal sealed class GitLabWebhookHandler(GitLabClient client, ServeOptions options, ILogger logger)
{
    /// <summary>Parses and runs a webhook in one go (the queue's work, without the queue).</summary>
    public async Task<WebhookResult> HandleAsync(string eventName, string body, CancellationToken cancellationToken)
    {
        var intake = Intake(eventName, body);
        return intake.Work is { } work ? await work(cancellationToken).ConfigureAwait(false) : intake.Result;
    }

    /// <summary>Decides, from the payload alone, whether there is work; a payload it cannot read is a 400 with the reason.</summary>
    public WebhookIntake Intake(string eventName, string body)
    {
        if (eventName != GitLabNoteHook.EventName)
        {
            return WebhookIntake.Ignored($"event '{TextPreview.Of(eventName)}' is not handled");
        }

        if (!GitLabNoteHook.TryParse(body, out var hook, out var problem))
        {
            return WebhookIntake.Malformed(problem ?? "not a Note Hook payload");
        }

        if (!hook.IsMergeRequestComment)
        {
            return WebhookIntake.Ignored("not a comment on a merge request");
        }

        var mergeRequest = hook.MergeRequest!;
        var projectId = mergeRequest.TargetProjectId != 0 ? mergeRequest.TargetProjectId : hook.ProjectId;
        var what = $"project {projectId} MR !{mergeRequest.Iid} note {hook.ObjectAttributes.Id}";
        var platform = new GitLabReviewPlatform(client, GitLabProjectId.FromId(projectId), mergeRequest.Iid);
        var note = hook.ObjectAttributes;
        if (ReportMarker.IsReport(note.Note))
        {
            return WebhookIntake.Run(what, ct => AcknowledgeAsync(platform, hook, ct));
        }

        if (note.Action is not "update" && AckCommand.Parse(note.Note) is { } ack)
        {
            return WebhookIntake.Run(what, ct => AckAsync(platform, hook, ack, ct));
        }

        if (note.Action is "update" || SlashCommand.Parse(note.Note) is not { } command)
        {
            return WebhookIntake.Ignored("the note is not an /impact command");
        }

        return WebhookIntake.Run(what, ct => RunCommandAsync(platform, hook, command, ct));
    }

    private static async Task<WebhookResult> RunCommandAsync(GitLabReviewPlatform platform, GitLabNoteHook hook, (bool Full, string? Error) command, CancellationToken cancellationToken)
    {
        var note = hook.ObjectAttributes;
        var mergeRequest = hook.MergeRequest!;
        if (command.Error is { } problem)
        {
            await platform.RefuseCommandAsync(note.Id, hook.User.Username, problem, cancellationToken).ConfigureAwait(false);
            return new("refused", problem);
        }

        var access = await platform.GetAccessLevelAsync(hook.User.Username, cancellationToken).ConfigureAwait(false);
        if (access < AccessLevel.Write)
        {
            await platform.RefuseCommandAsync(note.Id, hook.User.Username, "`/impact` needs the Developer role or higher in this project.", cancellationToken).ConfigureAwait(false);
            return new("refused", "the author lacks Developer access");
        }

        await platform.AddReactionAsync(note.Id, Reaction.Eyes, cancellationToken).ConfigureAwait(false);
        try
        {
            // A fork's branch is not in this project: its full rerun is a merge request pipeline (which uses the cache).
            var sameProject = mergeRequest.SourceProjectId == 0 || mergeRequest.SourceProjectId == mergeRequest.TargetProjectId;
            var full = command.Full && sameProject && mergeRequest.SourceBranch.Length > 0;
            var pipeline = full
                ? await platform.TriggerFullAnalysisPipelineAsync(mergeRequest.SourceBranch, cancellationToken).ConfigureAwait(false)
                : await platform.TriggerMergeRequestPipelineAsync(cancellationToken).ConfigureAwait(false);
            await platform.AddReactionAsync(note.Id, Reaction.Rocket, cancellationToken).ConfigureAwait(false);
            return new("triggered", $"{(full ? "full analysis " : "")}pipeline {pipeline.Id}{(command.Full && !full ? " (a fork's merge request: cache kept)" : "")}");
        }
        catch (PlatformException e) when (e is not { Kind: PlatformErrorKind.Unavailable })
        {
            await platform.RefuseCommandAsync(note.Id, hook.User.Username, $"the pipeline could not be started ({e.Message}). Check that .gitlab-ci.yml has an impactbot job for merge request pipelines (and, for `/impact full`, for pipelines with IMPACTBOT_MR_IID set; README \"GitLab CI\").", cancellationToken).ConfigureAwait(false);
            return new("failed", $"the pipeline could not be started ({e.Kind})");
        }
    }

    /// <summary>
    /// <c>/impact ack</c>: acknowledges as the note's author (Developers too: GitLab lets only Maintainers tick boxes in the
    /// bot's note), records it in the report note and recomputes the status.
    /// </summary>
    private async Task<WebhookResult> AckAsync(GitLabReviewPlatform platform, GitLabNoteHook hook, (AckCommand? Command, string? Error) ack, CancellationToken cancellationToken)
    {
        var note = hook.ObjectAttributes;
        var actor = hook.User.Username;
        if (ack.Command is not { } command)
        {
            await platform.RefuseCommandAsync(note.Id, actor, ack.Error + ".", cancellationToken).ConfigureAwait(false);
            return new("refused", ack.Error ?? "unreadable /impact ack");
        }

        var (session, sha) = await SessionAsync(platform, note.Url, cancellationToken).ConfigureAwait(false);
        var outcome = await session.AcknowledgeByCommandAsync(command, actor, Checklist.ViaGitLabNote(note.Id), sha, cancellationToken).ConfigureAwait(false);
        await outcome.RespondAsync(platform, note.Id, actor, cancellationToken).ConfigureAwait(false);
        return GitHubWebhookHandler.AckResult(outcome);
    }

    /// <summary>A session on the merge request's head with the head's .impactbot.yml, the status pinned to the head pipeline.</summary>
    private async Task<(ReviewSession Session, string HeadSha)> SessionAsync(GitLabReviewPlatform platform, string? statusUrl, CancellationToken cancellationToken)
    {
        var mergeRequest = await client.MergeRequests.GetAsync(platform.Project, platform.MergeRequestIid, cancellationToken).ConfigureAwait(false);
        var config = await HeadConfig.ReadAsync(platform, mergeRequest.Sha, $"project {platform.Project} MR !{platform.MergeRequestIid}", logger, cancellationToken).ConfigureAwait(false);

        // Pinned to the head pipeline, the status shows in that pipeline rather than in an external one GitLab makes up.
        var pinned = new GitLabReviewPlatform(client, platform.Project, platform.MergeRequestIid, HeadPipelineId(mergeRequest));
        var session = new ReviewSession(pinned, ReviewSessionOptions.For(config, options.FailOn, options.StatusName, MarkdownOptions.GitLab) with
        {
            StatusTargetUrl = statusUrl,
        });
        return (session, mergeRequest.Sha);
    }

    private async Task<WebhookResult> AcknowledgeAsync(GitLabReviewPlatform platform, GitLabNoteHook hook, CancellationToken cancellationToken)
    {
        var note = hook.ObjectAttributes;
        if (note.Action is not "update" && note.CreatedAt == note.UpdatedAt)
        {
            return new("ignored", "a new report note, not an edit");
        }

        var bot = await platform.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        if (string.Equals(hook.User.Username, bot, StringComparison.OrdinalIgnoreCase))
        {
            return new("ignored", "the bot's own edit");
        }

        var comments = await platform.ListCommentsAsync(cancellationToken).ConfigureAwait(false);
        var report = comments.FirstOrDefault(c => c.Id == note.Id);
        if (report is null || !string.Equals(report.Author, bot, StringComparison.OrdinalIgnoreCase))
        {
            return new("ignored", "the edited note is not the bot's report");
        }

        var (session, sha) = await SessionAsync(platform, note.Url, cancellationToken).ConfigureAwait(false);

        // GitLab does not send the previous body; ticks without a recorded acknowledger are the new ones.
        var status = await session.AcknowledgeAsync(report, report.Body, hook.User.Username, sha, cancellationToken).ConfigureAwait(false);
        return new("acknowledged", $"status {status.State.ToString().ToLowerInvariant()}");
    }

    /// <summary>
    /// The head pipeline's id when it ran on the head commit in this project. GitLab refuses (404) a pipeline_id that is
    /// not this project's pipeline for the status's sha: a merged-results pipeline runs on a merge commit, and a fork's
    /// pipeline may belong to the fork.
    /// </summary>
    internal static long? HeadPipelineId(GitLabMergeRequest mergeRequest) =>
        mergeRequest.HeadPipeline is { } pipeline
            && string.Equals(pipeline.Sha, mergeRequest.Sha, StringComparison.OrdinalIgnoreCase)
            && (pipeline.ProjectId == 0 || pipeline.ProjectId == mergeRequest.ProjectId)
            ? pipeline.Id
            : null;
}
