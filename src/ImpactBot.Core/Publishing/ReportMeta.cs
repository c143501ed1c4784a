namespace ImpactBot.Core.Publishing;

/// <summary>
/// What the hidden meta line of a report records: the head commit it describes, the CI run that wrote it and, when known,
/// the head's commit time (lets a later run tell whether the live report is for a newer commit without git).
/// </summary>
public sealed record ReportMeta(string HeadSha, string? RunId = null, DateTimeOffset? HeadCommittedAt = null);
