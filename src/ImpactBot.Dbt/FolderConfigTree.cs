using System.Collections.Immutable;
using ImpactBot.Dbt.Yaml;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt;

/// <summary>
/// The <c>models:</c>/<c>seeds:</c>/<c>snapshots:</c> config tree of dbt_project.yml. Keys with <c>+</c>, and known
/// config names, are configs; other mapping keys are folders (or node names). Deeper levels override; <c>meta</c> merges
/// and <c>tags</c> accumulate, as dbt does.
/// </summary>
internal sealed class FolderConfigTree
{
    private static readonly HashSet<string> ConfigNames =
    [
        "materialized", "schema", "database", "alias", "enabled", "tags", "meta", "group", "access", "contract", "docs",
        "persist_docs", "full_refresh", "unique_key", "on_schema_change", "incremental_strategy", "pre-hook", "post-hook",
        "grants", "quoting", "column_types", "sql_header", "strategy", "updated_at", "check_cols", "target_schema",
        "target_database", "quote_columns", "delimiter", "labels", "cluster_by", "partition_by", "sort", "dist", "bind",
        "transient", "copy_grants", "event_time", "batch_size", "lookback", "begin", "on_configuration_change",
        "snapshot_meta_column_names", "dbt_valid_to_current", "hard_deletes", "invalidate_hard_deletes", "file_format",
        "location_root", "catalog", "warehouse", "snowflake_warehouse", "query_tag", "access_level",
    ];

    public static readonly FolderConfigTree Empty = new(DbtMap.Empty, new Dictionary<string, FolderConfigTree>(StringComparer.Ordinal), []);

    /// <summary>Hooks run (and so render) later in dbt; every other config string with Jinja renders at parse time.</summary>
    private static readonly HashSet<string> LateRendered = ["pre-hook", "post-hook", "pre_hook", "post_hook"];

    private readonly DbtMap _configs;
    private readonly Dictionary<string, FolderConfigTree> _children;

    /// <summary>The file line of each config value written with Jinja (<c>+enabled: "{{ var('x', false) }}"</c>), until rendered.</summary>
    private readonly Dictionary<string, int> _templateLines;

    private FolderConfigTree(DbtMap configs, Dictionary<string, FolderConfigTree> children, Dictionary<string, int> templateLines)
    {
        _configs = configs;
        _children = children;
        _templateLines = templateLines;
    }

    public static FolderConfigTree Parse(YamlMappingNode? node)
    {
        if (node is null)
        {
            return Empty;
        }

        var configs = new List<KeyValuePair<string, DbtValue>>();
        var children = new Dictionary<string, FolderConfigTree>(StringComparer.Ordinal);
        var templateLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, v) in node.Children)
        {
            if (k is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            var name = key.StartsWith('+') ? key[1..] : key;
            if (key.StartsWith('+') || ConfigNames.Contains(key) && (v is not YamlMappingNode || key is "meta" or "contract" or "docs" or "persist_docs" or "grants" or "quoting" or "column_types" or "partition_by" or "labels"))
            {
                configs.Add(new(name, YamlNodes.ToValue(v)));
                if (v is YamlScalarNode { Value: { } text } && IsTemplate(text) && !LateRendered.Contains(name))
                {
                    templateLines[name] = v.Line();
                }
            }
            else if (v is YamlMappingNode child)
            {
                children[key] = Parse(child);
            }
        }

        return new FolderConfigTree(new DbtMap([.. configs]), children, templateLines);
    }

    /// <summary>
    /// The tree with every config value written with Jinja rendered by <paramref name="render"/> (text, file line), as dbt
    /// renders dbt_project.yml with the project's vars and target before reading configs; hooks stay as written.
    /// </summary>
    public FolderConfigTree Rendered(Func<string, int, DbtValue> render)
    {
        if (_templateLines.Count == 0 && _children.Count == 0)
        {
            return this;
        }

        var configs = _templateLines.Count == 0
            ? _configs
            : new DbtMap([.. _configs.Entries.Select(e => _templateLines.TryGetValue(e.Key, out var line) && e.Value.Text is { } text
                ? new KeyValuePair<string, DbtValue>(e.Key, render(text, line))
                : e)]);
        var children = _children.ToDictionary(c => c.Key, c => c.Value.Rendered(render), StringComparer.Ordinal);
        return new FolderConfigTree(configs, children, []);
    }

    private static bool IsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);

    /// <summary>The configs in effect for a node with fully qualified name <paramref name="fqn"/> (project, folders..., name).</summary>
    public DbtMap Resolve(IReadOnlyList<string> fqn)
    {
        var result = DbtMap.Empty;
        var level = this;
        foreach (var part in fqn)
        {
            if (!level._children.TryGetValue(part, out var next))
            {
                break;
            }

            result = Apply(result, next._configs);
            level = next;
        }

        return result;
    }

    /// <summary>dbt's config merge: later values replace, except <c>meta</c> (merged) and <c>tags</c> (appended).</summary>
    public static DbtMap Apply(DbtMap baseConfig, DbtMap overrides)
    {
        var result = baseConfig;
        foreach (var (key, value) in overrides.Entries)
        {
            var merged = (key, baseConfig[key], value) switch
            {
                ("meta", DbtMap old, DbtMap add) => old.Merge(add),
                ("tags", { } old, _) => new DbtList([.. old.AsStrings().Concat(value.AsStrings()).Distinct().Select(t => (DbtValue)new DbtScalar(t))]),
                _ => value,
            };
            result = result.Merge(new DbtMap([new(key, merged)]));
        }

        return result;
    }

    public static ImmutableArray<string> Strings(DbtMap config, string key) => config[key]?.AsStrings() ?? [];
}
