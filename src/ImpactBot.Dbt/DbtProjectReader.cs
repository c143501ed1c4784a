using System.Collections.Frozen;
using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Dbt.Manifest;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;
using ImpactBot.Core.Owners;
using ImpactBot.Core.Timing;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt;

/// <summary>
/// Reads a dbt project (or a plain SQL repository) from files, without dbt: the single entry point of this folder.
/// Problems become diagnostics on the project or on the node; reading never throws on bad input.
/// </summary>
public static partial class DbtProjectReader
{
    public static DbtProject Read(IFileSource files, DbtReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= DbtReadOptions.Default;
        var (config, paths, owners, timings, diagnostics) = ReadSetup.Of(files, options);
        var manifest = options.ManifestText is { } manifestText ? timings.Measure("manifest", () => ManifestReader.Read(manifestText, options.ManifestPath, diagnostics)) : null;
        var projectDir = ProjectDir(files, options, config, paths, manifest, diagnostics);
        DbtProject project;
        if (projectDir is null && manifest is null)
        {
            var models = PlainSqlReader.Read(paths, files, diagnostics);
            project = new DbtProject
            {
                Kind = models.IsEmpty ? DbtProjectKind.Empty : DbtProjectKind.PlainSql,
                DialectHint = config.Dialect,
                Models = [.. models.Select(m => m with { Owners = owners.Start().AddCodeOwners(m.Path).Build() })],
            };
        }
        else
        {
            project = ReadDbt(files, options, config, new ProjectLayout(projectDir ?? "", paths), manifest, owners, timings, diagnostics);
        }

        var catalog = config.Catalog.Select(a => a with { Owners = CatalogOwners(a, owners) }).ToImmutableArray();
        return project with
        {
            CatalogAssets = catalog,
            Diagnostics = [.. diagnostics, .. project.Diagnostics],
            RelationIndex = RelationIndex(project),
        };
    }

    private static string? ProjectDir(
        IFileSource files, DbtReadOptions options, ImpactBotConfig config, ImmutableArray<string> paths, ManifestData? manifest, List<FileDiagnostic> diagnostics)
    {
        var projectDir = Normalize(options.ProjectDir ?? config.ProjectDir);
        if (projectDir is not null && files.ReadText(Join(projectDir, "dbt_project.yml")) is null && manifest is null)
        {
            diagnostics.Add(new FileDiagnostic("project-dir-missing", $"no dbt_project.yml in '{projectDir}'", Join(projectDir, "dbt_project.yml"), 0, 0, Sql.Text.DiagnosticSeverity.Error));
        }

        return projectDir ?? ProjectLayout.FindProjectDir(paths, diagnostics);
    }

    private static DbtProject ReadDbt(
        IFileSource files, DbtReadOptions options, ImpactBotConfig config, ProjectLayout layout, ManifestData? manifest, OwnerResolver owners, PhaseTimings timings, List<FileDiagnostic> diagnostics)
    {
        var (projectFile, dialect, targetType) = ReadProjectFile(files, layout, config, options.Dialect, manifest, diagnostics);
        timings.Measure("read files", () => files.Prefetch(
            layout.Under(projectFile.MacroPaths.Concat(projectFile.ModelPaths).Concat(projectFile.SnapshotPaths), ".sql", ".py", ".yml", ".yaml")
                .Concat(layout.Under(projectFile.SeedPaths, ".csv", ".yml", ".yaml"))
                .Select(f => f.Path)));
        var catalogColumns = options.CatalogText is { } catalogText ? CatalogJsonReader.Read(catalogText, options.CatalogPath, diagnostics) : null;
        var (context, macros, packagesFingerprint) = RenderContext(files, layout, projectFile, targetType, options, diagnostics);
        projectFile = projectFile.Rendered(context, layout.Repo("dbt_project.yml"), diagnostics);
        context = context with { RelationColumns = RelationColumns(catalogColumns) };

        var yamlFiles = YamlFiles(files, layout, projectFile, _ => true);
        var properties = timings.Measure("yaml", () => PropertiesReader.ReadAll(projectFile.Name, yamlFiles, diagnostics));
        var graphProject = projectFile;
        var graphContext = context;
        context = context with { Graph = new Lazy<Dictionary<string, object?>>(() => GraphContext.Build(layout, graphProject, properties, files, graphContext)) };

        // Seeds first: their columns are known from their CSV before any model renders, as after `dbt seed`.
        var seedBuilder = new SnapshotAndSeedBuilder(layout, projectFile, context, files, diagnostics);
        var seeds = seedBuilder.BuildSeeds(properties.Seeds);
        context = context with
        {
            RelationColumns = With(context.RelationColumns, SeedColumns(seeds)),
            Seeds = new SeedTables(files, seeds.Where(s => s.Enabled && !s.TableColumns.IsEmpty)
                .DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(s => DbtRef.RelationPrefix + s.Name, s => (s.Path, s.TableColumns), StringComparer.OrdinalIgnoreCase)),
        };
        var modelBuilder = new ModelBuilder(layout, projectFile, context, files, diagnostics);
        var models = timings.Measure("render models", () => modelBuilder.Build(properties.Models));
        var otherBuilder = new SnapshotAndSeedBuilder(layout, projectFile, context, files, diagnostics);
        var snapshots = otherBuilder.BuildSnapshots(properties.Snapshots);
        var sources = properties.Sources;
        var groups = properties.Groups;
        var exposures = properties.Exposures;
        if (manifest is not null)
        {
            var overlay = new ManifestOverlay(manifest, layout, projectFile.Name, context, diagnostics);
            models = timings.Measure("manifest overlay", () => overlay.Models(models));
            sources = overlay.Sources(sources);
            seeds = overlay.Seeds(seeds);
            snapshots = overlay.Snapshots(snapshots);
            var groupNames = groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
            var exposureIds = exposures.Select(e => e.UniqueId).ToHashSet(StringComparer.Ordinal);
            groups = [.. groups, .. manifest.Groups.Where(g => !groupNames.Contains(g.Name))];
            exposures = [.. exposures, .. manifest.Exposures.Where(e => !exposureIds.Contains(e.UniqueId))];
        }

        if (catalogColumns is { } catalog)
        {
            models = [.. models.Select(m => m with { Columns = ManifestOverlay.MergeColumns(m.Columns, catalog.GetValueOrDefault(m.UniqueId)), ColumnsFromCatalog = catalog.ContainsKey(m.UniqueId) })];
            sources = [.. sources.Select(s => s with { Columns = ManifestOverlay.MergeColumns(s.Columns, catalog.GetValueOrDefault(s.UniqueId)), ColumnsFromCatalog = catalog.ContainsKey(s.UniqueId) })];
            seeds = [.. seeds.Select(s => s with { Columns = ManifestOverlay.MergeColumns(s.Columns, catalog.GetValueOrDefault(s.UniqueId)) })];
            snapshots = [.. snapshots.Select(s => s with { Columns = ManifestOverlay.MergeColumns(s.Columns, catalog.GetValueOrDefault(s.UniqueId)) })];
        }

        var hints = modelBuilder.Hints.Concat(seedBuilder.Hints).Concat(otherBuilder.Hints).ToDictionary(StringComparer.Ordinal);
        var assigner = new OwnerAssignment(owners, groups, hints);
        var project = new DbtProject
        {
            Kind = DbtProjectKind.Dbt,
            Name = projectFile.Name,
            RootDir = layout.RootDir,
            DialectHint = dialect,
            Models = [.. models.Select(assigner.Assign)],
            Sources = [.. sources.Select(assigner.Assign)],
            Seeds = [.. seeds.Select(assigner.Assign)],
            Snapshots = [.. snapshots.Select(assigner.Assign)],
            Exposures = [.. exposures.Select(assigner.Assign)],
            Groups = [.. groups],
            SemanticModels = [.. properties.SemanticModels],
            Metrics = [.. properties.Metrics],
            Macros = macros.Definitions,
            PackagesFingerprint = packagesFingerprint,
            Vars = projectFile.Vars,
            ManifestUsed = manifest is not null,
        };
        var tests = project.Models.SelectMany(m => m.Columns.SelectMany(c => c.Tests))
            .Concat(properties.Models.SelectMany(p => p.NodeTests))
            .Concat(properties.Seeds.Concat(properties.Snapshots).SelectMany(p => p.Tests))
            .Concat(properties.SourceTests)
            .Distinct()
            .ToImmutableArray();
        return project with
        {
            Tests = tests,
            Diagnostics = MissingReferences.Find(project),
            // Only models rendered from their files ask; with a manifest, those are the ones changed since it was built.
            RenderWithColumns = (known, again) => RenderAgain(new ModelBuilder(layout, projectFile, context with { RelationColumns = With(context.RelationColumns, known) }, files, []), again),
        };
    }

    /// <summary>The models rendered anew; what YAML, folders and owners gave them stays.</summary>
    private static ImmutableArray<DbtModel> RenderAgain(ModelBuilder renderer, IReadOnlyList<DbtModel> models) =>
        [.. Core.Threading.ParallelMap.Map(models, m => renderer.Render(m).Model is var again
            ? again with { IsIncremental = again.IsIncremental || m.IsIncremental, ReadsProjectColumns = true }
            : m)];

    /// <summary>The enabled seeds' table columns by the relation name <c>ref()</c> renders for them.</summary>
    private static Dictionary<string, ImmutableArray<RelationColumn>> SeedColumns(List<DbtSeed> seeds)
    {
        var columns = new Dictionary<string, ImmutableArray<RelationColumn>>(StringComparer.OrdinalIgnoreCase);
        foreach (var seed in seeds.Where(s => s.Enabled && !s.TableColumns.IsEmpty))
        {
            columns.TryAdd(DbtRef.RelationPrefix + seed.Name, seed.TableColumns);
        }

        return columns;
    }

    /// <summary>Columns known before (catalog.json) win over those of the bound project.</summary>
    private static FrozenDictionary<string, ImmutableArray<RelationColumn>> With(
        FrozenDictionary<string, ImmutableArray<RelationColumn>> known, IReadOnlyDictionary<string, ImmutableArray<RelationColumn>> more)
    {
        var all = new Dictionary<string, ImmutableArray<RelationColumn>>(known, StringComparer.OrdinalIgnoreCase);
        foreach (var (relation, columns) in more)
        {
            all.TryAdd(relation, columns);
        }

        return all.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static (DbtProjectFile File, SqlDialect? Dialect, string TargetType) ReadProjectFile(
        IFileSource files, ProjectLayout layout, ImpactBotConfig config, SqlDialect? given, ManifestData? manifest, List<FileDiagnostic> diagnostics)
    {
        var projectText = files.ReadText(layout.Repo("dbt_project.yml"));
        var projectFile = projectText is null
            ? DbtProjectFile.Read($"name: {manifest?.ProjectName ?? "project"}", layout.Repo("dbt_project.yml"), diagnostics)
            : DbtProjectFile.Read(projectText, layout.Repo("dbt_project.yml"), diagnostics);
        var (dialect, targetType) = Dialect(files, layout, projectFile, config, given, manifest);
        return (projectFile, dialect, targetType);
    }

    /// <summary>What rendering any model needs: the project's and installed packages' macros, vars overridden by those given (as dbt's <c>--vars</c>), and the target (from profiles.yml when read, else the dialect hint).</summary>
    private static (JinjaContext Context, JinjaMacroLibrary Macros, string PackagesFingerprint) RenderContext(
        IFileSource files, ProjectLayout layout, DbtProjectFile projectFile, string targetType, DbtReadOptions options, List<FileDiagnostic> diagnostics)
    {
        var macroFiles = layout.Under(projectFile.MacroPaths, ".sql")
            .Select(f => (f.Path, Text: files.ReadText(f.Path)))
            .Where(f => f.Text is not null && !f.Text.Contains('\0', StringComparison.Ordinal))
            .Select(f => new KeyValuePair<string, string>(f.Path, f.Text!));
        var packages = InstalledPackages.Read(files, layout, options.Packages, diagnostics);
        var fingerprint = InstalledPackages.Fingerprint(files, layout, packages);
        var macros = JinjaMacroLibrary.Parse(projectFile.Name, macroFiles, packages, projectFile.Dispatch);
        diagnostics.AddRange(macros.Diagnostics);
        var context = new JinjaContext { ProjectName = projectFile.Name, Vars = projectFile.Vars.Merge(options.Vars), Macros = macros, TargetType = targetType };
        if (options.Target is { } target)
        {
            context = context with
            {
                TargetName = target.Name,
                TargetType = target.Type.Length > 0 ? target.Type : targetType,
                TargetSchema = target.Schema ?? context.TargetSchema,
                TargetDatabase = target.Database ?? context.TargetDatabase,
            };
        }

        return (context, macros, fingerprint);
    }

    /// <summary>Columns catalog.json gives, by the relation name models render (<c>__ref__.orders</c>, <c>__source__.s.t</c>).</summary>
    private static FrozenDictionary<string, ImmutableArray<RelationColumn>> RelationColumns(ImmutableDictionary<string, ImmutableArray<DbtColumn>>? catalog)
    {
        var columns = new Dictionary<string, ImmutableArray<RelationColumn>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (uniqueId, known) in catalog ?? ImmutableDictionary<string, ImmutableArray<DbtColumn>>.Empty)
        {
            var parts = uniqueId.Split('.');
            var relation = parts switch
            {
                ["source", _, var source, var table] => DbtSourceRef.RelationPrefix + source + "." + table,
                ["model" or "seed" or "snapshot", _, var name] => DbtRef.RelationPrefix + name,
                ["model", _, var name, var version] when version.StartsWith('v') => $"{DbtRef.RelationPrefix}{name}_{version}",
                _ => null,
            };
            if (relation is not null)
            {
                columns.TryAdd(relation, [.. known.Select(c => new RelationColumn(c.Name, c.DataType))]);
            }
        }

        return columns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The project's dialect hint, and <c>target.type</c> to render for: the dialect chosen (<c>.impactbot.yml</c>, then
    /// <c>--dialect</c>) so that the SQL rendered is the SQL parsed, else the profile's adapter, else the manifest's.
    /// </summary>
    private static (SqlDialect? Dialect, string TargetType) Dialect(
        IFileSource files, ProjectLayout layout, DbtProjectFile project, ImpactBotConfig config, SqlDialect? given, ManifestData? manifest)
    {
        var profileType = ProfileType(files, layout, project);
        var name = (config.Dialect ?? given)?.ToString().ToLowerInvariant() ?? profileType ?? manifest?.AdapterType;
        return (config.Dialect ?? DialectNames.Parse(profileType) ?? DialectNames.Parse(manifest?.AdapterType), name ?? "");
    }

    /// <summary>The adapter type of the project's profile target, read as <see cref="Profiles.ProfilesReader"/> reads it.</summary>
    private static string? ProfileType(IFileSource files, ProjectLayout layout, DbtProjectFile project)
    {
        var path = files.ReadText(layout.Repo("profiles.yml")) is not null ? layout.Repo("profiles.yml") : "profiles.yml";
        return files.ReadText(path) is { } text ? Profiles.ProfilesReader.Read(text, path, project.Profile, null, _ => null, [])?.Type : null;
    }

    private static ImmutableArray<AssetOwner> CatalogOwners(CatalogAsset asset, OwnerResolver owners)
    {
        var builder = owners.Start();
        foreach (var owner in asset.OwnerNames)
        {
            builder.Add(owner, OwnerSource.Catalog, $"{asset.Path}:{asset.Line}");
        }

        return builder.Build();
    }

    /// <summary>The table name the binder gives dbt's inlined ephemeral CTE <c>__dbt__cte__x</c>.</summary>
    private const string EphemeralCtePrefix = "model.";

    private static FrozenDictionary<string, string> RelationIndex(DbtProject project)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (project.Kind == DbtProjectKind.PlainSql)
        {
            foreach (var model in project.Models)
            {
                index.TryAdd(model.Name, model.UniqueId);
            }

            return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }

        foreach (var model in project.Models.OrderBy(m => m.IsLatestVersion ? 0 : 1))
        {
            if (model.Version is not null)
            {
                index.TryAdd($"{DbtRef.RelationPrefix}{model.Name}_v{model.Version}", model.UniqueId);
            }

            if (model.IsLatestVersion)
            {
                index.TryAdd(DbtRef.RelationPrefix + model.Name, model.UniqueId);
            }

            // dbt's compiled code inlines an ephemeral model as the CTE __dbt__cte__<identifier>, which the binder reads as
            // the table model.<identifier>: that is the ephemeral model, so lineage goes through it.
            if (model.Materialization == "ephemeral")
            {
                index.TryAdd(EphemeralCtePrefix + (model.Alias ?? model.Name), model.UniqueId);
            }
        }

        foreach (var (name, id) in project.Seeds.Select(s => (s.Name, s.UniqueId)).Concat(project.Snapshots.Select(s => (s.Name, s.UniqueId))))
        {
            index.TryAdd(DbtRef.RelationPrefix + name, id);
        }

        foreach (var source in project.Sources)
        {
            index.TryAdd($"{DbtSourceRef.RelationPrefix}{source.SourceName}.{source.Name}", source.UniqueId);
        }

        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static string? Normalize(string? dir) => dir?.Trim().Trim('/') is { } d && d != "." ? d : dir is null ? null : "";

    private static string Join(string dir, string name) => dir.Length == 0 ? name : $"{dir}/{name}";
}
