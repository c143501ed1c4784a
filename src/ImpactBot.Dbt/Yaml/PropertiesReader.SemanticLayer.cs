using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>Exposures, groups, semantic models and metrics.</summary>
internal sealed partial class PropertiesReader
{
    private static readonly HashSet<string> SqlWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "case", "when", "then", "else", "end", "and", "or", "not", "null", "is", "as", "distinct", "cast", "true", "false",
        "in", "between", "like", "ilike", "over", "partition", "by", "order", "asc", "desc", "interval", "day", "month", "year",
    };

    private void ReadSemanticLayer(YamlMappingNode root, string path)
    {
        foreach (var map in root.Maps("exposures"))
        {
            ReadExposure(map, path);
        }

        foreach (var map in root.Maps("groups"))
        {
            if (map.Str("name") is { } name)
            {
                var owner = map.Map("owner");
                Groups.Add(new DbtGroup(name, owner?.Str("name"), owner?.Str("email"), path, map.Line()));
            }
        }

        foreach (var map in root.Maps("semantic_models"))
        {
            if (map.Str("name") is { } name)
            {
                var fields = ReadFields(map, "entities", SemanticFieldKind.Entity)
                    .Concat(ReadFields(map, "dimensions", SemanticFieldKind.Dimension))
                    .Concat(ReadFields(map, "measures", SemanticFieldKind.Measure));
                SemanticModels.Add(new DbtSemanticModel(name, ReferenceParser.Parse(map.Str("model"), map.Line()).Ref, [.. fields], path, map.Line()));
            }
        }

        foreach (var map in root.Maps("metrics"))
        {
            if (map.Str("name") is { } name)
            {
                var typeParams = map.Map("type_params") ?? new YamlMappingNode();
                var measures = Names(typeParams.Items("measure")).Concat(Names(typeParams.Items("input_measures")))
                    .Concat(Names(typeParams.Map("conversion_type_params")?.Items("base_measure") ?? []))
                    .Concat(Names(typeParams.Map("conversion_type_params")?.Items("conversion_measure") ?? []));
                var metrics = Names(typeParams.Items("metrics")).Concat(Names(typeParams.Items("numerator"))).Concat(Names(typeParams.Items("denominator")));
                Metrics.Add(new DbtMetric(name, map.Str("type"), [.. measures.Distinct()], [.. metrics.Distinct()], path, map.Line()));
            }
        }
    }

    private void ReadExposure(YamlMappingNode map, string path)
    {
        if (map.Str("name") is not { } name)
        {
            return;
        }

        var refs = ImmutableArray.CreateBuilder<DbtRef>();
        var sources = ImmutableArray.CreateBuilder<DbtSourceRef>();
        var metrics = ImmutableArray.CreateBuilder<string>();
        foreach (var item in map.Items("depends_on").OfType<YamlScalarNode>())
        {
            var reference = ReferenceParser.Parse(item.Value, item.Line());
            if (reference.Ref is { } r)
            {
                refs.Add(r);
            }
            else if (reference.Source is { } s)
            {
                sources.Add(s);
            }
            else if (reference.Metric is { } m)
            {
                metrics.Add(m);
            }
            else
            {
                diagnostics.Add(new Core.Files.FileDiagnostic(
                    "exposure-dependency", $"exposure '{name}' depends_on '{item.Value}' is not ref(), source() or metric()", path, item.Line(), item.Column()));
            }
        }

        var owner = map.Map("owner");
        Exposures.Add(new DbtExposure
        {
            UniqueId = $"exposure.{projectName}.{name}",
            Name = name,
            Type = map.Str("type"),
            Url = map.Str("url"),
            Label = map.Str("label"),
            Maturity = map.Str("maturity"),
            Description = map.Str("description"),
            OwnerName = owner?.Str("name"),
            OwnerEmail = owner?.Str("email"),
            Refs = refs.ToImmutable(),
            Sources = sources.ToImmutable(),
            Metrics = metrics.ToImmutable(),
            Meta = map.MapValue("meta").Merge(map.Map("config")?.MapValue("meta")),
            Path = path,
            Line = map.Line(),
        });
    }

    private static IEnumerable<SemanticField> ReadFields(YamlMappingNode map, string key, SemanticFieldKind kind)
    {
        foreach (var field in map.Maps(key))
        {
            if (field.Str("name") is not { } name)
            {
                continue;
            }

            var expr = field.Str("expr");
            yield return new SemanticField(kind, name, field.Str("type") ?? field.Str("agg"), expr, ColumnsOf(name, expr), field.Line());
        }
    }

    private static IEnumerable<string> Names(IEnumerable<YamlNode> nodes) => nodes.Select(n => n switch
    {
        YamlScalarNode { Value: { } s } => s,
        YamlMappingNode m => m.Str("name"),
        _ => null,
    }).OfType<string>();

    /// <summary>Identifiers of a SQL expression that are not keywords, function names, strings or numbers.</summary>
    internal static ImmutableArray<string> ColumnsOf(string name, string? expr)
    {
        if (expr is null)
        {
            return [name];
        }

        var columns = new List<string>();
        var i = 0;
        while (i < expr.Length)
        {
            var c = expr[i];
            if (c is '\'' or '"')
            {
                var end = expr.IndexOf(c, i + 1);
                i = end < 0 ? expr.Length : end + 1;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < expr.Length && (char.IsLetterOrDigit(expr[i]) || expr[i] is '_' or '.'))
                {
                    i++;
                }

                var word = expr[start..i];
                var next = i;
                while (next < expr.Length && char.IsWhiteSpace(expr[next]))
                {
                    next++;
                }

                var isFunction = next < expr.Length && expr[next] == '(';
                var column = word.Contains('.', StringComparison.Ordinal) ? word[(word.LastIndexOf('.') + 1)..] : word;
                if (!isFunction && !SqlWords.Contains(word) && column.Length > 0 && !columns.Contains(column))
                {
                    columns.Add(column);
                }
            }
            else
            {
                i++;
            }
        }

        return [.. columns];
    }
}
