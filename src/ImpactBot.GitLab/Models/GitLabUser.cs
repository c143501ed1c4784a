namespace ImpactBot.GitLab.Models;

/// <summary>A user as GitLab returns it in /user, /users and as a note or emoji author.</summary>
public sealed record GitLabUser
{
    public long Id { get; init; }

    public string Username { get; init; } = "";

    public string? Name { get; init; }

    public string? State { get; init; }

    public string? WebUrl { get; init; }

    public bool? Bot { get; init; }
}
