using System.Collections.Immutable;
using ImpactBot.Core.Files;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>Reads properties YAML files (schema.yml and friends) into patches and top-level resources. Unknown keys are ignored.</summary>
internal sealed partial class PropertiesReader(string projectName, List<FileDiagnostic> diagnostics)
{
    /// <summary>The top-level lists read entry by entry, in the order <see cref="Read"/> reads them.</summary>
    private static readonly string[] StreamedLists = ["models", "seeds", "snapshots", "sources"];

    private static readonly string[] TopLevelConfigKeys = ["group", "access", "tags", "docs", "materialized", "enabled", "contract"];

    public List<NodePatch> Models { get; } = [];

    public List<NodePatch> Seeds { get; } = [];

    public List<NodePatch> Snapshots { get; } = [];

    public List<DbtSource> Sources { get; } = [];

    public List<DbtDataTest> SourceTests { get; } = [];

    public List<DbtExposure> Exposures { get; } = [];

    public List<DbtGroup> Groups { get; } = [];

    public List<DbtSemanticModel> SemanticModels { get; } = [];

    public List<DbtMetric> Metrics { get; } = [];

    /// <summary>
    /// Reads many files in parallel (YAML parsing is the costliest part of reading a large project), one reader per
    /// file, then merges them in the given order so the result does not depend on scheduling.
    /// </summary>
    /// <param name="modelNames">When given, only these models' entries (and groups) are read, for a delta read...</param>
    /// <param name="wholeFiles">... except from these files, read whole.</param>
    public static PropertiesReader ReadAll(
        string projectName,
        IReadOnlyList<(string Path, string Text)> files,
        List<FileDiagnostic> diagnostics,
        IReadOnlySet<string>? modelNames = null,
        IReadOnlySet<string>? wholeFiles = null)
    {
        var readers = Core.Threading.ParallelMap.Map(files, file =>
        {
            var fileDiagnostics = new List<FileDiagnostic>();
            var reader = new PropertiesReader(projectName, fileDiagnostics);
            reader.Read(file.Path, file.Text, wholeFiles?.Contains(file.Path) == true ? null : modelNames);
            return (reader, fileDiagnostics);
        });
        var merged = new PropertiesReader(projectName, diagnostics);
        foreach (var (reader, fileDiagnostics) in readers)
        {
            merged.Models.AddRange(reader.Models);
            merged.Seeds.AddRange(reader.Seeds);
            merged.Snapshots.AddRange(reader.Snapshots);
            merged.Sources.AddRange(reader.Sources);
            merged.SourceTests.AddRange(reader.SourceTests);
            merged.Exposures.AddRange(reader.Exposures);
            merged.Groups.AddRange(reader.Groups);
            merged.SemanticModels.AddRange(reader.SemanticModels);
            merged.Metrics.AddRange(reader.Metrics);
            diagnostics.AddRange(fileDiagnostics);
        }

        return merged;
    }

    public void Read(string path, string text, IReadOnlySet<string>? modelNames = null)
    {
        if (modelNames is null && ReadStreamed(path, text))
        {
            return;
        }

        var root = modelNames is null ? YamlLoader.LoadMapping(text, path, diagnostics) : YamlLoader.LoadModelEntries(text, path, modelNames, diagnostics);
        if (root is null)
        {
            return;
        }

        foreach (var map in root.Maps("models"))
        {
            Add(Models, ReadPatch(map, path, "model"));
        }

        foreach (var map in root.Maps("seeds"))
        {
            Add(Seeds, ReadPatch(map, path, "seed"));
        }

        foreach (var map in root.Maps("snapshots"))
        {
            Add(Snapshots, ReadPatch(map, path, "snapshot"));
        }

        foreach (var map in root.Maps("sources"))
        {
            ReadSource(map, path);
        }

        ReadSemanticLayer(root, path);
    }

    /// <summary>
    /// The file read entry by entry (<see cref="PropertiesStream"/>), with the same result as a read of its node tree:
    /// entries in file order per list, problems in the order of the lists. False, with nothing kept, when it must be read whole.
    /// </summary>
    private bool ReadStreamed(string path, string text)
    {
        var counts = (Models.Count, Seeds.Count, Snapshots.Count, Sources.Count, SourceTests.Count, diagnostics.Count);
        var problems = StreamedLists.ToDictionary(l => l, _ => new List<FileDiagnostic>(), StringComparer.Ordinal);
        void Handle(string list, YamlMappingNode map)
        {
            var before = diagnostics.Count;
            switch (list)
            {
                case "models":
                    Add(Models, ReadPatch(map, path, "model"));
                    break;
                case "seeds":
                    Add(Seeds, ReadPatch(map, path, "seed"));
                    break;
                case "snapshots":
                    Add(Snapshots, ReadPatch(map, path, "snapshot"));
                    break;
                default:
                    ReadSource(map, path);
                    break;
            }

            problems[list].AddRange(diagnostics.Skip(before));
            diagnostics.RemoveRange(before, diagnostics.Count - before);
        }

        var read = PropertiesStream.TryRead(text, problems.Keys.ToHashSet(StringComparer.Ordinal), Handle, out var rest);
        if (!read)
        {
            Models.RemoveRange(counts.Item1, Models.Count - counts.Item1);
            Seeds.RemoveRange(counts.Item2, Seeds.Count - counts.Item2);
            Snapshots.RemoveRange(counts.Item3, Snapshots.Count - counts.Item3);
            Sources.RemoveRange(counts.Item4, Sources.Count - counts.Item4);
            SourceTests.RemoveRange(counts.Item5, SourceTests.Count - counts.Item5);
            diagnostics.RemoveRange(counts.Item6, diagnostics.Count - counts.Item6);
            return false;
        }

        foreach (var list in StreamedLists)
        {
            // A list written as a single mapping (not a sequence) stayed in the rest of the root.
            foreach (var map in rest!.Maps(list))
            {
                Handle(list, map);
            }

            diagnostics.AddRange(problems[list]);
        }

        ReadSemanticLayer(rest!, path);
        return true;
    }

    private static void Add(List<NodePatch> list, NodePatch? patch)
    {
        if (patch is not null)
        {
            list.Add(patch);
        }
    }

    private NodePatch? ReadPatch(YamlMappingNode map, string path, string resourceType)
    {
        var name = map.Str("name");
        if (name is null)
        {
            diagnostics.Add(new FileDiagnostic("yaml-missing-name", $"a {resourceType} entry has no 'name'", path, map.Line(), map.Column()));
            return null;
        }

        var uniqueId = $"{resourceType}.{projectName}.{name}";
        var config = ReadConfig(map);
        var versions = map.Maps("versions").Select(v => ReadVersion(v, uniqueId, name, path)).OfType<VersionPatch>().ToImmutableArray();
        var columns = ReadColumns(map, uniqueId, name, path);
        return new NodePatch(
            name,
            path,
            map.Line(),
            map.Str("description"),
            columns,
            map.MapValue("meta"),
            config,
            [.. TestParser.Parse(map, uniqueId, name, null, path), .. columns.SelectMany(c => c.Tests)],
            versions,
            map.Str("latest_version"),
            map.Str("deprecation_date"),
            ReferenceParser.Parse(map.Str("relation"), map.Get("relation")?.Line() ?? 0));
    }

    private static DbtMap ReadConfig(YamlMappingNode map)
    {
        var config = map.MapValue("config");
        foreach (var key in TopLevelConfigKeys)
        {
            if (map.Get(key) is { } value && config[key] is null)
            {
                config = config.Merge(new DbtMap([new(key, YamlNodes.ToValue(value))]));
            }
        }

        return config;
    }

    private static VersionPatch? ReadVersion(YamlMappingNode map, string uniqueId, string name, string path)
    {
        var v = map.Str("v");
        if (v is null)
        {
            return null;
        }

        ImmutableArray<string>? include = null;
        var exclude = ImmutableArray<string>.Empty;
        var columns = new List<DbtColumn>();
        foreach (var item in map.Items("columns"))
        {
            if (item is YamlMappingNode column && (column.Get("include") is not null || column.Get("exclude") is not null))
            {
                include = column.Get("include") is YamlScalarNode { Value: "*" or "all" } || column.Get("include") is null
                    ? null
                    : column.Strings("include");
                exclude = column.Strings("exclude");
            }
            else if (item is YamlMappingNode named && ReadColumn(named, $"{uniqueId}.v{v}", $"{name}_v{v}", path) is { } col)
            {
                columns.Add(col);
            }
        }

        return new VersionPatch(v, map.Str("defined_in"), [.. columns], include, exclude, map.MapValue("meta"), ReadConfig(map), map.Str("deprecation_date"), map.Line());
    }

    private static ImmutableArray<DbtColumn> ReadColumns(YamlMappingNode map, string uniqueId, string nodeName, string path) =>
        [.. map.Maps("columns").Select(c => ReadColumn(c, uniqueId, nodeName, path)).OfType<DbtColumn>()];

    private static DbtColumn? ReadColumn(YamlMappingNode column, string uniqueId, string nodeName, string path)
    {
        var name = column.Str("name");
        if (name is null)
        {
            return null;
        }

        var configBlock = column.Map("config");
        return new DbtColumn
        {
            Name = name,
            DataType = column.Str("data_type") ?? configBlock?.Str("data_type"),
            Description = column.Str("description"),
            Meta = column.MapValue("meta").Merge(configBlock?.MapValue("meta")),
            Tags = [.. column.Strings("tags").Concat(configBlock?.Strings("tags") ?? [])],
            Tests = TestParser.Parse(column, uniqueId, nodeName, name, path),
            Line = column.Line(),
        };
    }

    private void ReadSource(YamlMappingNode map, string path)
    {
        var sourceName = map.Str("name");
        if (sourceName is null)
        {
            diagnostics.Add(new FileDiagnostic("yaml-missing-name", "a source entry has no 'name'", path, map.Line(), map.Column()));
            return;
        }

        var sourceMeta = map.MapValue("meta").Merge(map.Map("config")?.MapValue("meta"));
        foreach (var table in map.Maps("tables"))
        {
            var name = table.Str("name");
            if (name is null)
            {
                diagnostics.Add(new FileDiagnostic("yaml-missing-name", $"a table of source '{sourceName}' has no 'name'", path, table.Line(), table.Column()));
                continue;
            }

            var uniqueId = $"source.{projectName}.{sourceName}.{name}";
            var nodeName = $"{sourceName}_{name}";
            var columns = ReadColumns(table, uniqueId, nodeName, path);
            SourceTests.AddRange(TestParser.Parse(table, uniqueId, nodeName, null, path));
            SourceTests.AddRange(columns.SelectMany(c => c.Tests));
            Sources.Add(new DbtSource
            {
                UniqueId = uniqueId,
                SourceName = sourceName,
                Name = name,
                Identifier = table.Str("identifier") ?? name,
                Schema = map.Str("schema") ?? sourceName,
                Database = map.Str("database"),
                Description = table.Str("description") ?? map.Str("description"),
                LoadedAtField = table.Str("loaded_at_field") ?? map.Str("loaded_at_field"),
                Columns = columns,
                Meta = sourceMeta.Merge(table.MapValue("meta")).Merge(table.Map("config")?.MapValue("meta")),
                Tags = [.. map.Strings("tags").Concat(table.Strings("tags")).Distinct()],
                Path = path,
                Line = table.Line(),
            });
        }
    }
}
