using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Dbt;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Timing;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// Builds the head graph from the base graph and the changed files alone, when the change allows it: the base was read
/// from a dbt project's files, and every changed file that can matter is an existing, unversioned model's code or a YAML
/// file that describes models and nothing else. Every other asset is rebuilt from what the base graph kept
/// (<see cref="AssetInputs"/>) and its SQL is read only if an upstream's columns changed. The result equals a full read
/// of the head; anything else falls back to one (null).
/// </summary>
internal static class DeltaHead
{
    public static GraphBuildResult? TryBuild(
        IFileSource baseFiles,
        IFileSource headFiles,
        string headCommit,
        LineageGraph baseGraph,
        ImpactBotConfig config,
        ProjectOptions options,
        IReadOnlyCollection<string> changedPaths,
        PhaseTimings timings,
        CancellationToken cancellationToken)
    {
        // A model rendered from dbt's graph may change with any other node's files: only a whole read sees that.
        if (baseGraph.Project is not { } project || project.RendersReadGraph || options.ManifestText is not null || options.CatalogText is not null || !HasOneNodePerDefinition(baseGraph))
        {
            return null;
        }

        // The head's settings decide how both commits are read; the caller pins them, or they are decided here.
        var settings = options.Settings ?? ProjectSettingsResolver.Resolve(headFiles, config, options);
        if (!settings.ToRecord().SameReading(baseGraph.Settings))
        {
            return null;
        }

        if (Touched(baseGraph, project, baseFiles, headFiles, changedPaths) is not var (touched, yamlChanged))
        {
            return null;
        }

        var modelPaths = touched.Keys.ToHashSet(StringComparer.Ordinal);
        var yamlPaths = touched.Values.Select(n => n.Inputs.PatchPath).OfType<string>().Concat(project.GroupFiles).Concat(yamlChanged).Distinct(StringComparer.Ordinal).ToList();
        var read = timings.Measure("read changed files", () => DbtProjectReader.ReadModels(
            headFiles,
            ProjectGraph.ReadOptions(options, config, settings) with { Timings = timings.For("read changed files") },
            modelPaths,
            yamlPaths,
            yamlChanged,
            NodeNames(baseGraph, project),
            baseGraph.Assets.Where(a => a.Type == AssetType.Source).Select(a => a.Id).ToHashSet(StringComparer.Ordinal)));
        var dialect = settings.Dialect;
        if (dialect.Name != project.Dialect || read.RootDir != project.RootDir || read.PackagesFingerprint != project.Packages || !yamlChanged.IsSubsetOf(read.YamlPathsRead)
            || read.Models.Any(m => m.UsesGraph || !m.ColumnsAsked.IsEmpty))
        {
            // The base was read with other settings (dialect, target, vars, --project-dir, packages), a changed YAML file is
            // none of the project's, or a changed model now reads dbt's graph or another node's columns: read it all.
            return null;
        }

        var relations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in baseGraph.Assets)
        {
            foreach (var relation in node.Inputs.Relations.Where(r => r.StartsWith(DbtRef.RelationPrefix, StringComparison.Ordinal) || r.StartsWith(DbtSourceRef.RelationPrefix, StringComparison.Ordinal)))
            {
                relations.TryAdd(relation, node.Id);
            }
        }

        var changed = new Dictionary<string, AssetDefinition>(StringComparer.OrdinalIgnoreCase);
        var idsOfModels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in read.Models)
        {
            // A model that was disabled, renamed or split into versions changes the project's shape: read it all.
            if (!touched.TryGetValue(model.Path, out var node) || !model.Enabled || ProjectAssets.ModelId(model) != node.Id || changed.ContainsKey(node.Id))
            {
                return null;
            }

            changed[node.Id] = ProjectAssets.Model(model, dialect, node.Inputs.Relations, ProjectAssets.Upstreams(model.Refs, model.Sources, r => relations.GetValueOrDefault(r)));
            idsOfModels[model.UniqueId] = node.Id;
        }

        if (changed.Count != touched.Count)
        {
            return null;
        }

        // Data tests and semantic models take the owners of their model, as the first asset of that id has them.
        var owners = FirstOwners(baseGraph, changed);
        if (!ChangedTests(baseGraph, read, yamlChanged, changed, idsOfModels, relations, owners))
        {
            return null;
        }

        var definitions = timings.Measure("definitions", () => Definitions(baseGraph, changed, owners, dialect, read, headFiles));
        var build = timings.Measure("lineage graph", () => GraphBuilder.Build(definitions, headCommit, dialect, baseGraph, options.Budgets.Lineage, cancellationToken));
        var kept = baseGraph.Diagnostics.Where(d => d.Code != GraphBuilder.CycleCode && !modelPaths.Contains(d.Path) && !yamlChanged.Contains(d.Path));
        var graph = new LineageGraph(headCommit, build.Graph.Assets, ProjectGraph.Sorted(build.Graph.Diagnostics.Concat(kept).Concat(read.Diagnostics)))
        {
            Project = project,
            Settings = settings.ToRecord(),
        };
        return build with { Graph = graph };
    }

    /// <summary>
    /// The changed model files with their base nodes (models described by a changed YAML file count as changed too), and
    /// the changed YAML files; null when some change could affect anything else.
    /// </summary>
    private static (Dictionary<string, AssetNode> Models, HashSet<string> Yaml)? Touched(
        LineageGraph baseGraph, ProjectInputs project, IFileSource baseFiles, IFileSource headFiles, IReadOnlyCollection<string> changedPaths)
    {
        var models = new Dictionary<string, AssetNode?>(StringComparer.Ordinal);
        var byName = new Dictionary<string, AssetNode?>(StringComparer.Ordinal);
        foreach (var node in baseGraph.Assets.Where(a => a.Type == AssetType.Model && a.Path is not null))
        {
            // Two models from one file or of one name (versions) are left to the full read.
            models[node.Path!] = models.ContainsKey(node.Path!) ? null : node;
            byName[node.Inputs.DbtName ?? node.Id] = byName.ContainsKey(node.Inputs.DbtName ?? node.Id) ? null : node;
        }

        var headPaths = headFiles.Paths.ToHashSet(StringComparer.Ordinal);
        var touched = new Dictionary<string, AssetNode>(StringComparer.Ordinal);
        var yaml = new HashSet<string>(StringComparer.Ordinal);
        bool Touch(AssetNode? node)
        {
            if (node is null || node.Inputs.DbtName != node.Id || node.Traits.LatestVersion is not null || !headPaths.Contains(node.Path!))
            {
                return false;
            }

            touched[node.Path!] = node;
            return true;
        }

        foreach (var path in changedPaths)
        {
            if (models.TryGetValue(path, out var node))
            {
                if (!Touch(node))
                {
                    return null;
                }
            }
            else if (IsYaml(path))
            {
                // Only a file of model entries, before and after; a name that is a disabled model may be enabled now.
                var before = baseFiles.ReadText(path) is { } b ? ModelEntryFilter.ModelsOnly(b) : null;
                var after = headFiles.ReadText(path) is { } a ? ModelEntryFilter.ModelsOnly(a) : null;
                if (before is null || after is null)
                {
                    return null;
                }

                foreach (var name in before.Concat(after).Distinct(StringComparer.Ordinal))
                {
                    if (project.DisabledNames.Contains(name) || byName.TryGetValue(name, out var described) && !Touch(described))
                    {
                        return null;
                    }
                }

                yaml.Add(path);
            }
            else if (MayShapeProject(path))
            {
                return null;
            }
        }

        return (touched, yaml);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The data tests of changed YAML files, rebuilt into <paramref name="changed"/> in their base order; false when the
    /// tests themselves differ (added, removed, renamed, reordered), which moves every later asset.
    /// </summary>
    private static bool ChangedTests(
        LineageGraph baseGraph,
        DbtModelRead read,
        HashSet<string> yamlChanged,
        Dictionary<string, AssetDefinition> changed,
        Dictionary<string, string> idsOfModels,
        Dictionary<string, string> relations,
        Dictionary<string, ImmutableArray<string>> owners)
    {
        if (yamlChanged.Count == 0)
        {
            return true;
        }

        var before = baseGraph.Assets.Where(a => a.Type == AssetType.Test && a.Path is not null && yamlChanged.Contains(a.Path)).OrderBy(a => a.Inputs.Ordinal).ToList();
        if (before.Count != read.Tests.Length || before.Where((node, i) => node.Id != read.Tests[i].Name).Any())
        {
            return false;
        }

        foreach (var test in read.Tests)
        {
            changed[test.Name] = ProjectAssets.Test(test, idsOfModels.GetValueOrDefault, relations.GetValueOrDefault, id => owners.GetValueOrDefault(id, []));
        }

        return true;
    }

    /// <summary>Owners by asset id as a full read has them: those of the first source, seed, model or snapshot of that id.</summary>
    private static Dictionary<string, ImmutableArray<string>> FirstOwners(LineageGraph baseGraph, Dictionary<string, AssetDefinition> changed)
    {
        var owners = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in baseGraph.Assets.Where(a => a.Type is AssetType.Source or AssetType.Seed or AssetType.Model or AssetType.Snapshot).OrderBy(a => a.Inputs.Ordinal))
        {
            owners.TryAdd(node.Id, changed.TryGetValue(node.Id, out var definition) && definition.Type == node.Type ? definition.Owners : node.Owners);
        }

        return owners;
    }

    /// <summary>Files a dbt project reads besides existing models' code: new models, macros, YAML, seeds, CODEOWNERS, config.</summary>
    private static bool MayShapeProject(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name == "CODEOWNERS"
            || Path.GetExtension(name).ToLowerInvariant() is ".sql" or ".py" or ".yml" or ".yaml" or ".csv";
    }

    /// <summary>One node per definition: distinct ids and reader positions (duplicate names are left to the full read).</summary>
    private static bool HasOneNodePerDefinition(LineageGraph graph)
    {
        var seen = new bool[graph.Assets.Length];
        foreach (var ordinal in graph.Assets.Select(a => a.Inputs.Ordinal))
        {
            if (ordinal < 0 || ordinal >= seen.Length || seen[ordinal])
            {
                return false;
            }

            seen[ordinal] = true;
        }

        return graph.Assets.Select(a => a.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() == graph.Assets.Length;
    }

    /// <summary>What refs may name: models (by dbt name, every version), seeds, snapshots, and disabled ones too.</summary>
    private static HashSet<string> NodeNames(LineageGraph graph, ProjectInputs project) =>
        graph.Assets
            .Where(a => a.Type is AssetType.Model or AssetType.Seed or AssetType.Snapshot)
            .Select(a => a.Type == AssetType.Model ? a.Inputs.DbtName ?? a.Id : a.Id)
            .Concat(project.DisabledNames)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every asset's definition in the reader's order: the changed models as read, the rest rebuilt from the base.</summary>
    private static AssetDefinition[] Definitions(
        LineageGraph baseGraph,
        Dictionary<string, AssetDefinition> changed,
        Dictionary<string, ImmutableArray<string>> owners,
        DialectFacts dialect,
        DbtModelRead read,
        IFileSource files)
    {
        var ownersChanged = baseGraph.Assets
            .Where(a => owners.TryGetValue(a.Id, out var now) && a.Type is AssetType.Source or AssetType.Seed or AssetType.Model or AssetType.Snapshot && !now.SequenceEqual(a.Owners))
            .Select(a => a.Id)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var loader = new StubLoader(read, files);
        var definitions = new AssetDefinition[baseGraph.Assets.Length];
        foreach (var node in baseGraph.Assets)
        {
            var definition = changed.GetValueOrDefault(node.Id) ?? Rebuilt(node, dialect, loader);
            if (node.Inputs.OwnersOf is { } owner && ownersChanged.Contains(owner))
            {
                definition = definition with { Owners = owners[owner], Unchanged = false };
            }

            definitions[node.Inputs.Ordinal] = definition;
        }

        return definitions;
    }

    /// <summary>The definition an unchanged asset had, from its node; SQL is deferred until a bind needs it.</summary>
    private static AssetDefinition Rebuilt(AssetNode node, DialectFacts dialect, IDeferredSqlLoader loader)
    {
        var inputs = node.Inputs;
        var hasSql = node.Type == AssetType.Snapshot || node.Type == AssetType.Model && node.Traits.Kind != AssetTraits.PythonKind;
        return new AssetDefinition(node.Id, node.Type)
        {
            Path = node.Path,
            Line = node.Line,
            Sql = inputs.StoredSql,
            KeepSql = inputs.StoredSql is not null,
            Deferred = hasSql && inputs.StoredSql is null ? new DeferredSql(node.BodyHash, inputs.SourceMapFingerprint, loader) : null,
            CodeHash = !hasSql && node.BodyHash.Length > 0 ? node.BodyHash : null,
            Dialect = node.Type is AssetType.Model or AssetType.Snapshot ? dialect : null,
            Relations = inputs.Relations,
            DeclaredColumns = hasSql ? inputs.DeclaredColumns : [.. node.Columns.Where(c => !c.Inferred).Select(c => new DeclaredColumn(c.Name, c.Type, c.Line))],
            DependsOn = hasSql ? inputs.Upstreams : node.DependsOn,
            References = hasSql ? [] : node.References,
            Owners = node.Owners,
            // Whether a model's star passes unlisted columns on is bound, not declared: binding says it again.
            Traits = hasSql && node.Traits.OpenColumnsFrom is not null ? node.Traits with { OpenColumns = false, OpenColumnsFrom = null } : node.Traits,
            DocsHash = node.DocsHash,
            Diagnostics = hasSql ? [] : node.Diagnostics,
            PartiallyRendered = inputs.PartiallyRendered,
            DbtName = inputs.DbtName,
            PatchPath = inputs.PatchPath,
            OwnersOf = inputs.OwnersOf,
            Unchanged = true,
        };
    }

    /// <summary>Renders unchanged models and snapshots again, from files read in batches.</summary>
    private sealed class StubLoader(DbtModelRead read, IFileSource files) : IDeferredSqlLoader
    {
        public void Prefetch(IReadOnlyList<AssetDefinition> assets) => files.Prefetch(assets.Select(a => a.Path).OfType<string>());

        public AssetDefinition Load(AssetDefinition stub)
        {
            if (stub.Type == AssetType.Snapshot)
            {
                var snapshot = read.RenderSnapshot(stub.Path!, stub.Id)
                    ?? throw new InvalidOperationException($"{stub.Path} no longer holds snapshot {stub.Id}, though the file did not change");
                return stub with { Sql = snapshot.RenderedSql, SourceMap = snapshot.SourceMap, Diagnostics = snapshot.Diagnostics, Deferred = null };
            }

            var model = read.RenderModel(stub.Path!, stub.DbtName ?? stub.Id);
            return stub with { Sql = model.RenderedSql, SourceMap = model.SourceMap, Diagnostics = model.Diagnostics, Deferred = null };
        }
    }
}
