using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Dbt;
using ImpactBot.Dbt.Profiles;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;
using ImpactBot.Core.Owners;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// Decides <see cref="ProjectSettings"/> from one commit's files and the options. The dialect comes from, in order:
/// <c>.impactbot.yml</c>, <c>--dialect</c>, the dbt target's <c>type</c> in profiles.yml (<c>--profiles-dir</c> or
/// <c>DBT_PROFILES_DIR</c>, else the project folder, else the repository root), the manifest's <c>adapter_type</c>, a
/// <c>.sqlproj</c>, a <c>.sqlfluff</c>, the SQL's quoting, and last the default.
/// </summary>
public static class ProjectSettingsResolver
{
    public static ProjectSettings Resolve(IFileSource files, ImpactBotConfig config, ProjectOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<FileDiagnostic>();
        var ignore = config.Ignore.Select(p => new GlobPattern(p)).ToList();
        var paths = files.Paths.Where(p => !ignore.Any(g => g.IsMatch(p))).ToImmutableArray();
        var projectDir = Normalize(options.ProjectDir ?? config.ProjectDir) ?? ProjectLayout.FindProjectDir(paths, []) ?? "";
        var target = Target(files, projectDir, options, diagnostics);
        var (dialect, source) = Dialect(files, paths, projectDir, config, options, target, diagnostics);
        return new ProjectSettings
        {
            Dialect = dialect,
            DialectSource = source,
            Target = target,
            Vars = (DbtVars.Parse(config.Vars, ProjectGraph.ConfigPath, diagnostics) ?? DbtMap.Empty).Merge(options.Vars),
            Diagnostics = [.. diagnostics],
        };
    }

    private static DbtTarget? Target(IFileSource files, string projectDir, ProjectOptions options, List<FileDiagnostic> diagnostics)
    {
        var projectFile = Join(projectDir, "dbt_project.yml");
        var profileName = files.ReadText(projectFile) is { } projectText ? YamlLoader.LoadMapping(projectText, projectFile, [])?.Str("profile") : null;
        var (text, path) = options.ProfilesText is { } given
            ? (given, options.ProfilesPath)
            : files.ReadText(Join(projectDir, "profiles.yml")) is { } inProject
                ? (inProject, Join(projectDir, "profiles.yml"))
                : (files.ReadText("profiles.yml"), "profiles.yml");
        var target = text is null ? null : ProfilesReader.Read(text, path, profileName, options.Target, options.Environment, diagnostics);
        return target ?? (options.Target is { } name ? new DbtTarget(name, "") : null);
    }

    private static (DialectFacts Dialect, string Source) Dialect(
        IFileSource files, ImmutableArray<string> paths, string projectDir, ImpactBotConfig config, ProjectOptions options, DbtTarget? target, List<FileDiagnostic> diagnostics)
    {
        if (config.Dialect is { } configured)
        {
            return (DialectFacts.For(configured), ProjectGraph.ConfigPath);
        }

        if (options.Dialect is { } given)
        {
            return (given, "--dialect");
        }

        if (target is { Type.Length: > 0 })
        {
            var source = $"{target.Path}: profile {target.Profile}, target {target.Name}, type {target.Type}";
            if (Known(target.Type, target.Path, diagnostics) is { } fromProfile)
            {
                return (fromProfile, source);
            }

            diagnostics.Add(new FileDiagnostic(
                "dialect-unknown-adapter", $"the dbt adapter '{target.Type}' has no SQL dialect here; set 'dialect:' in .impactbot.yml (one of {DialectNames.Canonical})", target.Path, 1, 1));
        }

        var hints = new[]
        {
            options.ManifestText is { } manifest && DialectHints.ManifestAdapterType(manifest) is { } adapter ? (adapter, $"{options.ManifestPath}: adapter_type {adapter}") : ((string, string)?)null,
            DialectHints.SqlProject(paths, files),
            DialectHints.SqlFluff(files, projectDir),
        };
        foreach (var (name, source) in hints.OfType<(string, string)>())
        {
            if (Known(name, source.Split([':', ' '])[0], diagnostics) is { } hinted)
            {
                return (hinted, source);
            }
        }

        return DialectHints.FromSql(paths, files) is var (sniffed, sql) && DialectNames.Parse(sniffed) is { } guessed
            ? (DialectFacts.For(guessed), sql)
            : (ProjectGraph.DefaultDialect, "default");
    }

    /// <summary>The dialect a dbt adapter type or dialect name stands for; an approximate one (ClickHouse) says so.</summary>
    private static DialectFacts? Known(string name, string path, List<FileDiagnostic> diagnostics)
    {
        if (DialectNames.Find(name) is not { } found)
        {
            return null;
        }

        if (found.Note is { } note)
        {
            diagnostics.Add(new FileDiagnostic("dialect-approximate", note, path, 1, 1));
        }

        return DialectFacts.For(found.Dialect);
    }

    private static string? Normalize(string? dir) => dir?.Trim().Trim('/') is { } d && d != "." ? d : dir is null ? null : "";

    private static string Join(string dir, string name) => dir.Length == 0 ? name : $"{dir}/{name}";
}
