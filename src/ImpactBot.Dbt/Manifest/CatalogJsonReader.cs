using System.Collections.Immutable;
using System.Text.Json;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Manifest;

/// <summary>Reads catalog.json: the warehouse columns (name and type, in table order) of each node and source.</summary>
internal static class CatalogJsonReader
{
    public static ImmutableDictionary<string, ImmutableArray<DbtColumn>> Read(string text, string path, List<FileDiagnostic> diagnostics)
    {
        using var document = JsonFiles.Parse(text, path, "catalog-invalid", diagnostics);
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<DbtColumn>>(StringComparer.Ordinal);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return result.ToImmutable();
        }

        foreach (var section in new[] { "nodes", "sources" })
        {
            if (document.RootElement.Obj(section) is not { } nodes)
            {
                continue;
            }

            foreach (var node in nodes.EnumerateObject())
            {
                if (node.Value.Obj("columns") is not { } columns)
                {
                    continue;
                }

                result[node.Name] = [.. columns.EnumerateObject()
                    .Select(c => (Index: c.Value.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : int.MaxValue, Column: new DbtColumn
                    {
                        Name = c.Value.Str("name") ?? c.Name,
                        DataType = c.Value.Str("type"),
                        Description = c.Value.Str("comment"),
                    }))
                    .OrderBy(c => c.Index)
                    .Select(c => c.Column)];
            }
        }

        return result.ToImmutable();
    }
}
