using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Config;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Report;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// What the bot does on a pull/merge request, whatever the platform: publish the report as the one checklist comment and
/// set the required status from it, or — when someone ticks boxes — recompute the status without re-analysing.
/// </summary>
public sealed class ReviewSession(IReviewPlatform platform, ReviewSessionOptions options)
{
    private readonly CommentPublisher _publisher = new(platform, options.Publisher);

    /// <summary>The comment's markdown; render it once per run and pass it to <see cref="PublishAsync"/> (and to a step summary).</summary>
    public string Render(ImpactReport report) => MarkdownReportRenderer.Render(report, options.Markdown);

    /// <summary>Publishes the report (rendered by <see cref="Render"/>) and sets the status; returns what was published and the status decided.</summary>
    public async Task<(PublishResult Published, StatusDecision Status)> PublishAsync(ImpactReport report, string content, ReportMeta meta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(meta);
        var published = await _publisher.PublishAsync(content, meta, options.Mode, cancellationToken).ConfigureAwait(false);
        if (published.Outcome == PublishOutcome.SkippedOlderHead)
        {
            return (published, new StatusDecision(StatusState.Pending, "A newer commit's report is live", [], []));
        }

        var live = await LiveBodyAsync(published.CommentId, cancellationToken).ConfigureAwait(false) ?? content;
        var status = WithInputErrors(await DecideAsync(live, Rules(), cancellationToken).ConfigureAwait(false), report);
        await platform.SetStatusAsync(new CommitStatus(meta.HeadSha, options.StatusContext, status.State, status.Description)
        {
            Summary = content,
            Annotations = Annotations(report),
            TargetUrl = options.StatusTargetUrl,
        }, cancellationToken).ConfigureAwait(false);
        return (published, status);
    }

    /// <summary>
    /// Someone other than the bot edited the report (ticked or unticked boxes): record who acknowledged what in the hidden
    /// markers — the editor for new ticks that count under the policy; a new tick that does not count is unticked and shown with
    /// why — then recompute the status from the ticks. Nothing is re-analysed.
    /// </summary>
    /// <param name="previousBody">The body before the edit (GitHub <c>changes.body.from</c>); recorded acknowledgements come only
    /// from it. GitLab sends none: pass the current body.</param>
    public async Task<StatusDecision> AcknowledgeAsync(ReviewComment comment, string? previousBody, string editor, string headSha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var rules = Rules();
        var refused = new Dictionary<string, AckRefusal>(StringComparer.Ordinal);
        foreach (var item in Checklist.NewTicks(comment.Body, previousBody))
        {
            if (await rules.CheckAsync(editor, item, byCommand: false, cancellationToken).ConfigureAwait(false) is { } why)
            {
                refused[item.Id] = why;
            }
        }

        var body = AcknowledgementLog.Write(Checklist.ApplyEdit(comment.Body, previousBody, editor, refused));
        if (body != comment.Body)
        {
            await platform.UpdateCommentAsync(comment.Id, body, cancellationToken).ConfigureAwait(false);
        }

        return await SetStatusFromAsync(body, headSha, rules, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>/impact ack</c> by <paramref name="actor"/> (the command comment's author, never a name in a body): ticks the named items
    /// (or, for <c>all</c>, every item not yet acknowledged that the actor may acknowledge) in the live report, records the actor
    /// and the command (<paramref name="via"/>, e.g. <c>ic123</c>), records refusals of named items with why (those of <c>all</c> go to the reply only),
    /// and recomputes the status.
    /// </summary>
    public async Task<AckOutcome> AcknowledgeByCommandAsync(AckCommand command, string actor, string via, string headSha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await LiveReportAsync(cancellationToken).ConfigureAwait(false) is not { } report)
        {
            return AckOutcome.NoReport;
        }

        var items = Checklist.Parse(report.Body);
        var unknown = new List<string>();
        var targets = new List<ChecklistItem>();
        if (command.All)
        {
            targets.AddRange(items.Where(i => !i.Recorded));
        }
        else
        {
            foreach (var id in command.Ids)
            {
                var found = items.Where(i => i.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase)).ToList();
                if (found.Count == 1)
                {
                    targets.Add(found[0]);
                }
                else
                {
                    unknown.Add(id);
                }
            }
        }

        var rules = Rules();
        var decisions = new Dictionary<string, AckRefusal?>(StringComparer.Ordinal);
        var counted = new List<ChecklistItem>();
        var refused = new List<(ChecklistItem, AckRefusal)>();
        foreach (var item in targets.DistinctBy(i => i.Id))
        {
            var why = await rules.CheckAsync(actor, item, byCommand: true, cancellationToken).ConfigureAwait(false);
            if (why is { } refusal)
            {
                refused.Add((item, refusal));
                if (!command.All)
                {
                    decisions[item.Id] = refusal;
                }
            }
            else
            {
                counted.Add(item);
                if (!item.Recorded)
                {
                    decisions[item.Id] = null;
                }
            }
        }

        var body = AcknowledgementLog.Write(Checklist.ApplyCommand(report.Body, actor, via, decisions));
        if (body != report.Body)
        {
            await platform.UpdateCommentAsync(report.Id, body, cancellationToken).ConfigureAwait(false);
        }

        var status = await SetStatusFromAsync(body, headSha, rules, cancellationToken).ConfigureAwait(false);
        return new AckOutcome([.. counted], [.. refused], [.. unknown], status);
    }

    private AcknowledgementRules Rules() => new(platform, options.Policy.Acknowledge, options.Teams);

    private async Task<StatusDecision> SetStatusFromAsync(string body, string headSha, AcknowledgementRules rules, CancellationToken cancellationToken)
    {
        var status = await DecideAsync(body, rules, cancellationToken).ConfigureAwait(false);
        await platform.SetStatusAsync(new CommitStatus(headSha, options.StatusContext, status.State, status.Description) { TargetUrl = options.StatusTargetUrl }, cancellationToken).ConfigureAwait(false);
        return status;
    }

    /// <summary>The bot's live report: its oldest comment that starts with the report marker.</summary>
    private async Task<ReviewComment?> LiveReportAsync(CancellationToken cancellationToken)
    {
        var bot = await platform.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        var comments = await platform.ListCommentsAsync(cancellationToken).ConfigureAwait(false);
        return comments
            .Where(c => string.Equals(c.Author, bot, StringComparison.OrdinalIgnoreCase) && ReportMarker.IsReport(c.Body))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .FirstOrDefault();
    }

    /// <summary>
    /// The status of a body; each recorded acknowledgement is checked again under the current policy (cached per run). One
    /// whose team this run's token cannot read stays counted: the bot recorded it after a check that could (serve's token, say).
    /// </summary>
    private async Task<StatusDecision> DecideAsync(string body, AcknowledgementRules rules, CancellationToken cancellationToken)
    {
        var items = Checklist.Parse(body);
        var confirmed = new HashSet<string>(StringComparer.Ordinal);
        if (rules.Policy != AcknowledgePolicy.AnyoneWithWrite)
        {
            foreach (var item in items.Where(i => i.Recorded))
            {
                if (await rules.CheckAsync(item.AcknowledgedBy!, item, byCommand: false, cancellationToken).ConfigureAwait(false) is null or AckRefusal.TeamUnreadable)
                {
                    confirmed.Add(item.Id);
                }
            }
        }

        return StatusEvaluator.WithDeclaredInputErrors(
            StatusEvaluator.Evaluate(items, options.Policy, item => confirmed.Contains(item.Id), ReportMarker.ParseItemsLine(body)),
            body);
    }

    /// <summary>Duplicate names or an unreadable changed file fail the check whatever the ticks (README "Exit codes").</summary>
    private static StatusDecision WithInputErrors(StatusDecision status, ImpactReport report)
    {
        var blocking = report.Blocking;
        if (blocking.IsEmpty)
        {
            return status;
        }

        var first = blocking[0];
        var text = $"{blocking.Length} input error{(blocking.Length == 1 ? "" : "s")}: {first.Location} {first.Code}";
        return status with
        {
            State = StatusState.Failure,
            Description = text.Length <= StatusEvaluator.MaxDescriptionLength ? text : string.Concat(text.AsSpan(0, StatusEvaluator.MaxDescriptionLength - 1), "…"),
        };
    }

    private async Task<string?> LiveBodyAsync(long? commentId, CancellationToken cancellationToken)
    {
        if (commentId is not { } id)
        {
            return null;
        }

        var comments = await platform.ListCommentsAsync(cancellationToken).ConfigureAwait(false);
        return comments.FirstOrDefault(c => c.Id == id)?.Body;
    }

    /// <summary>One annotation per removed or renamed column, on the changed model's file.</summary>
    private static ImmutableArray<StatusAnnotation> Annotations(ImpactReport report) =>
    [
        .. report.Changes
            .Where(c => c.Path is not null)
            .SelectMany(c => c.Columns
                .Where(col => col.Kind is ColumnChangeKind.Removed or ColumnChangeKind.Renamed)
                .Select(col => new StatusAnnotation(
                    c.Path!,
                    1,
                    $"{c.Asset}.{col.Name} {(col.Kind == ColumnChangeKind.Removed ? "removed" : $"renamed to {col.NewName}")}",
                    Readers(report, c.Asset, col.Name)))),
    ];

    private static string Readers(ImpactReport report, string asset, string column)
    {
        var readers = report.Impacts.Where(i => i.Path.StartsWith($"{asset}.{column} ", StringComparison.OrdinalIgnoreCase)).Select(i => i.Asset).ToList();
        return readers.Count == 0
            ? "No downstream asset reads this column."
            : $"Read downstream by {string.Join(", ", readers.Take(10))}{(readers.Count > 10 ? $" and {readers.Count - 10} more" : "")}.";
    }
}
