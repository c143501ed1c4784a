using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Dbt.Config;
using ImpactBot.Dbt;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Timing;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Analysis;

/// <summary>Reads the project at one commit and builds its lineage graph: config, dbt files (or artifacts), assets, graph.</summary>
public static class ProjectGraph
{
    public const string ConfigPath = ".impactbot.yml";

    /// <summary>The dialect used when neither the command line, .impactbot.yml nor the project says.</summary>
    public static readonly DialectFacts DefaultDialect = DialectFacts.Snowflake;

    public static ImpactBotConfig ReadConfig(IFileSource files) => ReadCheckedConfig(files).Config;

    /// <summary>
    /// The config of the commit under analysis with its warnings (unknown keys); a file that cannot be read as text or
    /// has a bad value throws <see cref="ConfigurationException"/>: silently using defaults would drop its owners and policy.
    /// </summary>
    public static ConfigReadResult ReadCheckedConfig(IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = files.ReadText(ConfigPath);
        if (text is null && files.Paths.Contains(ConfigPath, StringComparer.Ordinal))
        {
            throw Unreadable(0, "is not text (binary content, or an encoding other than UTF-8 or UTF-16/UTF-32 with a byte order mark)");
        }

        if (text is not null && Utf8Text.FirstUndecodableLine(text) is > 0 and var line)
        {
            throw Unreadable(line, "is not valid UTF-8");
        }

        var result = ImpactBotConfigReader.Read(text, ConfigPath);
        return result.HasErrors ? throw new ConfigurationException(result.Diagnostics) : result;
    }

    /// <summary>The config of an older commit, where a bad file must not stop the analysis of the new one.</summary>
    public static ImpactBotConfig ReadConfigOrDefault(IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ImpactBotConfigReader.Read(files.ReadText(ConfigPath), ConfigPath).Config;
    }

    /// <summary>
    /// Throws <see cref="ConfigurationException"/> when the project folder chosen by --project-dir or .impactbot.yml holds
    /// no dbt_project.yml in these files (and no manifest stands in): reading on would report every model removed, or
    /// nothing at all, instead of the change.
    /// </summary>
    public static void CheckProjectDir(IFileSource files, ImpactBotConfig config, ProjectOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var (dir, from) = options.ProjectDir is { } given ? (given, "--project-dir") : (config.ProjectDir, $"'project-dir' in {ConfigPath}");
        if (dir is null)
        {
            return;
        }

        if (ProjectDirs.Escapes(dir))
        {
            throw new ConfigurationException($"{from} is '{dir}', which is not a folder inside the repository; give the folder holding dbt_project.yml relative to the repository root.");
        }

        var folder = dir.Trim().Trim('/');
        var projectFile = folder is "" or "." ? "dbt_project.yml" : $"{folder}/dbt_project.yml";
        if (options.ManifestText is not null || files.Paths.Contains(projectFile, StringComparer.Ordinal))
        {
            return;
        }

        var found = files.Paths.Where(p => p == "dbt_project.yml" || p.EndsWith("/dbt_project.yml", StringComparison.Ordinal)).Take(5).ToList();
        var hint = found.Count == 0 ? "the commit has no dbt_project.yml" : $"dbt_project.yml files found: {string.Join(", ", found)}";
        throw new ConfigurationException($"{from} is '{dir}', but there is no {projectFile} in the commit ({hint}); fix the folder or leave it out to find the project automatically.");
    }

    private static ConfigurationException Unreadable(int line, string problem) => new(
        [new FileDiagnostic("config-unreadable", $"{ConfigPath} {problem}; save it as UTF-8", ConfigPath, line, line > 0 ? 1 : 0, Sql.Text.DiagnosticSeverity.Error)]);

    public static (GraphBuildResult Build, DbtProject Project) Build(
        IFileSource files,
        string commit,
        ImpactBotConfig config,
        ProjectOptions options,
        LineageGraph? previous,
        PhaseTimings? timings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        timings ??= new PhaseTimings();
        var settings = options.Settings ?? timings.Measure("settings", () => ProjectSettingsResolver.Resolve(files, config, options));
        var project = timings.Measure("read project", () => DbtProjectReader.Read(files, ReadOptions(options, config, settings) with { Timings = timings.For("read project") }));
        var dialect = settings.Dialect;
        var assets = timings.Measure("assets", () => ProjectAssets.From(project, dialect));
        var build = timings.Measure("lineage graph", () => GraphBuilder.Build(assets, commit, dialect, previous, options.Budgets.Lineage, cancellationToken));
        if (ProjectColumns.Asked(project))
        {
            (build, project) = timings.Measure("columns of project nodes", () => ProjectColumns.Answer(project, build, commit, dialect, options.Budgets.Lineage, cancellationToken));
        }
        var graph = new LineageGraph(build.Graph.Commit, build.Graph.Assets, Sorted(build.Graph.Diagnostics.AddRange(project.Diagnostics).AddRange(settings.Diagnostics)))
        {
            Project = ReadFromFiles(project, options) ? Inputs(project, dialect) : null,
            Settings = settings.ToRecord(),
        };
        return (build with { Graph = graph }, project);
    }

    /// <summary>What the dbt reader is given: the options' project folder and artifacts, the settings' target and vars.</summary>
    internal static DbtReadOptions ReadOptions(ProjectOptions options, ImpactBotConfig config, ProjectSettings settings) => new()
    {
        ProjectDir = options.ProjectDir,
        ManifestText = options.ManifestText,
        ManifestPath = options.ManifestPath,
        CatalogText = options.CatalogText,
        CatalogPath = options.CatalogPath,
        Config = config,
        Target = settings.Target,
        Dialect = options.Dialect?.Dialect,
        Vars = settings.Vars,
        Packages = options.Packages,
    };

    /// <summary>A graph's own problems in one order (path, position, code), whichever way they were found.</summary>
    internal static ImmutableArray<FileDiagnostic> Sorted(IEnumerable<FileDiagnostic> diagnostics) =>
        [.. diagnostics
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ThenBy(d => d.Severity)];

    /// <summary>Only a project read from its files alone can later be rebuilt from them file by file.</summary>
    private static bool ReadFromFiles(DbtProject project, ProjectOptions options) =>
        project.Kind == DbtProjectKind.Dbt && !project.ManifestUsed && options.ManifestText is null && options.CatalogText is null;

    private static ProjectInputs Inputs(DbtProject project, DialectFacts dialect) => new()
    {
        RootDir = project.RootDir,
        Dialect = dialect.Name,
        Packages = project.PackagesFingerprint,
        GroupFiles = [.. project.Groups.Select(g => g.Path).Distinct(StringComparer.Ordinal)],
        DisabledNames = [.. project.Models.Where(m => !m.Enabled).Select(m => m.Name)
            .Concat(project.Seeds.Where(s => !s.Enabled).Select(s => s.Name))
            .Concat(project.Snapshots.Where(s => !s.Enabled).Select(s => s.Name))
            .Distinct(StringComparer.Ordinal)],
        RendersReadGraph = project.Models.Any(m => m.UsesGraph || m.ReadsProjectColumns || !m.ColumnsAsked.IsEmpty),
    };
}
