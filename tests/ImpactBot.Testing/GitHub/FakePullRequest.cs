namespace ImpactBot.Testing.GitHub;

public sealed record FakePullRequest(int Number, string HeadSha, string BaseSha, string HeadRef = "feature", string BaseRef = "main")
{
    /// <summary>owner/name of the head repository; null means the base repository.</summary>
    public string? HeadRepositoryFullName { get; init; }

    public bool Draft { get; init; }

    public IReadOnlyList<(string Path, string Status, string? PreviousPath)> Files { get; init; } = [];
}
