using System.CommandLine;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Cli.Commands;

/// <summary>Options shared by the commands that read a repository.</summary>
internal static class CommonOptions
{
    public static Option<string> Repo() => new("--repo") { Description = "The git repository (default: the current folder).", DefaultValueFactory = _ => "." };

    public static Option<string?> ProjectDir() => new("--project-dir") { Description = "The dbt project folder inside the repository (default: the folder holding dbt_project.yml)." };

    public static Option<string?> Dialect() => new("--dialect") { Description = $"SQL dialect: {DialectNames.Canonical} (default: .impactbot.yml, then the project, then snowflake)." };

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
}
