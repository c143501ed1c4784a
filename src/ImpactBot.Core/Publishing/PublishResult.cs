namespace ImpactBot.Core.Publishing;

public enum PublishOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>The live report describes a newer head commit; it was left alone.</summary>
    SkippedOlderHead,
    Disabled,
}

/// <summary>What <see cref="CommentPublisher.PublishAsync"/> did; <see cref="CommentId"/> is the live report afterwards.</summary>
public sealed record PublishResult(PublishOutcome Outcome, long? CommentId);
