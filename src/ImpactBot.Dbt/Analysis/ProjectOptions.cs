using ImpactBot.Core.Files;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// How to read a project: the dialect, target, vars and profiles given, the project folder and the dbt artifacts, when
/// given. <see cref="Settings"/> pins what was decided from the head, so the base is read alike.
/// </summary>
public sealed record ProjectOptions
{
    public static readonly ProjectOptions Default = new();

    public DialectFacts? Dialect { get; init; }

    public string? ProjectDir { get; init; }

    public string? ManifestText { get; init; }

    public string ManifestPath { get; init; } = "manifest.json";

    public string? CatalogText { get; init; }

    public string CatalogPath { get; init; } = "catalog.json";

    /// <summary><c>--target</c>: the profile output to render for (default: the profile's <c>target</c>).</summary>
    public string? Target { get; init; }

    /// <summary><c>--vars</c>, parsed; they override <c>vars:</c> of .impactbot.yml and dbt_project.yml.</summary>
    public DbtMap? Vars { get; init; }

    /// <summary>profiles.yml from <c>--profiles-dir</c> or <c>DBT_PROFILES_DIR</c>; null to look in the repository.</summary>
    public string? ProfilesText { get; init; }

    public string ProfilesPath { get; init; } = "profiles.yml";

    /// <summary>Environment variables for <c>env_var()</c> in profiles.yml.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary>Settings already decided (from the head of an analysis); null to decide them from the files read.</summary>
    public ProjectSettings? Settings { get; init; }

    public Budgets Budgets { get; init; } = Budgets.Default;

    /// <summary>Installed dbt packages (<c>dbt deps</c> output) read from outside the commit; see <see cref="Dbt.DbtReadOptions.Packages"/>.</summary>
    public IFileSource? Packages { get; init; }
}
