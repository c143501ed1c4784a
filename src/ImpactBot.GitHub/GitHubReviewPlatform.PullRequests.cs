using ImpactBot.GitHub.Errors;
using Octokit;

namespace ImpactBot.GitHub;

public sealed partial class GitHubReviewPlatform
{
    public async Task<GitHubPullRequest> GetPullRequestAsync(CancellationToken cancellationToken)
    {
        var pull = await connection.RunAsync(GitHubOperation.ReadPullRequest, _ => Client.PullRequest.Get(Owner, Repository, Number), cancellationToken).ConfigureAwait(false);
        var baseRepository = pull.Base.Repository?.FullName ?? $"{Owner}/{Repository}";
        var headRepository = pull.Head.Repository?.FullName;
        return new GitHubPullRequest(
            pull.Number,
            pull.Head.Sha,
            pull.Head.Ref,
            pull.Base.Sha,
            pull.Base.Ref,
            headRepository,
            !string.Equals(headRepository, baseRepository, StringComparison.OrdinalIgnoreCase),
            pull.Draft);
    }

    /// <summary>The changed files (GitHub lists at most 3,000 per pull request).</summary>
    public async Task<IReadOnlyList<GitHubPullRequestFile>> GetPullRequestFilesAsync(CancellationToken cancellationToken)
    {
        var files = await connection.RunAsync(
            GitHubOperation.ReadPullRequest,
            _ => Client.PullRequest.Files(Owner, Repository, Number, new ApiOptions { PageSize = 100 }),
            cancellationToken).ConfigureAwait(false);
        return [.. files.Select(f => new GitHubPullRequestFile(f.FileName, f.Status, f.PreviousFileName))];
    }
}
