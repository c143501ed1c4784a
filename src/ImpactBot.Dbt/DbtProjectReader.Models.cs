using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

public static partial class DbtProjectReader
{
    /// <summary>
    /// Reads only the model files <paramref name="modelPaths"/> of a dbt project, with the YAML files
    /// <paramref name="yamlPaths"/> (those that describe the models and those that define groups), as a full read would
    /// see them. Of the YAML files only the models' entries and the groups are read, except <paramref name="wholeYamlPaths"/>
    /// (changed files: read whole, with their data tests and problems). Refs and sources are checked against
    /// <paramref name="nodeNames"/> and <paramref name="sourceAssetNames"/> (<see cref="DbtSource.AssetName"/>), which the caller knows from
    /// elsewhere: the rest of the project is not read.
    /// </summary>
    public static DbtModelRead ReadModels(
        IFileSource files,
        DbtReadOptions options,
        IReadOnlySet<string> modelPaths,
        IReadOnlyCollection<string> yamlPaths,
        IReadOnlySet<string> wholeYamlPaths,
        IReadOnlySet<string> nodeNames,
        IReadOnlySet<string> sourceAssetNames)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var (config, paths, owners, timings, diagnostics) = ReadSetup.Of(files, options);
        var layout = new ProjectLayout(ProjectDir(files, options, config, paths, null, diagnostics) ?? "", paths);
        var (projectFile, dialect, targetType) = ReadProjectFile(files, layout, config, options.Dialect, null, diagnostics);
        timings.Measure("read files", () => files.Prefetch(modelPaths.Concat(yamlPaths)));
        var (context, _, packagesFingerprint) = timings.Measure("macros", () => RenderContext(files, layout, projectFile, targetType, options, diagnostics));
        projectFile = projectFile.Rendered(context, layout.Repo("dbt_project.yml"), diagnostics);

        // The seeds by name only (their CSV unread): a changed model that reads one's columns or rows asks for them, and
        // the caller then reads the whole project, where seeds are known.
        context = context with
        {
            Seeds = new Jinja.SeedTables(files, layout.Under(projectFile.SeedPaths, ".csv")
                .DistinctBy(f => ProjectLayout.FileName(f.Path), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(f => DbtRef.RelationPrefix + ProjectLayout.FileName(f.Path), f => (f.Path, ImmutableArray<RelationColumn>.Empty), StringComparer.OrdinalIgnoreCase)),
        };

        // In the order a full read meets them, so the first description of a model wins as it would there.
        var wanted = yamlPaths.ToHashSet(StringComparer.Ordinal);
        var yamlFiles = YamlFiles(files, layout, projectFile, wanted.Contains);
        var names = modelPaths.Select(ProjectLayout.FileName).ToHashSet(StringComparer.Ordinal);
        var properties = timings.Measure("yaml", () => PropertiesReader.ReadAll(projectFile.Name, yamlFiles, diagnostics, names, wholeYamlPaths));
        var modelBuilder = new ModelBuilder(layout, projectFile, context, files, diagnostics);
        var models = timings.Measure("render models", () => modelBuilder.Build(properties.Models, modelPaths));
        var assigner = new OwnerAssignment(owners, properties.Groups, modelBuilder.Hints);
        var assigned = models.Select(assigner.Assign).ToImmutableArray();
        var missing = MissingReferences.Find(projectFile.Name, nodeNames, sourceAssetNames, assigned.Select(m => (m.Path, m.Refs, m.Sources)));

        var renderDiagnostics = new List<FileDiagnostic>();
        var renderer = new ModelBuilder(layout, projectFile, context, files, renderDiagnostics);
        var snapshots = new SnapshotAndSeedBuilder(layout, projectFile, context, files, renderDiagnostics);
        // The data tests of the whole files, in the order a full read lists them (columns of models first).
        var tests = assigned.SelectMany(m => m.Columns.SelectMany(c => c.Tests))
            .Concat(properties.Models.SelectMany(p => p.NodeTests))
            .Where(t => wholeYamlPaths.Contains(t.Path))
            .Distinct()
            .ToImmutableArray();
        return new DbtModelRead
        {
            Models = assigned,
            Tests = tests,
            YamlPathsRead = [.. yamlFiles.Select(f => f.Item1)],
            Diagnostics = [.. diagnostics.Where(d => modelPaths.Contains(d.Path) || wholeYamlPaths.Contains(d.Path)), .. missing],
            DialectHint = dialect,
            RootDir = layout.RootDir,
            PackagesFingerprint = packagesFingerprint,
            RenderModel = (path, name) => renderer.Render(new DbtModel { UniqueId = "", Name = name, Path = path }).Model,
            RenderSnapshot = snapshots.Render,
        };
    }
}
