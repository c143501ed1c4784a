namespace ImpactBot.Benchmarks.RealProjects;

/// <summary>
/// One pinned public dbt project: where its files come from (a repository fetched as a bare mirror, never vendored),
/// which folder holds the project, the dialect, and the inputs this run reads (dbt artifacts from the same commit).
/// <paramref name="Paths"/> are the folders extracted from the commit (the project and what it links to).
/// </summary>
internal sealed record RealProject(
    string Name,
    string Repository,
    string Commit,
    string ProjectDir,
    string Dialect,
    IReadOnlyList<string> Paths)
{
    /// <summary>dbt's manifest.json in the commit, read as dbt's compiled code when given.</summary>
    public string? Manifest { get; init; }

    /// <summary>dbt's catalog.json in the commit (warehouse columns), when given.</summary>
    public string? Catalog { get; init; }

    /// <summary>dbt vars passed as <c>--vars</c> would pass them (YAML), when given.</summary>
    public string? Vars { get; init; }

    /// <summary>What this entry reads besides the project's files, for the report.</summary>
    public string Inputs =>
        (Manifest, Catalog) switch
        {
            (null, null) => "files, no dbt deps",
            (not null, null) => "files + manifest",
            _ => "files + manifest + catalog",
        } + (Vars is null ? "" : " + --vars");
}
