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

    public static ImpactBotConfig ReadConfig(IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var result = ImpactBotConfigReader.Read(files.ReadText(ConfigPath), ConfigPath);
        return result.HasErrors ? throw new ConfigurationException(result.Diagnostics) : result.Config;
    }

    /// <summary>The config of an older commit, where a bad file must not stop the analysis of the new one.</summary>
    public static ImpactBotConfig ReadConfigOrDefault(IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ImpactBotConfigReader.Read(files.ReadText(ConfigPath), ConfigPath).Config;
    }

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
        var project = timings.Measure("read project", () => DbtProjectReader.Read(files, new DbtReadOptions
        {
            ProjectDir = options.ProjectDir,
            ManifestText = options.ManifestText,
            ManifestPath = options.ManifestPath,
            CatalogText = options.CatalogText,
            CatalogPath = options.CatalogPath,
            Config = config,
            Timings = timings.For("read project"),
        }));
        var dialect = DialectOf(options, config, project.DialectHint);
        var assets = timings.Measure("assets", () => ProjectAssets.From(project, dialect));
        var build = timings.Measure("lineage graph", () => GraphBuilder.Build(assets, commit, dialect, previous, cancellationToken));
        var graph = new LineageGraph(build.Graph.Commit, build.Graph.Assets, Sorted(build.Graph.Diagnostics.AddRange(project.Diagnostics)))
        {
            Project = ReadFromFiles(project, options) ? Inputs(project, dialect) : null,
        };
        return (build with { Graph = graph }, project);
    }

    /// <summary>The command line's dialect, else .impactbot.yml's, else the project's hint, else the default.</summary>
    internal static DialectFacts DialectOf(ProjectOptions options, ImpactBotConfig config, SqlDialect? projectHint) =>
        options.Dialect
        ?? (config.Dialect is { } d ? DialectFacts.For(d) : null)
        ?? (projectHint is { } h ? DialectFacts.For(h) : null)
        ?? DefaultDialect;

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
        GroupFiles = [.. project.Groups.Select(g => g.Path).Distinct(StringComparer.Ordinal)],
        DisabledNames = [.. project.Models.Where(m => !m.Enabled).Select(m => m.Name)
            .Concat(project.Seeds.Where(s => !s.Enabled).Select(s => s.Name))
            .Concat(project.Snapshots.Where(s => !s.Enabled).Select(s => s.Name))
            .Distinct(StringComparer.Ordinal)],
    };
}
