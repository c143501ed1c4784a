using System.Collections.Immutable;
using ImpactBot.Core.Changes;
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
        var status = WithInputErrors(await DecideAsync(live, cancellationToken).ConfigureAwait(false), report);
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
    /// markers, then recompute the status from the ticks. Nothing is re-analysed.
    /// </summary>
    public async Task<StatusDecision> AcknowledgeAsync(ReviewComment comment, string? previousBody, string editor, string headSha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var body = Checklist.RecordAcknowledgements(comment.Body, previousBody, editor);
        if (body != comment.Body)
        {
            await platform.UpdateCommentAsync(comment.Id, body, cancellationToken).ConfigureAwait(false);
        }

        var status = await DecideAsync(body, cancellationToken).ConfigureAwait(false);
        await platform.SetStatusAsync(new CommitStatus(headSha, options.StatusContext, status.State, status.Description) { TargetUrl = options.StatusTargetUrl }, cancellationToken).ConfigureAwait(false);
        return status;
    }

    private async Task<StatusDecision> DecideAsync(string body, CancellationToken cancellationToken)
    {
        var items = Checklist.Parse(body);
        // With owners-only acknowledgement, a maintainer's tick counts for any item: look those people up once.
        var trusted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (options.Policy.OwnersOnlyAcknowledgement)
        {
            foreach (var login in items.Select(i => i.AcknowledgedBy).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (await platform.GetAccessLevelAsync(login.TrimStart('@'), cancellationToken).ConfigureAwait(false) >= AccessLevel.Maintain)
                {
                    trusted.Add(login.TrimStart('@'));
                }
            }
        }

        return StatusEvaluator.WithDeclaredInputErrors(
            StatusEvaluator.Evaluate(items, options.Policy, login => trusted.Contains(login.TrimStart('@')), ReportMarker.ParseItemsLine(body)),
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
