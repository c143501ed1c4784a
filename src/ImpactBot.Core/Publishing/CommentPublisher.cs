using ImpactBot.Core.Platform;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// Keeps exactly one report comment per pull/merge request, written only through <see cref="IReviewPlatform"/>. The live
/// report is the oldest comment by the bot that starts with <see cref="ReportMarker.Report"/>; extra ones (from concurrent
/// runs) are deleted. Ticks survive rewrites, mentions notify once, and an older head never overwrites a newer one.
/// Reports left by an earlier identity of the bot (another bot account: the Actions token before a GitHub App, say) hand
/// their ticks to the live report and are then removed.
/// </summary>
public sealed class CommentPublisher(IReviewPlatform platform, CommentPublisherOptions? options = null)
{
    private const int MaxRounds = 3;
    private readonly CommentPublisherOptions options = options ?? new CommentPublisherOptions();

    /// <param name="content">The rendered report; a leading report marker and meta line, if any, are replaced.</param>
    /// <param name="meta">The head commit (and run) the report describes.</param>
    public async Task<PublishResult> PublishAsync(string content, ReportMeta meta, PublishMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(meta);
        if (mode == PublishMode.Off)
        {
            return new PublishResult(PublishOutcome.Disabled, null);
        }

        var fresh = ReportMarker.Compose(content, meta);
        return mode == PublishMode.New
            ? await PublishNewAsync(fresh, meta, cancellationToken).ConfigureAwait(false)
            : await UpsertAsync(fresh, meta, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PublishResult> UpsertAsync(string fresh, ReportMeta meta, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var reports = await ReadReportsAsync(cancellationToken).ConfigureAwait(false);
            if (reports.Count == 0)
            {
                var earlier = await EarlierIdentityReportsAsync(cancellationToken).ConfigureAwait(false);
                var first = earlier.Count == 0 ? Fit(fresh) : Merge(fresh, earlier[^1].Body);
                var created = await platform.CreateCommentAsync(first, cancellationToken).ConfigureAwait(false);
                await RetireAsync(earlier, cancellationToken).ConfigureAwait(false);

                // A concurrent run may have created one too: the oldest wins, the others remove themselves.
                reports = await ReadReportsAsync(cancellationToken).ConfigureAwait(false);
                await DeleteAllButOldestAsync(reports, cancellationToken).ConfigureAwait(false);
                if (reports.Count <= 1 || reports[0].Id == created.Id)
                {
                    return new PublishResult(PublishOutcome.Created, created.Id);
                }

                continue;
            }

            await DeleteAllButOldestAsync(reports, cancellationToken).ConfigureAwait(false);
            await RetireAsync(await EarlierIdentityReportsAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var live = reports[0];
            if (await IsNewerAsync(ReportMarker.ParseMeta(live.Body), meta, cancellationToken).ConfigureAwait(false))
            {
                return new PublishResult(PublishOutcome.SkippedOlderHead, live.Id);
            }

            // Re-read right before writing so ticks made meanwhile are carried over.
            var current = (await ReadReportsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Id == live.Id);
            if (current is null)
            {
                continue;
            }

            var body = Merge(fresh, current.Body);
            if (IsSameReport(body, current.Body))
            {
                return new PublishResult(PublishOutcome.Unchanged, current.Id);
            }

            try
            {
                var updated = await platform.UpdateCommentAsync(current.Id, body, cancellationToken).ConfigureAwait(false);
                return new PublishResult(PublishOutcome.Updated, updated.Id);
            }
            catch (PlatformException e) when (e.StatusCode == 404)
            {
                // Deleted by a concurrent run between the read and the write: start over.
            }
        }

        throw new PlatformException($"The bot's report comment kept changing under concurrent runs; gave up after {MaxRounds} rounds.");
    }

    private async Task<PublishResult> PublishNewAsync(string fresh, ReportMeta meta, CancellationToken cancellationToken)
    {
        var reports = await ReadReportsAsync(cancellationToken).ConfigureAwait(false);
        var previous = reports.Count > 0 ? reports[^1] : null;
        if (previous is not null && await IsNewerAsync(ReportMarker.ParseMeta(previous.Body), meta, cancellationToken).ConfigureAwait(false))
        {
            return new PublishResult(PublishOutcome.SkippedOlderHead, previous.Id);
        }

        var body = previous is null ? Fit(fresh) : Merge(fresh, previous.Body);
        var created = await platform.CreateCommentAsync(body, cancellationToken).ConfigureAwait(false);
        foreach (var old in reports)
        {
            var retired = ReplaceFirst(old.Body, ReportMarker.Report, ReportMarker.Outdated);
            if (await IgnoreGoneAsync(() => platform.UpdateCommentAsync(old.Id, retired, cancellationToken)).ConfigureAwait(false))
            {
                await platform.HideCommentAsync(old with { Body = retired }, cancellationToken).ConfigureAwait(false);
            }
        }

        return new PublishResult(PublishOutcome.Created, created.Id);
    }

    /// <summary>Reports by other bot accounts: the bot's own earlier identities (no one else writes the hidden marker as a bot).</summary>
    private async Task<List<ReviewComment>> EarlierIdentityReportsAsync(CancellationToken cancellationToken)
    {
        var bot = await platform.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        var comments = await platform.ListCommentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. comments
            .Where(c => c.AuthorIsBot && !string.Equals(c.Author, bot, StringComparison.OrdinalIgnoreCase) && ReportMarker.IsReport(c.Body))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)];
    }

    /// <summary>Deletes earlier identities' reports; where the token may not, marks them outdated and collapses them.</summary>
    private async Task RetireAsync(List<ReviewComment> earlier, CancellationToken cancellationToken)
    {
        foreach (var old in earlier)
        {
            try
            {
                await platform.DeleteCommentAsync(old.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformException e) when (e.Kind is PlatformErrorKind.Forbidden or PlatformErrorKind.NotFound)
            {
                if (e.Kind == PlatformErrorKind.Forbidden)
                {
                    await platform.HideCommentAsync(old, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<List<ReviewComment>> ReadReportsAsync(CancellationToken cancellationToken)
    {
        // Asked every time: the platform caches it, and may learn it only from the first comment it creates.
        var bot = await platform.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        var comments = await platform.ListCommentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. comments
            .Where(c => string.Equals(c.Author, bot, StringComparison.OrdinalIgnoreCase) && ReportMarker.IsReport(c.Body))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)];
    }

    private async Task DeleteAllButOldestAsync(List<ReviewComment> reports, CancellationToken cancellationToken)
    {
        foreach (var duplicate in reports.Skip(1))
        {
            await IgnoreGoneAsync(async () =>
            {
                await platform.DeleteCommentAsync(duplicate.Id, cancellationToken).ConfigureAwait(false);
                return duplicate;
            }).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a write on a comment; false when the comment is gone already (another run removed it).</summary>
    private static async Task<bool> IgnoreGoneAsync(Func<Task<ReviewComment>> write)
    {
        try
        {
            await write().ConfigureAwait(false);
            return true;
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return false;
        }
    }

    private async ValueTask<bool> IsNewerAsync(ReportMeta? live, ReportMeta incoming, CancellationToken cancellationToken)
    {
        if (live is null || string.Equals(live.HeadSha, incoming.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (options.IsAncestor is { } isAncestor)
        {
            if (await isAncestor(incoming.HeadSha, live.HeadSha, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (await isAncestor(live.HeadSha, incoming.HeadSha, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return live.HeadCommittedAt is { } liveAt && incoming.HeadCommittedAt is { } incomingAt && liveAt > incomingAt;
    }

    private string Merge(string fresh, string liveBody) =>
        Fit(Mentions.SuppressRepeated(AcknowledgementLog.Write(Checklist.CarryTicks(fresh, liveBody)), liveBody));

    /// <summary>Same head and same content; a different run number alone is not worth an edit.</summary>
    private static bool IsSameReport(string body, string liveBody) =>
        ReportMarker.ParseMeta(body) is { } meta
        && ReportMarker.ParseMeta(liveBody) is { } liveMeta
        && meta with { RunId = null } == liveMeta with { RunId = null }
        && string.Equals(ReportMarker.StripHeader(body), ReportMarker.StripHeader(liveBody), StringComparison.Ordinal);

    private string Fit(string body)
    {
        var max = options.MaxBodyLength;
        if (body.Length <= max)
        {
            return body;
        }

        var notice = $"\n\n> **Report truncated** to the {max:N0}-character comment limit; the full report is in the job log.\n";
        var room = Math.Max(0, max - notice.Length);
        var cut = body.LastIndexOf('\n', Math.Max(0, room - 1));
        return string.Concat(body.AsSpan(0, cut > 0 ? cut : room), notice);
    }

    private static string ReplaceFirst(string text, string value, string replacement)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + value.Length));
    }
}
