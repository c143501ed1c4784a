using System.Collections.Immutable;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>Builds models from the .sql (and Python .py) files of the model paths: folder configs, YAML patches, versions, rendering.</summary>
internal sealed class ModelBuilder(ProjectLayout layout, DbtProjectFile project, JinjaContext context, IFileSource files, List<FileDiagnostic> diagnostics)
{
    public Dictionary<string, OwnerHints> Hints { get; } = new(StringComparer.Ordinal);

    /// <summary>Every model of the model paths, or only those in <paramref name="only"/> (a delta read of changed files).</summary>
    public List<DbtModel> Build(List<NodePatch> patches, IReadOnlySet<string>? only = null)
    {
        var allFiles = layout.Under(project.ModelPaths, ".sql", ".py").ToList();
        var fileNames = allFiles.Select(f => ProjectLayout.FileName(f.Path)).ToHashSet(StringComparer.Ordinal);
        var modelFiles = only is null ? allFiles : allFiles.Where(f => only.Contains(f.Path)).ToList();
        var byFile = new Dictionary<string, (NodePatch Patch, VersionPatch? Version)>(StringComparer.Ordinal);
        foreach (var patch in patches)
        {
            if (patch.Versions.IsEmpty)
            {
                byFile.TryAdd(patch.Name, (patch, null));
                continue;
            }

            var latest = LatestVersion(patch);
            foreach (var version in patch.Versions)
            {
                var file = version.DefinedIn ?? $"{patch.Name}_v{version.Version}";
                if (!fileNames.Contains(file) && version.Version == latest)
                {
                    file = patch.Name;
                }

                byFile.TryAdd(file, (patch, version));
            }
        }

        // Rendering is independent per file and the bulk of reading a large project: done in parallel, kept in file order.
        var built = Core.Threading.ParallelMap.Map(modelFiles, file =>
        {
            var fileName = ProjectLayout.FileName(file.Path);
            byFile.TryGetValue(fileName, out var match);
            return Build(file.Path, file.Relative, fileName, match.Patch, match.Version);
        });
        var models = new List<DbtModel>(built.Length);
        foreach (var (model, hints) in built)
        {
            models.Add(model);
            Hints[model.UniqueId] = hints;
        }

        foreach (var patch in patches.Where(p => p.Versions.IsEmpty && !fileNames.Contains(p.Name)))
        {
            diagnostics.Add(new FileDiagnostic("yaml-unknown-model", $"model '{patch.Name}' is described here but has no .sql file", patch.Path, patch.Line, 1));
        }

        return models;
    }

    private static string? LatestVersion(NodePatch patch) =>
        patch.LatestVersion ?? patch.Versions.Select(v => v.Version).OrderBy(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0).LastOrDefault();

    private (DbtModel Model, OwnerHints Hints) Build(string path, string relative, string fileName, NodePatch? patch, VersionPatch? version)
    {
        var name = patch?.Name ?? fileName;
        var uniqueId = version is null ? $"model.{project.Name}.{name}" : $"model.{project.Name}.{name}.v{version.Version}";
        var folders = relative.Split('/')[..^1];
        var fqn = new List<string> { project.Name };
        fqn.AddRange(folders);
        fqn.Add(name);
        var config = project.Models.Resolve(fqn);
        if (patch is not null)
        {
            config = FolderConfigTree.Apply(config, patch.Config);
        }

        if (version is not null)
        {
            config = FolderConfigTree.Apply(config, version.Config);
        }

        var ymlOrigin = patch is null ? path : $"{patch.Path}:{patch.Line}";
        var topMeta = (patch?.Meta ?? DbtMap.Empty).Merge(version?.Meta);
        var (model, fileConfig) = Render(new DbtModel
        {
            UniqueId = uniqueId,
            Name = name,
            Version = version?.Version,
            IsLatestVersion = version is null || version.Version == LatestVersion(patch!),
            Path = path,
            Description = patch?.Description,
            PatchPath = patch?.Path,
            Columns = Columns(patch, version),
            DeprecationDate = version?.DeprecationDate ?? patch?.DeprecationDate,
        });
        config = FolderConfigTree.Apply(config, fileConfig);
        var configMeta = config.Meta();
        var hints = new OwnerHints(topMeta, ymlOrigin, configMeta, patch is null ? path : ymlOrigin);
        return (model with
        {
            Config = config,
            Materialization = config.Str("materialized") ?? "view",
            Alias = config.Str("alias"),
            Schema = config.Str("schema"),
            Database = config.Str("database"),
            Enabled = config.Flag("enabled", true),
            UniqueKey = config.List("unique_key"),
            IncrementalStrategy = config.Str("incremental_strategy"),
            IsIncremental = model.IsIncremental || config.Str("materialized") == "incremental",
            Access = config.Str("access"),
            Group = config.Str("group"),
            Contracted = config.ContractEnforced(),
            Tags = config.List("tags"),
            Meta = configMeta.Merge(topMeta),
        }, hints);
    }

    /// <summary>
    /// The model's file read and rendered into <paramref name="model"/>, with the config its code sets. YAML plays no
    /// part, so an unchanged model can be rendered again on its own (<see cref="DbtModelRead.RenderModel"/>).
    /// </summary>
    public (DbtModel Model, DbtMap Config) Render(DbtModel model)
    {
        var path = model.Path;
        var text = files.ReadText(path);
        if (text is null || text.Contains('\0', StringComparison.Ordinal))
        {
            return (model with
            {
                RenderStatus = RenderStatus.Failed,
                Diagnostics = [new FileDiagnostic("unreadable-file", "the model file is not text (binary or unreadable); it has no SQL", path, 0, 0)],
            }, DbtMap.Empty);
        }

        if (PythonModelReader.IsPythonFile(path))
        {
            var python = PythonModelReader.Read(text, path, context with { ThisName = model.Name });
            return (python.ApplyTo(model, text), python.Config);
        }

        var render = JinjaRenderer.Render(text, path, context with { ThisName = model.Name });
        return (model with
        {
            RawSql = text,
            RenderedSql = render.Sql,
            SourceMap = render.SourceMap,
            ContentHash = PlainSqlReader.Hash(text),
            Refs = render.Refs,
            Sources = render.Sources,
            StarMacros = render.StarMacros,
            IsIncremental = render.HasIncrementalPredicate,
            IncrementalPredicates = render.IncrementalPredicates,
            RenderStatus = render.IsComplete ? RenderStatus.Complete : RenderStatus.Partial,
            UsesGraph = render.UsesGraph,
            ColumnsAsked = render.ColumnsAsked,
            Diagnostics = render.Diagnostics,
        }, render.Config);
    }

    private static ImmutableArray<DbtColumn> Columns(NodePatch? patch, VersionPatch? version)
    {
        if (patch is null)
        {
            return [];
        }

        if (version is null)
        {
            return patch.Columns;
        }

        var inherited = patch.Columns
            .Where(c => version.Include is not { } include || include.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
            .Where(c => !version.Exclude.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
            .Where(c => !version.Columns.Any(v => v.Name.Equals(c.Name, StringComparison.OrdinalIgnoreCase)));
        return [.. inherited, .. version.Columns];
    }
}
