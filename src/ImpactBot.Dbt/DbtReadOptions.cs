using ImpactBot.Core.Config;
using ImpactBot.Core.Files;
using ImpactBot.Dbt.Profiles;
using ImpactBot.Core.Timing;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt;

/// <summary>Inputs of <see cref="DbtProjectReader.Read"/> besides the files.</summary>
public sealed record DbtReadOptions
{
    public static readonly DbtReadOptions Default = new();

    /// <summary>Repository-relative project folder; overrides <c>project-dir</c> of the config and discovery.</summary>
    public string? ProjectDir { get; init; }

    /// <summary>Text of target/manifest.json, when given.</summary>
    public string? ManifestText { get; init; }

    public string ManifestPath { get; init; } = "manifest.json";

    /// <summary>Text of target/catalog.json, when given.</summary>
    public string? CatalogText { get; init; }

    public string CatalogPath { get; init; } = "catalog.json";

    /// <summary>The parsed <c>.impactbot.yml</c>; null means defaults.</summary>
    public ImpactBotConfig? Config { get; init; }

    /// <summary>
    /// Installed dbt packages (<c>dbt deps</c> output), paths relative to the packages folder
    /// (<c>dbt_utils/dbt_project.yml</c>, <c>dbt_utils/macros/...</c>). Null: the project's own <c>dbt_packages/</c>, if committed.
    /// </summary>
    public IFileSource? Packages { get; init; }

    /// <summary>Where the reading phases' wall time is recorded (files, YAML, models, owners).</summary>
    public PhaseTimings? Timings { get; init; }

    /// <summary>The profile target to render for (<c>target.name</c>, <c>target.type</c>, ...); null for dbt's defaults.</summary>
    public DbtTarget? Target { get; init; }

    /// <summary>
    /// The SQL dialect chosen on the command line (<c>--dialect</c>): the rendered SQL is parsed in it, so
    /// <c>target.type</c> follows it unless profiles.yml names the adapter (as <c>.impactbot.yml</c>'s dialect does).
    /// </summary>
    public SqlDialect? Dialect { get; init; }

    /// <summary>Vars given from outside the project; they override dbt_project.yml's.</summary>
    public DbtMap? Vars { get; init; }
}
