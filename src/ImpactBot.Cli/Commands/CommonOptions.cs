using System.CommandLine;
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

    public static Option<string?> PackagesDir() => new("--packages-dir") { Description = "Installed dbt packages (`dbt deps` output) to read macros from (default: dbt_packages/ or dbt_modules/ beside dbt_project.yml in the working tree)." };

    public static Option<bool> Timings() => new("--timings") { Description = "Print the wall time and memory allocated of each phase to stderr (where a large project's time goes)." };

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(", ", allowed)}.", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static DialectFacts? ParseDialect(string? name) =>
        name is null ? null : DialectFacts.FromName(name) ?? throw new UsageException($"unknown dialect '{name}'. Use one of: {DialectNames.Canonical}.");
}
