using System.Globalization;
using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>POST /projects/:id/merge_requests/:iid/notes/:note_id/award_emoji.</summary>
public sealed class AwardEmojiClient
{
    private readonly GitLabConnection connection;

    internal AwardEmojiClient(GitLabConnection connection) => this.connection = connection;

    /// <summary>
    /// Awards an emoji (name without colons, e.g. "eyes") to a note. Returns null when the token's user had already
    /// awarded it: GitLab answers that with 404 "Award Emoji Name has already been taken", which makes retries safe.
    /// </summary>
    public async Task<GitLabAwardEmoji?> AddToNoteAsync(
        GitLabProjectId project, long mergeRequestIid, long noteId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = string.Create(CultureInfo.InvariantCulture, $"{NotesClient.NotePath(project, mergeRequestIid, noteId)}/award_emoji");
        try
        {
            return await connection.SendAsync(
                GitLabRequest.Json(HttpMethod.Post, path, new AwardEmojiBody(name.Trim(':')), GitLabJsonContext.Default.AwardEmojiBody),
                GitLabJsonContext.Default.GitLabAwardEmoji,
                cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabNotFoundException ex) when (ex.GitLabMessage?.Contains("has already been taken", StringComparison.OrdinalIgnoreCase) == true)
        {
            return null;
        }
    }
}
