using System.Globalization;
using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>Merge request notes: list (all pages, oldest first), create, update, delete.</summary>
public sealed class NotesClient
{
    private readonly GitLabConnection connection;
    private readonly UsersClient users;
    private GitLabUser? self;

    internal NotesClient(GitLabConnection connection, UsersClient users)
    {
        this.connection = connection;
        this.users = users;
    }

    public Task<IReadOnlyList<GitLabNote>> ListAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            string.Create(CultureInfo.InvariantCulture, $"{Path(project, mergeRequestIid)}?sort=asc&order_by=created_at&per_page={connection.PageSize}"),
            GitLabJsonContext.Default.ListGitLabNote,
            cancellationToken);

    /// <summary>
    /// Creates a note. Creating is not idempotent, so before a retry (after a timeout or 5xx that may have been stored
    /// anyway) the notes are listed again, and the newest note by the token's user with the same body counts as created.
    /// </summary>
    public async Task<GitLabNote> CreateAsync(GitLabProjectId project, long mergeRequestIid, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        GitLabNote? stored = null;
        var request = GitLabRequest.Json(HttpMethod.Post, Path(project, mergeRequestIid), new NoteBody(body), GitLabJsonContext.Default.NoteBody);
        using var response = await connection.SendAsync(
            request,
            async ct => (stored = await FindOwnNoteAsync(project, mergeRequestIid, body, ct).ConfigureAwait(false)) is not null,
            cancellationToken).ConfigureAwait(false);
        return stored ?? await connection.ReadAsync(request, response, GitLabJsonContext.Default.GitLabNote, cancellationToken).ConfigureAwait(false);
    }

    public Task<GitLabNote> UpdateAsync(GitLabProjectId project, long mergeRequestIid, long noteId, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return connection.SendAsync(
            GitLabRequest.Json(HttpMethod.Put, NotePath(project, mergeRequestIid, noteId), new NoteBody(body), GitLabJsonContext.Default.NoteBody),
            GitLabJsonContext.Default.GitLabNote,
            cancellationToken);
    }

    /// <summary>Deletes a note; a note that is already gone (404, e.g. a retried delete) counts as deleted.</summary>
    public async Task DeleteAsync(GitLabProjectId project, long mergeRequestIid, long noteId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await connection.SendAsync(
                new GitLabRequest(HttpMethod.Delete, NotePath(project, mergeRequestIid, noteId)), null, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabNotFoundException)
        {
        }
    }

    internal static string Path(GitLabProjectId project, long mergeRequestIid) =>
        MergeRequestsClient.Path(project, mergeRequestIid) + "/notes";

    internal static string NotePath(GitLabProjectId project, long mergeRequestIid, long noteId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path(project, mergeRequestIid)}/{noteId}");

    private async Task<GitLabNote?> FindOwnNoteAsync(GitLabProjectId project, long mergeRequestIid, string body, CancellationToken cancellationToken)
    {
        self ??= await users.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var notes = await ListAsync(project, mergeRequestIid, cancellationToken).ConfigureAwait(false);
        return notes
            .Where(n => !n.System && n.Author.Id == self.Id && SameText(n.Body, body))
            .MaxBy(n => n.Id);
    }

    /// <summary>GitLab may store CRLF as LF and drop trailing whitespace.</summary>
    private static bool SameText(string stored, string sent) =>
        string.Equals(Normalize(stored), Normalize(sent), StringComparison.Ordinal);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
