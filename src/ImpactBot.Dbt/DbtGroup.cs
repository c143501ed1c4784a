namespace ImpactBot.Dbt;

/// <summary>A dbt group: models with <c>group: name</c> are owned by its owner.</summary>
public sealed record DbtGroup(string Name, string? OwnerName, string? OwnerEmail, string Path, int Line);
