using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Analysis;

/// <summary>How to read a project: a dialect override, the project folder and the dbt artifacts, when given.</summary>
public sealed record ProjectOptions
{
    public static readonly ProjectOptions Default = new();

    public DialectFacts? Dialect { get; init; }

    public string? ProjectDir { get; init; }

    public string? ManifestText { get; init; }

    public string ManifestPath { get; init; } = "manifest.json";

    public string? CatalogText { get; init; }

    public string CatalogPath { get; init; } = "catalog.json";
}
