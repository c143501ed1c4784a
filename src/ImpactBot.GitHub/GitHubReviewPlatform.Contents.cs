using ImpactBot.Core.Files;
using ImpactBot.GitHub.Errors;

namespace ImpactBot.GitHub;

public sealed partial class GitHubReviewPlatform
{
    /// <summary>
    /// <c>GET /repos/{owner}/{repo}/contents/{path}?ref=SHA</c> with the raw media type; a 404 (no such file at that
    /// commit) is null. UTF-8, a leading byte order mark dropped. The token needs <c>contents: read</c>.
    /// </summary>
    public async Task<string?> ReadFileAsync(string path, string commitSha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(commitSha);
        try
        {
            var bytes = await connection.RunAsync(
                GitHubOperation.ReadFile,
                _ => Client.Repository.Content.GetRawContentByRef(Owner, Repository, path, commitSha),
                cancellationToken).ConfigureAwait(false);
            return Utf8Text.Decode(bytes);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }
}
