using System.Text;
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
            var text = bytes.AsSpan();
            return Encoding.UTF8.GetString(text.StartsWith(Encoding.UTF8.Preamble) ? text[Encoding.UTF8.Preamble.Length..] : text);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }
}
