namespace ImpactBot.Core.Platform;

public sealed record ReviewComment(long Id, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The author is a bot account (a GitHub App or Actions bot, a GitLab project or group access token's user).</summary>
    public bool AuthorIsBot { get; init; }
}
