namespace ImpactBot.GitHub;

/// <param name="HeadRepositoryFullName">owner/name of the head repository; null when it was deleted.</param>
/// <param name="IsFromFork">The head lives in another repository than the base (write tokens are not available then).</param>
public sealed record GitHubPullRequest(
    int Number,
    string HeadSha,
    string HeadRef,
    string BaseSha,
    string BaseRef,
    string? HeadRepositoryFullName,
    bool IsFromFork,
    bool IsDraft);

/// <param name="Status">added, removed, modified, renamed, copied, changed or unchanged.</param>
/// <param name="PreviousPath">The old path of a renamed file.</param>
public sealed record GitHubPullRequestFile(string Path, string Status, string? PreviousPath);
