namespace ImpactBot.Core.Config;

/// <summary>
/// Whose acknowledgement (a tick or <c>/impact ack</c>) counts for an item. Team owners count through their members (the
/// platform's team API, else the <c>teams:</c> map of <c>.impactbot.yml</c>).
/// </summary>
public enum AcknowledgePolicy
{
    /// <summary>The item's owners, or anyone with Maintain (GitHub) / Maintainer (GitLab) access or more. The default; <c>owners-only</c> is an alias.</summary>
    OwnersOrMaintainers,

    /// <summary>Only the item's owners; an item without owners falls back to maintainers, so it can still be acknowledged.</summary>
    Owners,

    /// <summary>Anyone with write (Developer) access; <c>anyone</c> is an alias.</summary>
    AnyoneWithWrite,
}
