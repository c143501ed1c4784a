namespace ImpactBot.Testing.GitHub;

/// <summary>An issue comment held by the fake server.</summary>
public sealed record FakeComment(long Id, int IssueNumber, string Body, FakeUser User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string NodeId => $"IC_kwDOFake{Id}";

    public bool Minimized { get; init; }
}

/// <param name="Type">"User" or "Bot".</param>
public sealed record FakeUser(string Login, long Id, string Type = "User");
