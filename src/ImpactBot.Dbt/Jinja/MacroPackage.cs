namespace ImpactBot.Dbt.Jinja;

/// <summary>An installed dbt package's macro files (path, text), under the name its dbt_project.yml gives.</summary>
public sealed record MacroPackage(string Name, IReadOnlyList<KeyValuePair<string, string>> Files);
