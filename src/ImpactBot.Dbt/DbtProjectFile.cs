using System.Collections.Immutable;
using ImpactBot.Dbt.Jinja;
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

    /// <summary>
    /// The file with its <c>models:</c>/<c>seeds:</c>/<c>snapshots:</c> config values written with Jinja rendered in
    /// <paramref name="context"/> (vars, target), as dbt does before it reads them: <c>+enabled: "{{ var('marts', false) }}"</c>.
    /// A value that renders to <c>True</c>/<c>False</c>/<c>None</c> is that value; one that cannot be rendered stays as written.
    /// </summary>
    public DbtProjectFile Rendered(JinjaContext context, string path, List<FileDiagnostic> diagnostics)
    {
        DbtValue Render(string text, int line)
        {
            var result = JinjaRenderer.Render(text, path, context);
            diagnostics.AddRange(result.Diagnostics.Select(d => d with { Line = line + d.Line - 1 }));
            if (!result.IsComplete)
            {
                return new DbtScalar(text);
            }

            return result.Sql.Trim() switch
            {
                "True" => DbtScalar.Of(true),
                "False" => DbtScalar.Of(false),
                "None" => DbtScalar.Null,
                var value => new DbtScalar(value),
            };
        }

        return this with { Models = Models.Rendered(Render), Seeds = Seeds.Rendered(Render), Snapshots = Snapshots.Rendered(Render) };
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
