using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Dbt;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Timing;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Core.Analysis;

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
        var dialect = options.Dialect
            ?? (config.Dialect is { } d ? DialectFacts.For(d) : null)
            ?? (project.DialectHint is { } h ? DialectFacts.For(h) : null)
            ?? DefaultDialect;
        var assets = timings.Measure("assets", () => ProjectAssets.From(project, dialect));
        var build = timings.Measure("lineage graph", () => GraphBuilder.Build(assets, commit, dialect, previous, cancellationToken));
        var graph = build.Graph;
        if (!project.Diagnostics.IsEmpty)
        {
            graph = new LineageGraph(graph.Commit, graph.Assets, graph.Diagnostics.AddRange(project.Diagnostics));
        }

        return (build with { Graph = graph }, project);
    }
}
