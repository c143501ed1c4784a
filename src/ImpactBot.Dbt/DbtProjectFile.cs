using System.Collections.Immutable;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt;

/// <summary>What dbt_project.yml says: name, paths (relative to the project folder), vars, profile and folder configs.</summary>
internal sealed record DbtProjectFile(
    string Name,
    string? Profile,
    ImmutableArray<string> ModelPaths,
    ImmutableArray<string> SeedPaths,
    ImmutableArray<string> SnapshotPaths,
    ImmutableArray<string> MacroPaths,
    DbtMap Vars,
    FolderConfigTree Models,
    FolderConfigTree Seeds,
    FolderConfigTree Snapshots)
{
    /// <summary><c>dispatch:</c>: per macro namespace, the packages <c>adapter.dispatch</c> searches, in order.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Dispatch { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    public static DbtProjectFile Read(string text, string path, List<FileDiagnostic> diagnostics)
    {
        var root = YamlLoader.LoadMapping(text, path, diagnostics) ?? new YamlMappingNode();
        var name = root.Str("name");
        if (name is null)
        {
            diagnostics.Add(new FileDiagnostic("project-no-name", "dbt_project.yml has no 'name'; using 'project'", path, 1, 1));
        }

        return new DbtProjectFile(
            name ?? "project",
            root.Str("profile"),
            PathList(root, "model-paths", "source-paths", "models"),
            PathList(root, "seed-paths", "data-paths", "seeds"),
            PathList(root, "snapshot-paths", null, "snapshots"),
            PathList(root, "macro-paths", null, "macros"),
            ReadVars(root),
            FolderConfigTree.Parse(root.Map("models")),
            FolderConfigTree.Parse(root.Map("seeds")),
            FolderConfigTree.Parse(root.Map("snapshots")))
        {
            Dispatch = ReadDispatch(root),
        };
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> ReadDispatch(YamlMappingNode root)
    {
        var dispatch = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var entry in root.Maps("dispatch"))
        {
            if (entry.Str("macro_namespace") is { Length: > 0 } ns)
            {
                dispatch[ns] = entry.Strings("search_order");
            }
        }

        return dispatch.ToImmutable();
    }

    private static ImmutableArray<string> PathList(YamlMappingNode root, string key, string? legacyKey, string fallback)
    {
        var paths = root.Strings(key);
        if (paths.IsEmpty && legacyKey is not null)
        {
            paths = root.Strings(legacyKey);
        }

        return paths.IsEmpty ? [fallback] : [.. paths.Select(p => p.Trim().Trim('/')).Where(p => p.Length > 0)];
    }

    // Project-level vars, plus package-scoped vars ('vars: {my_project: {x: 1}}') flattened in for this project.
    private static DbtMap ReadVars(YamlMappingNode root)
    {
        var vars = root.MapValue("vars");
        var name = root.Str("name");
        return name is not null && vars[name] is DbtMap scoped ? vars.Merge(scoped) : vars;
    }
}
