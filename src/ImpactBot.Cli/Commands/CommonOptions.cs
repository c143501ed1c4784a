using System.CommandLine;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Files;
using ImpactBot.Dbt;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Cli.Commands;

/// <summary>Options shared by the commands that read a repository.</summary>
internal static class CommonOptions
{
    public static Option<string> Repo() => new("--repo") { Description = "The git repository (default: the current folder).", DefaultValueFactory = _ => "." };

    public static Option<string?> ProjectDir() => new("--project-dir") { Description = "The dbt project folder inside the repository (default: the folder holding dbt_project.yml)." };

    public static Option<string?> Dialect() => new("--dialect") { Description = $"SQL dialect: {DialectNames.Canonical} (default: .impactbot.yml wins; then this; then profiles.yml, the manifest, a .sqlproj or .sqlfluff, the SQL; else snowflake)." };

    public static Option<string?> Target() => new("--target") { Description = "The dbt target (profile output) to read for, as dbt's --target (default: the profile's target)." };

    public static Option<string?> Vars() => new("--vars") { Description = "Vars as dbt takes them, YAML or JSON: '{start_date: 2024-01-01}'. They override .impactbot.yml's vars and dbt_project.yml's." };

    public static Option<string?> ProfilesDir() => new("--profiles-dir") { Description = "Folder holding profiles.yml (default: DBT_PROFILES_DIR, else the project folder, else the repository root)." };

    public static Option<string?> Manifest() => new("--manifest") { Description = "dbt target/manifest.json: use its compiled SQL and node graph." };

    public static Option<string?> Catalog() => new("--catalog") { Description = "dbt target/catalog.json: column types of sources and models." };

    public static Option<bool> Timings() => new("--timings") { Description = "Print the wall time and memory allocated of each phase to stderr (where a large project's time goes)." };

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(", ", allowed)}.", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static DialectFacts? ParseDialect(string? name) =>
        name is null ? null : DialectFacts.FromName(name) ?? throw new UsageException($"unknown dialect '{name}'. Use one of: {DialectNames.Canonical}.");

    public static async Task<ProjectOptions> ProjectOptionsAsync(
        string? projectDir, string? dialect, string? manifest, string? catalog, CancellationToken cancellationToken, string? target = null, string? vars = null, string? profilesDir = null)
    {
        var (profilesText, profilesPath) = await ReadProfilesAsync(profilesDir, cancellationToken).ConfigureAwait(false);
        return new()
        {
            ProjectDir = projectDir,
            Dialect = ParseDialect(dialect),
            ManifestText = await ReadArtifactAsync(manifest, cancellationToken).ConfigureAwait(false),
            ManifestPath = manifest ?? "manifest.json",
            CatalogText = await ReadArtifactAsync(catalog, cancellationToken).ConfigureAwait(false),
            CatalogPath = catalog ?? "catalog.json",
            Target = target,
            Vars = ParseVars(vars),
            ProfilesText = profilesText,
            ProfilesPath = profilesPath,
            Environment = Environment.GetEnvironmentVariable,
        };
    }

    private static DbtMap? ParseVars(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var problems = new List<FileDiagnostic>();
        return DbtVars.Parse(text, "--vars", problems) ?? throw new UsageException(problems[0].Message);
    }

    /// <summary>profiles.yml of --profiles-dir (which must hold one), else of DBT_PROFILES_DIR when it does.</summary>
    private static async Task<(string? Text, string Path)> ReadProfilesAsync(string? profilesDir, CancellationToken cancellationToken)
    {
        var dir = profilesDir ?? Environment.GetEnvironmentVariable("DBT_PROFILES_DIR");
        if (string.IsNullOrEmpty(dir))
        {
            return (null, "profiles.yml");
        }

        var path = Path.Combine(dir, "profiles.yml");
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        }

        return profilesDir is null
            ? (null, "profiles.yml")
            : throw new UsageException($"--profiles-dir {profilesDir} holds no profiles.yml. Point it at the folder dbt reads profiles.yml from, or leave it out.");
    }

    private static async Task<string?> ReadArtifactAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        return File.Exists(path)
            ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)
            : throw new UsageException($"{path} does not exist. Run `dbt compile` (or `dbt docs generate` for catalog.json) first, or leave the option out.");
    }
}
