namespace ImpactBot.GitLab.Models;

/// <summary>A project member, direct or inherited (members/all).</summary>
public sealed record GitLabMember
{
    public long Id { get; init; }

    public string Username { get; init; } = "";

    public string? Name { get; init; }

    public string? State { get; init; }

    public GitLabAccessLevel AccessLevel { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}
