using System.Collections.Immutable;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Manifest;

/// <summary>
/// Lays a manifest over what the files gave. A model whose file is unchanged since the manifest (same sha256) takes the
/// manifest's compiled SQL, with relation names rewritten to the renderer's convention; models and sources only in the
/// manifest (installed packages, or no files at all) are added from it.
/// </summary>
internal sealed class ManifestOverlay(ManifestData manifest, ProjectLayout layout, string projectName, JinjaContext context, List<FileDiagnostic> diagnostics)
{
    public List<DbtModel> Models(List<DbtModel> models)
    {
        var result = new List<DbtModel>();
        var stale = 0;
        var byId = models.ToDictionary(m => m.UniqueId, StringComparer.Ordinal);
        foreach (var model in models)
        {
            var node = manifest.Find(model.UniqueId);
            if (node is null || node.ResourceType != "model")
            {
                result.Add(model);
            }
            else if (node.Checksum is not null && node.Checksum != model.ContentHash)
            {
                stale++;
                result.Add(model with { RelationName = node.RelationName });
            }
            else if (node.CompiledCode is not null && model.Language != DbtModel.Python)
            {
                result.Add(model with
                {
                    RenderedSql = Rewrite(node),
                    SourceMap = SourceMap.Identity,
                    FromManifest = true,
                    SqlDialect = CompiledDialect,
                    RenderStatus = RenderStatus.Complete,
                    Diagnostics = [],
                    DependsOn = node.DependsOn,
                    RelationName = node.RelationName,
                });
            }
            else
            {
                result.Add(model with { DependsOn = node.DependsOn, RelationName = node.RelationName });
            }
        }

        foreach (var node in manifest.Nodes.Where(n => n.ResourceType == "model" && !byId.ContainsKey(n.UniqueId)))
        {
            result.Add(FromManifest(node));
        }

        if (stale > 0)
        {
            diagnostics.Add(new FileDiagnostic(
                "manifest-stale", $"{stale} model(s) changed since the manifest was built; their SQL is rendered from the files", layout.Repo("dbt_project.yml"), 0, 0, Sql.Text.DiagnosticSeverity.Info));
        }

        return result;
    }

    /// <summary>The dialect of the manifest's compiled SQL: its adapter's, whatever dialect the project is read in.</summary>
    private Sql.Dialects.SqlDialect? CompiledDialect { get; } = Sql.Dialects.DialectNames.Parse(manifest.AdapterType);

    private DbtModel FromManifest(ManifestNode node)
    {
        var path = node.PackageName == projectName && node.OriginalFilePath.Length > 0 ? layout.Repo(node.OriginalFilePath) : "";
        var python = node.Language == DbtModel.Python;
        var render = node.CompiledCode is null && node.RawCode is not null && !python
            ? JinjaRenderer.Render(node.RawCode, path, context with { ThisName = node.Name })
            : null;
        var config = node.Config;
        return new DbtModel
        {
            UniqueId = node.UniqueId,
            Name = node.Name,
            Version = node.Version,
            IsLatestVersion = node.Version is null || node.Version == node.LatestVersion,
            Path = path,
            Language = node.Language,
            RawSql = node.RawCode ?? "",
            RenderedSql = python ? "" : render?.Sql ?? Rewrite(node),
            SourceMap = render?.SourceMap ?? SourceMap.Identity,
            ContentHash = node.Checksum ?? "",
            Materialization = config.Str("materialized") ?? "view",
            Alias = node.Alias,
            Schema = node.Schema,
            Database = node.Database,
            Enabled = config.Flag("enabled", true),
            UniqueKey = config.List("unique_key"),
            IncrementalStrategy = config.Str("incremental_strategy"),
            IsIncremental = config.Str("materialized") == "incremental",
            Access = node.Access,
            Group = node.Group,
            Contracted = config.ContractEnforced(),
            DeprecationDate = node.DeprecationDate,
            Description = node.Description,
            Columns = node.Columns,
            Meta = node.Meta,
            Tags = config.List("tags"),
            Config = config,
            Refs = render?.Refs ?? [.. Dependencies(node).OfType<DbtRef>()],
            Sources = render?.Sources ?? [.. Dependencies(node).OfType<DbtSourceRef>()],
            StarMacros = render?.StarMacros ?? [],
            RenderStatus = render is null || render.IsComplete ? RenderStatus.Complete : RenderStatus.Partial,
            Diagnostics = render?.Diagnostics ?? [],
            RelationName = node.RelationName,
            DependsOn = node.DependsOn,
            FromManifest = render is null,
            SqlDialect = render is null ? CompiledDialect : null,
        };
    }

    private IEnumerable<object> Dependencies(ManifestNode node)
    {
        foreach (var id in node.DependsOn)
        {
            switch (manifest.Find(id))
            {
                case { ResourceType: "source" } s:
                    yield return new DbtSourceRef(s.SourceName ?? "", s.Name, 0);
                    break;
                case { ResourceType: "model" or "seed" or "snapshot" } d:
                    yield return new DbtRef(d.Name, d.PackageName == projectName ? null : d.PackageName, d.Version, 0);
                    break;
            }
        }
    }

    /// <summary>The compiled SQL with each dependency's relation name replaced by its placeholder and its own by <see cref="DbtThis"/>'s.</summary>
    private string Rewrite(ManifestNode node)
    {
        var sql = node.CompiledCode ?? "";
        var replacements = node.DependsOn
            .Select(manifest.Find)
            .OfType<ManifestNode>()
            .Where(d => !string.IsNullOrEmpty(d.RelationName))
            .Select(d => (From: d.RelationName!, To: d.Placeholder))
            .Concat(string.IsNullOrEmpty(node.RelationName) ? [] : [(From: node.RelationName, To: DbtThis.RelationName(node.Name))])
            .OrderByDescending(r => r.From.Length);
        foreach (var (from, to) in replacements)
        {
            sql = sql.Replace(from, to, StringComparison.Ordinal);
        }

        return sql;
    }

    public List<DbtSource> Sources(List<DbtSource> sources)
    {
        var result = sources.Select(s => manifest.Find(s.UniqueId) is { } n ? s with { RelationName = n.RelationName } : s).ToList();
        var known = sources.Select(s => s.UniqueId).ToHashSet(StringComparer.Ordinal);
        foreach (var node in manifest.Nodes.Where(n => n.ResourceType == "source" && !known.Contains(n.UniqueId)))
        {
            result.Add(new DbtSource
            {
                UniqueId = node.UniqueId,
                SourceName = node.SourceName ?? "",
                Name = node.Name,
                Identifier = node.Identifier ?? node.Name,
                Schema = node.Schema,
                Database = node.Database,
                Description = node.Description,
                Columns = node.Columns,
                Meta = node.Meta,
                Path = node.PackageName == projectName && node.OriginalFilePath.Length > 0 ? layout.Repo(node.OriginalFilePath) : "",
                RelationName = node.RelationName,
            });
        }

        return result;
    }

    public List<DbtSeed> Seeds(List<DbtSeed> seeds)
    {
        var result = seeds.ToList();
        var known = seeds.Select(s => s.UniqueId).ToHashSet(StringComparer.Ordinal);
        foreach (var node in manifest.Nodes.Where(n => n.ResourceType == "seed" && !known.Contains(n.UniqueId)))
        {
            result.Add(new DbtSeed { UniqueId = node.UniqueId, Name = node.Name, Path = "", Columns = node.Columns, Meta = node.Meta, Config = node.Config });
        }

        return result;
    }

    public List<DbtSnapshot> Snapshots(List<DbtSnapshot> snapshots)
    {
        var result = snapshots.ToList();
        var known = snapshots.Select(s => s.UniqueId).ToHashSet(StringComparer.Ordinal);
        foreach (var node in manifest.Nodes.Where(n => n.ResourceType == "snapshot" && !known.Contains(n.UniqueId)))
        {
            result.Add(new DbtSnapshot
            {
                UniqueId = node.UniqueId,
                Name = node.Name,
                Path = "",
                RawSql = node.RawCode ?? "",
                RenderedSql = Rewrite(node),
                Refs = [.. Dependencies(node).OfType<DbtRef>()],
                Sources = [.. Dependencies(node).OfType<DbtSourceRef>()],
                Columns = node.Columns,
                Meta = node.Meta,
                Config = node.Config,
                UniqueKey = node.Config.List("unique_key"),
                Strategy = node.Config.Str("strategy"),
            });
        }

        return result;
    }

    /// <summary>Catalog columns in table order, keeping what YAML declared (types fill in where YAML had none).</summary>
    public static ImmutableArray<DbtColumn> MergeColumns(ImmutableArray<DbtColumn> declared, ImmutableArray<DbtColumn> catalog)
    {
        if (catalog.IsDefaultOrEmpty)
        {
            return declared;
        }

        // Dictionaries, not scans: a table of many thousand columns must not cost their square.
        var byName = new Dictionary<string, DbtColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in declared)
        {
            byName.TryAdd(d.Name, d);
        }

        var inCatalog = catalog.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var merged = catalog.Select(c => byName.TryGetValue(c.Name, out var d) ? d with { DataType = d.DataType ?? c.DataType } : c);
        return [.. merged, .. declared.Where(d => !inCatalog.Contains(d.Name))];
    }
}
