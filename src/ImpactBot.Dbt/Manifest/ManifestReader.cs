using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Manifest;

/// <summary>Reads manifest.json (schema v7+ with <c>raw_code</c>/<c>compiled_code</c>, older <c>raw_sql</c>/<c>compiled_sql</c>).</summary>
internal static class ManifestReader
{
    /// <summary>
    /// What a manifest text was read as, while that text lives: an analysis reads base and head with the same manifest
    /// (one string), and parsing a 20 MB manifest twice cost a second.
    /// </summary>
    private static readonly ConditionalWeakTable<string, Parsed> Cache = new();

    public static ManifestData? Read(string text, string path, List<FileDiagnostic> diagnostics)
    {
        if (!Cache.TryGetValue(text, out var parsed) || parsed.Path != path)
        {
            var found = new List<FileDiagnostic>();
            parsed = new Parsed(path, Parse(text, path, found), [.. found]);
            Cache.AddOrUpdate(text, parsed);
        }

        diagnostics.AddRange(parsed.Diagnostics);
        return parsed.Data;
    }

    private static ManifestData? Parse(string text, string path, List<FileDiagnostic> diagnostics)
    {
        using var document = JsonFiles.Parse(text, path, "manifest-invalid", diagnostics);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.Obj("nodes") is null)
        {
            diagnostics.Add(new FileDiagnostic("manifest-invalid", $"{path} has no 'nodes' object; reading the project files instead", path, 1, 1, Sql.Text.DiagnosticSeverity.Error));
            return null;
        }

        var shape = new ManifestShape(text, path, diagnostics);
        foreach (var section in new[] { "sources", "exposures", "groups", "metadata" })
        {
            shape.Section(root, section);
        }

        var nodes = ImmutableArray.CreateBuilder<ManifestNode>();
        foreach (var property in root.Obj("nodes")!.Value.EnumerateObject().Concat(root.Obj("sources")?.EnumerateObject() ?? []))
        {
            shape.Node(property.Name, property.Value);
            if (ReadNode(property.Name, property.Value) is { } node)
            {
                nodes.Add(node);
            }
        }

        shape.Finish();

        var metadata = root.Obj("metadata");
        var project = metadata?.Str("project_name");
        return new ManifestData(metadata?.Str("adapter_type"), project, nodes.ToImmutable(), ReadGroups(root, path), ReadExposures(root, path));
    }

    private sealed record Parsed(string Path, ManifestData? Data, ImmutableArray<FileDiagnostic> Diagnostics);

    private static ManifestNode? ReadNode(string uniqueId, JsonElement node)
    {
        if (node.Str("resource_type") is not { } type || node.Str("name") is not { } name)
        {
            return null;
        }

        var config = node.MapValue("config");
        var columns = ImmutableArray.CreateBuilder<DbtColumn>();
        if (node.Obj("columns") is { } cols)
        {
            foreach (var c in cols.EnumerateObject())
            {
                columns.Add(new DbtColumn
                {
                    Name = c.Value.Str("name") ?? c.Name,
                    DataType = c.Value.Str("data_type"),
                    Description = c.Value.Str("description") is { Length: > 0 } d ? d : null,
                    Meta = c.Value.MapValue("meta"),
                });
            }
        }

        var dependsOn = node.Obj("depends_on") is { } deps && deps.TryGetProperty("nodes", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToImmutableArray()
            : [];
        return new ManifestNode
        {
            UniqueId = uniqueId,
            ResourceType = type,
            Name = name,
            PackageName = node.Str("package_name") ?? "",
            Version = node.Text("version"),
            LatestVersion = node.Text("latest_version"),
            OriginalFilePath = node.Str("original_file_path") ?? "",
            RawCode = node.Str("raw_code") ?? node.Str("raw_sql"),
            CompiledCode = node.Str("compiled_code") ?? node.Str("compiled_sql"),
            Language = node.Str("language") ?? "sql",
            Checksum = node.Obj("checksum")?.Str("checksum"),
            RelationName = node.Str("relation_name"),
            DependsOn = dependsOn,
            Config = config,
            Meta = node.MapValue("meta").Merge(config["meta"] as DbtMap),
            Columns = columns.ToImmutable(),
            Description = node.Str("description") is { Length: > 0 } description ? description : null,
            Database = node.Str("database"),
            Schema = node.Str("schema"),
            Alias = node.Str("alias"),
            Group = node.Str("group") ?? config["group"]?.Text,
            Access = node.Str("access") ?? config["access"]?.Text,
            DeprecationDate = node.Str("deprecation_date"),
            SourceName = node.Str("source_name"),
            Identifier = node.Str("identifier"),
        };
    }

    private static ImmutableArray<DbtGroup> ReadGroups(JsonElement root, string path) =>
        root.Obj("groups") is { } groups
            ? [.. groups.EnumerateObject().Select(g => new DbtGroup(
                g.Value.Str("name") ?? g.Name, g.Value.Obj("owner")?.Str("name"), g.Value.Obj("owner")?.Str("email"), path, 0))]
            : [];

    private static ImmutableArray<DbtExposure> ReadExposures(JsonElement root, string path)
    {
        if (root.Obj("exposures") is not { } exposures)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<DbtExposure>();
        foreach (var e in exposures.EnumerateObject())
        {
            var refs = e.Value.TryGetProperty("refs", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object && x.Str("name") is { } n ? new DbtRef(n, x.Str("package"), x.Text("version"), 0) : null).OfType<DbtRef>()
                : [];
            var sources = e.Value.TryGetProperty("sources", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Array && x.GetArrayLength() == 2 && x[0].ValueKind == JsonValueKind.String && x[1].ValueKind == JsonValueKind.String ? new DbtSourceRef(x[0].GetString()!, x[1].GetString()!, 0) : null).OfType<DbtSourceRef>()
                : [];
            result.Add(new DbtExposure
            {
                UniqueId = e.Name,
                Name = e.Value.Str("name") ?? e.Name,
                Type = e.Value.Str("type"),
                Url = e.Value.Str("url"),
                OwnerName = e.Value.Obj("owner")?.Str("name"),
                OwnerEmail = e.Value.Obj("owner")?.Str("email"),
                Refs = [.. refs],
                Sources = [.. sources],
                Meta = e.Value.MapValue("meta"),
                Path = e.Value.Str("original_file_path") ?? path,
            });
        }

        return result.ToImmutable();
    }
}
