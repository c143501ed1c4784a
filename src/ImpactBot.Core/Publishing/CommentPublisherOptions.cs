namespace ImpactBot.Core.Publishing;

/// <summary>
/// Tells whether commit <c>ancestor</c> is an ancestor of commit <c>descendant</c> (e.g. <c>git merge-base --is-ancestor</c>);
/// false when either is unknown.
/// </summary>
public delegate ValueTask<bool> IsAncestorCheck(string ancestor, string descendant, CancellationToken cancellationToken);

public sealed record CommentPublisherOptions
{
    /// <summary>GitHub's limit for an issue comment body (characters).</summary>
    public const int GitHubMaxBodyLength = 65_536;

    public int MaxBodyLength { get; init; } = GitHubMaxBodyLength;

    /// <summary>Used to refuse replacing a report for a newer head; without it the meta's commit times decide.</summary>
    public IsAncestorCheck? IsAncestor { get; init; }
}
