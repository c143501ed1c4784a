using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Dbt;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Owners;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// Turns a read dbt project (or plain SQL repository) into graph asset definitions. Asset ids are dbt names: models and
/// seeds by name, sources as <c>source.table</c>, exposures, tests, semantic models and catalog entries by their names.
/// </summary>
public static class ProjectAssets
{
    public static ImmutableArray<AssetDefinition> From(DbtProject project, DialectFacts dialect)
    {
        ArgumentNullException.ThrowIfNull(project);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in project.Models)
        {
            ids[m.UniqueId] = ModelId(m);
        }

        foreach (var s in project.Sources)
        {
            ids[s.UniqueId] = DbtSource.AssetName(s.SourceName, s.Name);
        }

        foreach (var s in project.Seeds)
        {
            ids[s.UniqueId] = s.Name;
        }

        foreach (var s in project.Snapshots)
        {
            ids[s.UniqueId] = s.Name;
        }

        var relations = project.RelationIndex
            .GroupBy(kv => kv.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToList(), StringComparer.Ordinal);
        ImmutableArray<string> RelationsOf(string uniqueId, params string?[] extra) =>
            [.. relations.GetValueOrDefault(uniqueId, []).Concat(extra.OfType<string>()).Distinct(StringComparer.OrdinalIgnoreCase)];
        string? AssetOf(string relation) => project.RelationIndex.TryGetValue(relation, out var u) && ids.TryGetValue(u, out var id) ? id : null;
        string Resolve(DbtRef r) => AssetOf(r.RelationName) ?? r.Name;
        ImmutableArray<string> Upstreams(ImmutableArray<DbtRef> refs, ImmutableArray<DbtSourceRef> sources, IEnumerable<string> manifestDeps) =>
            [.. ProjectAssets.Upstreams(refs, sources, AssetOf).Concat(manifestDeps.Select(d => ids.GetValueOrDefault(d) ?? d)).Distinct(StringComparer.OrdinalIgnoreCase)];

        var assets = ImmutableArray.CreateBuilder<AssetDefinition>();
        foreach (var s in project.Sources)
        {
            assets.Add(new AssetDefinition(ids[s.UniqueId], AssetType.Source)
            {
                Path = s.Path,
                Line = s.Line,
                Relations = RelationsOf(s.UniqueId, s.RelationName, s.Schema is null ? null : $"{s.Schema}.{s.Identifier ?? s.Name}"),
                DeclaredColumns = Declared(s.Columns),
                Owners = Owners(s.Owners),
                DocsHash = Docs(s.Description, s.Columns),
                // YAML documents some of a source table's columns; catalog.json lists them all.
                Traits = s.ColumnsFromCatalog || s.Columns.IsEmpty ? AssetTraits.None : new AssetTraits { OpenColumns = true },
            });
        }

        foreach (var s in project.Seeds.Where(s => s.Enabled))
        {
            assets.Add(new AssetDefinition(s.Name, AssetType.Seed)
            {
                Path = s.Path,
                Relations = RelationsOf(s.UniqueId),
                DeclaredColumns = Declared(s.Columns),
                Owners = Owners(s.Owners),
                Traits = new AssetTraits { Materialization = "seed", Group = s.Group },
                DocsHash = Docs(s.Description, s.Columns),
            });
        }

        foreach (var m in project.Models.Where(m => m.Enabled))
        {
            assets.Add(Model(m, dialect, RelationsOf(m.UniqueId, m.RelationName), Upstreams(m.Refs, m.Sources, m.DependsOn)));
        }

        foreach (var s in project.Snapshots.Where(s => s.Enabled))
        {
            assets.Add(new AssetDefinition(s.Name, AssetType.Snapshot)
            {
                Path = s.Path,
                Sql = s.RenderedSql,
                SourceMap = s.SourceMap,
                Dialect = dialect,
                Relations = RelationsOf(s.UniqueId),
                DeclaredColumns = Declared(s.Columns),
                DependsOn = Upstreams(s.Refs, s.Sources, []),
                Owners = Owners(s.Owners),
                Traits = new AssetTraits { Materialization = "snapshot", Group = s.Group },
                DocsHash = Docs(null, s.Columns),
                Diagnostics = s.Diagnostics,
                PartiallyRendered = s.RenderStatus != RenderStatus.Complete,
                DbtName = s.Name,
                KeepSql = !s.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase),
            });
        }

        var ownersById = assets.GroupBy(a => a.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Owners, StringComparer.OrdinalIgnoreCase);
        foreach (var t in project.Tests)
        {
            assets.Add(Test(t, u => ids.GetValueOrDefault(u), AssetOf, id => ownersById.GetValueOrDefault(id, [])));
        }

        foreach (var s in project.SemanticModels)
        {
            var model = s.Model is null ? null : Resolve(s.Model);
            assets.Add(new AssetDefinition(s.Name, AssetType.SemanticModel)
            {
                Path = s.Path,
                Line = s.Line,
                References = model is null ? [] : [.. s.Fields.SelectMany(f => f.Columns.Select(c => new ColumnEdge(model, c, Sql.Lineage.EdgeKind.Transform) { Line = f.Line }))],
                DependsOn = model is null ? [] : [model],
                Owners = model is null ? [] : ownersById.GetValueOrDefault(model, []),
                OwnersOf = model,
            });
        }

        foreach (var metric in project.Metrics)
        {
            var semantic = project.SemanticModels
                .Where(s => s.Fields.Any(f => f.Kind == SemanticFieldKind.Measure && metric.Measures.Contains(f.Name)))
                .Select(s => s.Name);
            assets.Add(new AssetDefinition(metric.Name, AssetType.Metric)
            {
                Path = metric.Path,
                Line = metric.Line,
                DependsOn = [.. semantic.Concat(metric.InputMetrics).Distinct(StringComparer.OrdinalIgnoreCase)],
            });
        }

        foreach (var e in project.Exposures)
        {
            assets.Add(new AssetDefinition(e.Name, AssetType.Exposure)
            {
                Path = e.Path,
                Line = e.Line,
                DependsOn = [.. Upstreams(e.Refs, e.Sources, []).Concat(e.Metrics)],
                Owners = Owners(e.Owners),
                Traits = new AssetTraits { Kind = e.Type, Url = e.Url },
            });
        }

        var known = assets.Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var c in project.CatalogAssets)
        {
            assets.Add(Catalog(c, known));
            known.Add(c.Name);
        }

        return assets.ToImmutable();
    }

    /// <summary>
    /// A data test's definition: it reads the columns its arguments name (and a relationship's parent field) and takes the owners of
    /// the node it tests. <paramref name="assetOfUniqueId"/> and <paramref name="assetOfRelation"/> name assets.
    /// </summary>
    internal static AssetDefinition Test(
        DbtDataTest t, Func<string, string?> assetOfUniqueId, Func<string, string?> assetOfRelation, Func<string, ImmutableArray<string>> ownersOf)
    {
        var attached = assetOfUniqueId(t.AttachedTo) ?? t.AttachedTo;
        var references = ImmutableArray.CreateBuilder<ColumnEdge>();
        foreach (var column in TestColumns.Of(t))
        {
            references.Add(new ColumnEdge(attached, column, Sql.Lineage.EdgeKind.Copy) { Line = t.Line });
        }

        var parent = t.ToRef is { } r ? assetOfRelation(r.RelationName) ?? r.Name
            : t.ToSource is { } s ? assetOfRelation(s.RelationName) ?? DbtSource.AssetName(s.SourceName, s.TableName)
            : null;
        if (parent is not null && t.Field is not null)
        {
            references.Add(new ColumnEdge(parent, t.Field, Sql.Lineage.EdgeKind.Copy) { Line = t.Line });
        }

        return new AssetDefinition(t.Name, AssetType.Test)
        {
            Path = t.Path,
            Line = t.Line,
            References = references.ToImmutable(),
            DependsOn = references.Count == 0 ? [attached] : [],
            Owners = ownersOf(attached),
            OwnersOf = attached,
        };
    }

    /// <summary>Upstream asset ids of refs and sources, given the asset each relation name (<c>__ref__.x</c>) stands for.</summary>
    internal static ImmutableArray<string> Upstreams(ImmutableArray<DbtRef> refs, ImmutableArray<DbtSourceRef> sources, Func<string, string?> assetOf) =>
        [.. refs.Select(r => assetOf(r.RelationName) ?? r.Name)
            .Concat(sources.Select(s => assetOf(s.RelationName) ?? DbtSource.AssetName(s.SourceName, s.TableName)))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>A model that refs itself (outside <c>{{ this }}</c>, which is how dbt spells that): dbt refuses it as a cycle.</summary>
    private static IEnumerable<FileDiagnostic> SelfReferences(DbtModel m) =>
        m.Refs
            .Where(r => string.Equals(r.Name, m.Name, StringComparison.OrdinalIgnoreCase) && r.Version is null && r.Package is null)
            .Take(1)
            .Select(r => new FileDiagnostic(
                GraphBuilder.CycleCode,
                $"{m.Name} refs itself (ref('{r.Name}')); dbt refuses that as a dependency cycle. Use {{{{ this }}}} to read the model's own table (e.g. in an incremental model).",
                m.Path,
                r.Line,
                0));

    /// <summary>A model's definition, once its relation names and upstream asset ids are known.</summary>
    internal static AssetDefinition Model(DbtModel m, DialectFacts dialect, ImmutableArray<string> relations, ImmutableArray<string> dependsOn)
    {
        var python = m.Language == DbtModel.Python;
        var routine = m.Language == DbtModel.Routine;
        return new AssetDefinition(ModelId(m), AssetType.Model)
        {
            Path = m.Path,
            Sql = python || routine || m.Language == DbtModel.Ddl ? null : m.RenderedSql,
            CodeHash = python || routine ? m.ContentHash : null,
            SourceMap = m.SourceMap,
            Dialect = m.SqlDialect is { } compiled ? DialectFacts.For(compiled) : dialect,
            Relations = relations,
            DeclaredColumns = Declared(m.Columns),
            OwnTable = DbtThis.RelationName(m.Name),
            OwnTableKnown = m.ColumnsFromCatalog && !m.Columns.IsEmpty,
            DependsOn = dependsOn,
            Owners = Owners(m.Owners),
            Traits = new AssetTraits
            {
                Materialization = m.Materialization,
                Contracted = m.Contracted,
                Access = m.Access,
                Group = m.Group,
                LatestVersion = int.TryParse(m.Version, out var v) ? v : null,
                Tags = m.Tags,
                Kind = python ? AssetTraits.PythonKind : routine ? AssetTraits.RoutineKind : null,
                IncrementalStrategy = m.IncrementalStrategy,
                FullRefresh = m.Config.Str("full_refresh") is { } refresh && bool.TryParse(refresh, out var full) ? full : null,
                IncrementalFilter = IncrementalFilter.Fingerprint(m.IncrementalPredicates, dialect),
            },
            // A DDL table's columns are its schema, not documentation: a change to them is no docs change.
            DocsHash = Docs(m.Description, m.Language == DbtModel.Ddl ? [] : m.Columns),
            Diagnostics = SelfReferences(m).FirstOrDefault() is { } self ? m.Diagnostics.Add(self) : m.Diagnostics,
            PartiallyRendered = m.RenderStatus != RenderStatus.Complete,
            DbtName = m.Name,
            PatchPath = m.PatchPath,
        };
    }

    private static AssetDefinition Catalog(CatalogAsset c, HashSet<string> byId)
    {
        var references = ImmutableArray.CreateBuilder<ColumnEdge>();
        var models = ImmutableArray.CreateBuilder<string>();
        foreach (var dependency in c.DependsOn)
        {
            // "orders" is a model; "orders.amount" a column, unless the whole text names an asset (a source "stripe.payments").
            var dot = dependency.LastIndexOf('.');
            if (byId.Contains(dependency) || dot < 0)
            {
                models.Add(dependency);
            }
            else
            {
                references.Add(new ColumnEdge(dependency[..dot], dependency[(dot + 1)..], Sql.Lineage.EdgeKind.Copy) { Line = c.Line });
            }
        }

        return new AssetDefinition(c.Name, AssetType.External)
        {
            Path = c.Path,
            Line = c.Line,
            References = references.ToImmutable(),
            DependsOn = models.ToImmutable(),
            Owners = Owners(c.Owners),
            Traits = new AssetTraits { Kind = c.Type, Url = c.Url },
        };
    }

    internal static string ModelId(DbtModel m) => m.Version is null || m.IsLatestVersion ? m.Name : $"{m.Name}_v{m.Version}";

    private static ImmutableArray<DeclaredColumn> Declared(ImmutableArray<DbtColumn> columns) =>
        [.. columns.Select(c => new DeclaredColumn(c.Name, c.DataType, c.Line))];

    private static ImmutableArray<string> Owners(ImmutableArray<AssetOwner> owners) =>
        [.. owners.Select(o => o.Display).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Docs(string? description, ImmutableArray<DbtColumn> columns) =>
        ContentHash.Of(description ?? "", string.Join('\u001e', columns.Select(c => $"{c.Name}:{c.Description}:{string.Join(',', c.Tests.Select(t => t.Name))}")));
}
