namespace ImpactBot.GitLab;

/// <summary>The token and the header it travels in. <see cref="ToString"/> never reveals the token.</summary>
public sealed class GitLabCredentials
{
    public GitLabCredentials(GitLabTokenKind kind, string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Kind = kind;
        Token = token;
    }

    public GitLabTokenKind Kind { get; }

    internal string Token { get; }

    internal string HeaderName => Kind == GitLabTokenKind.JobToken ? "JOB-TOKEN" : "PRIVATE-TOKEN";

    public static GitLabCredentials PrivateToken(string token) => new(GitLabTokenKind.PrivateToken, token);

    public static GitLabCredentials JobToken(string token) => new(GitLabTokenKind.JobToken, token);

    public override string ToString() => $"{HeaderName}: ***";
}
