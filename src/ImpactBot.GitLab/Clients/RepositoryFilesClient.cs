using ImpactBot.GitLab.Http;

namespace ImpactBot.GitLab.Clients;

/// <summary>GET /projects/:id/repository/files/:file_path/raw?ref=.</summary>
public sealed class RepositoryFilesClient
{
    private readonly GitLabConnection connection;

    internal RepositoryFilesClient(GitLabConnection connection) => this.connection = connection;

    /// <summary>
    /// The text of the file at <paramref name="reference"/> (a commit sha, branch or tag), or null when it is not there
    /// (404). The file path is one URL-encoded segment ("dir%2Ffile.yml"), as GitLab requires. Reading needs the
    /// read_repository or api scope.
    /// </summary>
    public Task<string?> GetRawAsync(GitLabProjectId project, string filePath, string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return connection.GetTextOrNullAsync(
            $"projects/{project.Encoded}/repository/files/{Uri.EscapeDataString(filePath.TrimStart('/'))}/raw?ref={Uri.EscapeDataString(reference)}",
            cancellationToken);
    }
}
