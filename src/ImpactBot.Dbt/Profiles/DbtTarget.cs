namespace ImpactBot.Dbt.Profiles;

/// <summary>
/// The output of a dbt profile that a project is rendered for: <c>target.name</c>, <c>target.type</c> (the adapter),
/// and its schema and database (BigQuery: dataset and project), as <c>profiles.yml</c> says.
/// </summary>
public sealed record DbtTarget(string Name, string Type)
{
    public string? Schema { get; init; }

    public string? Database { get; init; }

    /// <summary>The profile the target belongs to.</summary>
    public string Profile { get; init; } = "";

    /// <summary>Where it was read: the profiles.yml path.</summary>
    public string Path { get; init; } = "";
}
