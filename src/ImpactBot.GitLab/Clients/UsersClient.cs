using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>GET /user and GET /users?username=.</summary>
public sealed class UsersClient
{
    private readonly GitLabConnection connection;

    internal UsersClient(GitLabConnection connection) => this.connection = connection;

    /// <summary>The identity behind the token (the bot).</summary>
    public Task<GitLabUser> GetCurrentAsync(CancellationToken cancellationToken) =>
        connection.GetAsync("user", GitLabJsonContext.Default.GitLabUser, cancellationToken);

    /// <summary>The user with exactly this username, or null when there is none.</summary>
    public async Task<GitLabUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        var name = username.TrimStart('@');
        var users = await connection.GetAsync(
            $"users?username={Uri.EscapeDataString(name)}", GitLabJsonContext.Default.ListGitLabUser, cancellationToken).ConfigureAwait(false);
        return users.FirstOrDefault(u => string.Equals(u.Username, name, StringComparison.OrdinalIgnoreCase));
    }
}
