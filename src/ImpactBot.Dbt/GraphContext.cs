using System.Text.RegularExpressions;
using ImpactBot.Core.Files;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Dbt.Yaml;

namespace ImpactBot.Dbt;

/// <summary>
/// dbt's <c>graph</c> context variable, as far as the project's files tell before anything is rendered: <c>graph.nodes</c>
/// (models, seeds, snapshots by unique id) and <c>graph.sources</c>, each with <c>unique_id</c>, <c>name</c>,
/// <c>resource_type</c>, <c>package_name</c>, <c>path</c>, <c>original_file_path</c>, <c>fqn</c>, <c>description</c>,
/// <c>columns</c>, <c>meta</c>, <c>tags</c>, <c>config</c> (dbt_project.yml and YAML; not what the file's own
/// <c>config()</c> sets, which needs the render this feeds), and <c>database</c> and <c>schema</c> as dbt's default
/// <c>generate_schema_name</c> gives them (target schema, then <c>_custom</c>), so nodes of one alias in two schemas
/// stay apart. Dependencies (<c>depends_on</c>, <c>refs</c>) are left out.
/// </summary>
internal static partial class GraphContext
{
    public static Dictionary<string, object?> Build(
        ProjectLayout layout, DbtProjectFile project, PropertiesReader properties, IFileSource files, JinjaContext target)
    {
        var nodes = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(string type, FolderConfigTree folders, Dictionary<string, NodePatch> patches, string name, string path, string relative)
        {
            patches.TryGetValue(name, out var patch);
            var fqn = Fqn(project.Name, relative, name);
            var config = FolderConfigTree.Apply(folders.Resolve(fqn), patch?.Config ?? DbtMap.Empty);
            nodes.TryAdd($"{type}.{project.Name}.{name}", Node(type, project.Name, name, path, relative, fqn, patch, config, target));
        }

        var modelPatches = First(properties.Models);
        foreach (var (path, _, relative) in layout.Under(project.ModelPaths, ".sql", ".py"))
        {
            Add("model", project.Models, modelPatches, ProjectLayout.FileName(path), path, relative);
        }

        var seedPatches = First(properties.Seeds);
        foreach (var (path, _, relative) in layout.Under(project.SeedPaths, ".csv"))
        {
            Add("seed", project.Seeds, seedPatches, ProjectLayout.FileName(path), path, relative);
        }

        var snapshotPatches = First(properties.Snapshots);
        foreach (var (path, _, relative) in layout.Under(project.SnapshotPaths, ".sql"))
        {
            foreach (Match block in SnapshotBlock().Matches(files.ReadText(path) ?? ""))
            {
                Add("snapshot", project.Snapshots, snapshotPatches, block.Groups[1].Value, path, relative);
            }
        }

        var sources = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in properties.Sources)
        {
            sources.TryAdd(source.UniqueId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["unique_id"] = source.UniqueId,
                ["name"] = source.Name,
                ["source_name"] = source.SourceName,
                ["identifier"] = source.Identifier ?? source.Name,
                ["schema"] = source.Schema ?? source.SourceName,
                ["database"] = source.Database,
                ["resource_type"] = "source",
                ["package_name"] = project.Name,
                ["path"] = source.Path,
                ["original_file_path"] = source.Path,
                ["fqn"] = new List<object?> { project.Name, source.SourceName, source.Name },
                ["description"] = source.Description ?? "",
                ["loaded_at_field"] = source.LoadedAtField,
                ["columns"] = Columns(source.Columns),
                ["meta"] = JinjaValues.FromDbtValue(source.Meta),
                ["tags"] = source.Tags.Select(t => (object?)t).ToList(),
                ["config"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["enabled"] = true },
            });
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nodes"] = nodes,
            ["sources"] = sources,
            ["exposures"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["metrics"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["groups"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["semantic_models"] = new Dictionary<string, object?>(StringComparer.Ordinal),
        };
    }

    private static Dictionary<string, NodePatch> First(List<NodePatch> patches)
    {
        var first = new Dictionary<string, NodePatch>(StringComparer.Ordinal);
        foreach (var patch in patches)
        {
            first.TryAdd(patch.Name, patch);
        }

        return first;
    }

    private static List<string> Fqn(string project, string relative, string name)
    {
        var fqn = new List<string> { project };
        fqn.AddRange(relative.Split('/')[..^1]);
        fqn.Add(name);
        return fqn;
    }

    private static Dictionary<string, object?> Node(
        string type, string package, string name, string path, string relative, List<string> fqn, NodePatch? patch, DbtMap config, JinjaContext target)
    {
        var custom = config.Str("schema")?.Trim();
        var values = JinjaValues.FromDbtValue(config) as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        values.TryAdd("enabled", true);
        if (type == "model")
        {
            values.TryAdd("materialized", "view");
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["unique_id"] = $"{type}.{package}.{name}",
            ["name"] = name,
            ["alias"] = config.Str("alias") ?? name,
            ["database"] = config.Str("database") ?? target.TargetDatabase,
            ["schema"] = string.IsNullOrEmpty(custom) ? target.TargetSchema : $"{target.TargetSchema}_{custom}",
            ["resource_type"] = type,
            ["package_name"] = package,
            ["path"] = relative,
            ["original_file_path"] = path,
            ["patch_path"] = patch is null ? null : $"{package}://{patch.Path}",
            ["fqn"] = fqn.Select(p => (object?)p).ToList(),
            ["description"] = patch?.Description ?? "",
            ["columns"] = Columns(patch?.Columns ?? []),
            ["meta"] = JinjaValues.FromDbtValue(config.Meta().Merge(patch?.Meta)),
            ["tags"] = config.List("tags").Select(t => (object?)t).ToList(),
            ["config"] = values,
        };
    }

    private static Dictionary<string, object?> Columns(IEnumerable<DbtColumn> columns)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            result.TryAdd(column.Name, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = column.Name,
                ["description"] = column.Description ?? "",
                ["data_type"] = column.DataType,
                ["meta"] = JinjaValues.FromDbtValue(column.Meta),
                ["tags"] = column.Tags.Select(t => (object?)t).ToList(),
            });
        }

        return result;
    }

    [GeneratedRegex(@"\{%-?\s*snapshot\s+(\w+)\s*-?%\}")]
    private static partial Regex SnapshotBlock();
}
