using System.Collections.Immutable;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Config;
using ImpactBot.Core.Files;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Config;

/// <summary>Reads the <c>catalog</c> list of <c>.impactbot.yml</c>.</summary>
internal static class CatalogReader
{
    private static readonly string[] Keys = ["name", "type", "owner", "owners", "url", "depends_on", "description"];

    public static ImmutableArray<CatalogAsset> Read(YamlNode value, string path, List<FileDiagnostic> diagnostics)
    {
        if (YamlNodes.IsNull(value))
        {
            return [];
        }

        if (value is not YamlSequenceNode seq)
        {
            diagnostics.Add(ImpactBotConfigReader.Error(path, value, "'catalog' must be a list of assets, each with name, type, owner, url and depends_on"));
            return [];
        }

        var assets = ImmutableArray.CreateBuilder<CatalogAsset>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode map)
            {
                diagnostics.Add(ImpactBotConfigReader.Error(path, item, "each 'catalog' entry must be a mapping with at least 'name'"));
                continue;
            }

            var name = map.Str("name");
            if (string.IsNullOrWhiteSpace(name))
            {
                diagnostics.Add(ImpactBotConfigReader.Error(path, item, "'catalog' entry has no 'name'"));
                continue;
            }

            foreach (var (k, _) in map.Children)
            {
                if (k is YamlScalarNode { Value: { } key } && !Keys.Contains(key))
                {
                    diagnostics.Add(new FileDiagnostic("config-unknown-key", $"unknown key 'catalog.{key}' is ignored; {KeySuggestion.Hint(key, Keys)}", path, k.Line(), k.Column()));
                }
            }

            var owners = new List<string>();
            foreach (var key in new[] { "owner", "owners" })
            {
                foreach (var owner in map.Items(key))
                {
                    if (owner is YamlScalarNode { Value: { } s } && !YamlNodes.IsNull(owner))
                    {
                        owners.Add(s);
                    }
                    else if (owner is YamlMappingNode ownerMap && (ownerMap.Str("email") ?? ownerMap.Str("name")) is { } who)
                    {
                        owners.Add(who);
                    }
                    else
                    {
                        diagnostics.Add(ImpactBotConfigReader.Error(path, owner, $"'catalog.{key}' of '{name}' must be a name, email, @handle or {{name, email}}"));
                    }
                }
            }

            var dependsOn = map.Get("depends_on") is { } deps
                ? ImpactBotConfigReader.StringList(deps, "catalog.depends_on", path, diagnostics) ?? []
                : [];
            assets.Add(new CatalogAsset
            {
                Name = name,
                Type = map.Str("type") ?? "application",
                OwnerNames = [.. owners],
                Url = map.Str("url"),
                DependsOn = [.. dependsOn.Select(Unwrap)],
                Path = path,
                Line = map.Line(),
            });
        }

        return assets.ToImmutable();
    }

    private static string Unwrap(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("ref(", StringComparison.Ordinal) && t.EndsWith(')'))
        {
            return t[4..^1].Trim().Trim('\'', '"');
        }

        return t;
    }
}
