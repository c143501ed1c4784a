using ImpactBot.Core.Files;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using ImpactBot.Core.Snapshot;
using ImpactBot.Core.Threading;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>
/// Builds the column graph of one commit from asset definitions: SQL assets bind upstream-first (so each upstream's real
/// outputs expand the stars of its consumers), one level of the DAG at a time in parallel. With a previous graph, an
/// asset whose SQL and upstream interfaces are unchanged is reused instead of re-analysed (BRIEF.md "early cutoff");
/// one rebuilt from that graph (<see cref="AssetDefinition.Unchanged"/>) is taken as it is while its upstreams are too,
/// and its deferred SQL is read only when it must be bound again.
/// </summary>
public static class GraphBuilder
{
    /// <summary>Code of the diagnostic on assets whose refs form a cycle.</summary>
    public const string CycleCode = "dependency-cycle";

    /// <summary>Code of the diagnostic on a second asset of one name (dbt refuses such a project; the check fails).</summary>
    public const string DuplicateCode = "duplicate-name";

    public static GraphBuildResult Build(
        IReadOnlyList<AssetDefinition> definitions,
        string commit,
        DialectFacts defaultDialect,
        LineageGraph? previous = null,
        LineageBudget? budget = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(defaultDialect);
        var diagnostics = ImmutableArray.CreateBuilder<FileDiagnostic>();
        definitions = WithoutDuplicates(definitions, diagnostics);
        var resolver = new RelationResolver(definitions);
        var built = new ConcurrentDictionary<string, AssetNode>(StringComparer.OrdinalIgnoreCase);

        var ordinals = new Dictionary<AssetDefinition, int>(definitions.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < definitions.Count; i++)
        {
            ordinals[definitions[i]] = i;
        }

        AssetInputs Inputs(AssetDefinition d) => InputsOf(d, ordinals[d]);

        // Assets whose columns are declared, not computed, are the schema the SQL assets bind against. The first pass
        // binds without inferred columns (an earlier run's included), so readers show what they read.
        var unknownDeclared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions.Where(d => !HasSql(d) && (d.DeclaredColumns.Length > 0 || d.Type is AssetType.Source or AssetType.Seed)))
        {
            built[definition.Id] = Previous(definition, previous) is { } same && !HasInferredColumns(same) ? same : DeclaredNode(definition) with { Inputs = Inputs(definition) };
            if (built[definition.Id].Columns.IsEmpty)
            {
                unknownDeclared.Add(definition.Id);
            }
        }

        var assetIds = definitions.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Unknown columns: a source or seed declaring none, a model with an unexpanded star, a table no asset defines.
        bool IsUnknown(string id) =>
            unknownDeclared.Contains(id) || (built.TryGetValue(id, out var n) ? n.HasWildcard : !assetIds.Contains(id));

        // Sources whose YAML documents some columns: a read of another one infers it, as for a source declaring none.
        var openDeclared = definitions.Where(d => d.Traits.OpenColumns && !unknownDeclared.Contains(d.Id) && built.ContainsKey(d.Id))
            .Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Models whose star read such a source (or such a model) pass a read of another column on to it.
        bool IsInferable(string id) =>
            IsUnknown(id) || openDeclared.Contains(id) || (built.TryGetValue(id, out var n) && n.Traits.OpenColumnsFrom is not null);

        var sqlAssets = definitions.Where(HasSql).ToList();
        var prepared = ParallelMap.Map(sqlAssets, asset =>
        {
            var body = asset.Deferred?.BodyHash ?? ContentHash.Of(asset.Sql!);
            return (asset.Id, Body: body, Upstreams: Upstreams(asset, body, resolver, defaultDialect, previous, budget));
        });
        var bodies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var upstreams = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, body, assetUpstreams) in prepared)
        {
            bodies[id] = body;
            upstreams[id] = assetUpstreams;
        }

        var (levels, cyclic) = BuildPlan.Levels(sqlAssets, upstreams);
        var externals = new ConcurrentDictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var externalKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var evidenceKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, ImmutableArray<NameShape>>? firstShapes = null;
        var ownTables = definitions.Where(d => d.OwnTable is not null && d.OwnTableKnown)
            .ToDictionary(d => GraphSchemaProvider.Normalize(d.OwnTable!), d => d.DeclaredColumns.Select(c => c.Name).ToArray(), StringComparer.OrdinalIgnoreCase);
        var schema = new GraphSchemaProvider(resolver, built, externals) { OwnTables = ownTables };
        var interfaces = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reused = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var reads = new ConcurrentBag<(string Asset, string Column)>();
        var inferredAssets = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var context = new BindContext(resolver, schema, built, interfaces, inferredAssets, externalKeys, evidenceKeys, defaultDialect, budget);

        void BindLevel(IReadOnlyList<AssetDefinition> level, bool firstPass)
        {
            // Deferred SQL that must be bound again (an upstream's columns changed) is read in one go, not file by file.
            var toLoad = level
                .Where(a => a.Deferred is not null && (!UpstreamsUnchanged(a, upstreams[a.Id], built, previous) || evidenceKeys.ContainsKey(a.Id))
                    && previous?.Find(a.Id)?.ContentHash != ReuseKey(a, Inputs(a), bodies[a.Id], upstreams[a.Id], built, interfaces, defaultDialect, externalKeys, evidenceKeys))
                .GroupBy(a => a.Deferred!.Loader);
            foreach (var group in toLoad)
            {
                group.Key.Prefetch([.. group]);
            }

            Parallel.ForEach(level, new ParallelOptions { CancellationToken = cancellationToken }, asset =>
            {
                var node = BindOrReuse(asset, ordinals[asset], bodies[asset.Id], upstreams[asset.Id], context, previous, firstPass ? reads : null, IsInferable);
                reused[asset.Id] = node.Reused;
                // Shapes stay as the first pass bound them on known columns, so a later run reusing the node has the same evidence.
                built[asset.Id] = firstShapes is not null && firstShapes.TryGetValue(asset.Id, out var shapes) ? node.Node with { NameShapes = shapes } : node.Node;
            });
        }

        foreach (var level in levels)
        {
            BindLevel(level, firstPass: true);
        }

        var cyclicIds = cyclic.Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var asset in cyclic)
        {
            var next = upstreams[asset.Id].FirstOrDefault(u => cyclicIds.Contains(u) && !string.Equals(u, asset.Id, StringComparison.OrdinalIgnoreCase));
            var via = next is null ? "" : $" (it reads {next}, which leads back to it)";
            var (line, column) = CyclePosition.Of(asset, next is null ? null : cyclic.First(c => string.Equals(c.Id, next, StringComparison.OrdinalIgnoreCase)));
            diagnostics.Add(new FileDiagnostic(CycleCode, $"{asset.Id} is part of a dependency cycle{via}; its lineage is bound without upstream schemas. Break the cycle of refs.", asset.Path ?? asset.Id, line, column));
            built[asset.Id] = BindOrReuse(asset, ordinals[asset], bodies[asset.Id], upstreams[asset.Id], context, previous: null, reads: null, IsUnknown).Node;
            reused[asset.Id] = false;
        }

        // Ambiguous names the same query shape binds on known columns elsewhere (and nowhere otherwise) take that owner.
        firstShapes = sqlAssets.ToDictionary(a => a.Id, a => built[a.Id].NameShapes, StringComparer.OrdinalIgnoreCase);
        var owners = NameOwners.Settle(sqlAssets.Select(a => built[a.Id]));
        if (owners.Count > 0)
        {
            schema.Owners = owners;
            var settled = new List<AssetDefinition>();
            foreach (var level in levels)
            {
                foreach (var asset in level)
                {
                    if (NameOwners.KeyOf(built[asset.Id], owners) is { } key)
                    {
                        evidenceKeys[asset.Id] = key;
                        settled.Add(asset);
                    }
                }
            }

            BindLevel(settled, firstPass: true);
        }

        // Second pass: the unknown assets readers read get those columns, inferred, and what reads them binds again.
        foreach (var definition in definitions.Where(d => !HasSql(d) && built.ContainsKey(d.Id)))
        {
            foreach (var edge in definition.References)
            {
                var id = resolver.Resolve(edge.Asset) ?? edge.Asset;
                if (!edge.IsWildcard && IsInferable(id))
                {
                    reads.Add((id, edge.Column));
                }
            }
        }

        if (!reads.IsEmpty)
        {
            var demand = ColumnInference.Demand(reads, levels, built, IsInferable, out var blocked);
            var changed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in definitions.Where(d => (unknownDeclared.Contains(d.Id) || openDeclared.Contains(d.Id)) && demand.ContainsKey(d.Id)))
            {
                var declared = definition.DeclaredColumns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var wanted = new SortedSet<string>(demand[definition.Id].Where(c => !declared.Contains(c)), StringComparer.Ordinal);
                if (wanted.Count == 0)
                {
                    continue;
                }

                built[definition.Id] = InferredNode(definition, wanted, previous) with { Inputs = Inputs(definition) };
                inferredAssets[definition.Id] = true;
                interfaces.TryRemove(definition.Id, out _);
                changed.Add(definition.Id);
            }

            // A star over a table no asset defines: the table's inferred columns live in the schema provider alone, and
            // the models whose stars read it bind again with them (their reuse key says which columns they saw).
            foreach (var asset in levels.SelectMany(l => l).Where(a => !blocked.Contains(a.Id) && demand.ContainsKey(a.Id) && built[a.Id].HasWildcard))
            {
                var tables = (ColumnInference.StarTarget(built[asset.Id]) ?? []).Where(t => !assetIds.Contains(t) && demand.ContainsKey(t)).ToList();
                foreach (var table in tables)
                {
                    externals[GraphSchemaProvider.Normalize(table)] = [.. demand[table]];
                }

                if (tables.Count > 0)
                {
                    externalKeys[asset.Id] = string.Join(';', tables.Select(t => t + ":" + string.Join(',', demand[t])));
                }
            }

            foreach (var level in levels)
            {
                var again = level.Where(a => !blocked.Contains(a.Id) && (upstreams[a.Id].Any(changed.Contains) || externalKeys.ContainsKey(a.Id))).ToList();
                var before = again.ToDictionary(a => a.Id, a => InterfaceHash(built[a.Id]), StringComparer.OrdinalIgnoreCase);
                BindLevel(again, firstPass: false);
                foreach (var asset in again)
                {
                    var node = built[asset.Id];
                    if (HasInferredColumns(node))
                    {
                        inferredAssets[asset.Id] = true;
                    }

                    interfaces.TryRemove(asset.Id, out _);
                    if (InterfaceHash(node) != before[asset.Id])
                    {
                        changed.Add(asset.Id);
                    }
                }
            }
        }

        var order = new List<AssetNode>(definitions.Count);
        order.AddRange(definitions.Where(d => !HasSql(d) && built.ContainsKey(d.Id)).Select(d => built[d.Id]));
        order.AddRange(levels.SelectMany(l => l).Concat(cyclic).Select(d => built[d.Id]));
        order.AddRange(definitions.Where(d => !HasSql(d) && !built.ContainsKey(d.Id)).Select(d => Previous(d, previous) ?? ReferenceNode(d) with { Inputs = Inputs(d) }));
        var graph = new LineageGraph(commit, [.. order], diagnostics.ToImmutable());
        var reusedCount = reused.Count(r => r.Value);
        return new GraphBuildResult(graph, sqlAssets.Count - reusedCount, reusedCount);
    }

    /// <summary>
    /// The first asset of each name (names compare ignoring case, as warehouses and refs do); every later one is left out
    /// with a diagnostic naming both files, as dbt names them when it refuses the project.
    /// </summary>
    private static IReadOnlyList<AssetDefinition> WithoutDuplicates(IReadOnlyList<AssetDefinition> definitions, ImmutableArray<FileDiagnostic>.Builder diagnostics)
    {
        var first = new Dictionary<string, AssetDefinition>(definitions.Count, StringComparer.OrdinalIgnoreCase);
        List<AssetDefinition>? kept = null;
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            if (first.TryAdd(definition.Id, definition))
            {
                kept?.Add(definition);
                continue;
            }

            kept ??= [.. definitions.Take(i)];
            var other = first[definition.Id];
            diagnostics.Add(new FileDiagnostic(
                DuplicateCode,
                $"two {other.Type.ToName()}s are named '{other.Id}': {other.Path ?? other.Id} and {definition.Path ?? definition.Id}{(other.Id == definition.Id ? "" : $" ('{definition.Id}' differs only in case)")}; refs to it cannot tell them apart, and dbt refuses the project. Rename or remove one of them; this one was left out of the analysis.",
                definition.Path ?? definition.Id,
                definition.Line,
                0,
                Sql.Text.DiagnosticSeverity.Error));
        }

        return kept ?? definitions;
    }

    private static AssetNode? Previous(AssetDefinition d, LineageGraph? previous) => d.Unchanged ? previous?.Find(d.Id) : null;

    /// <summary>An unchanged asset whose upstreams are all the previous graph's own nodes.</summary>
    private static bool UpstreamsUnchanged(AssetDefinition d, ImmutableArray<string> upstreams, ConcurrentDictionary<string, AssetNode> built, LineageGraph? previous) =>
        d.Unchanged && previous is not null
        && upstreams.All(u => built.TryGetValue(u, out var n) ? ReferenceEquals(n, previous.Find(u)) : previous.Find(u) is null);

    private static bool HasSql(AssetDefinition d) => d.Sql is not null || d.Deferred is not null;

    private static AssetInputs InputsOf(AssetDefinition d, int ordinal)
    {
        var sql = HasSql(d);
        return new AssetInputs
        {
            Ordinal = ordinal,
            Relations = d.Relations,
            DeclaredColumns = sql ? d.DeclaredColumns : [],
            Upstreams = sql ? d.DependsOn : [],
            PartiallyRendered = d.PartiallyRendered,
            SourceMapFingerprint = SourceMapFingerprint(d),
            DbtName = d.DbtName,
            PatchPath = d.PatchPath,
            OwnersOf = d.OwnersOf,
            StoredSql = d.KeepSql ? d.Sql : null,
        };
    }

    private static string? SourceMapFingerprint(AssetDefinition d) =>
        d.Deferred is { } deferred ? deferred.SourceMapFingerprint : d.Sql is null || d.SourceMap.IsIdentity ? null : ContentHash.Of(d.SourceMap.Fingerprint);

    private static AssetNode DeclaredNode(AssetDefinition d) => Base(d) with
    {
        Columns = [.. d.DeclaredColumns.Select(c => new ColumnNode(c.Name, []) { Type = c.Type, Line = c.Line, Fingerprint = ContentHash.Of(d.Id, c.Name, c.Type) })],
        ContentHash = ContentHash.Of(string.Join(',', d.DeclaredColumns.Select(c => c.Name + ":" + c.Type))),
    };

    /// <summary>
    /// A source or seed with its declared columns (none, or some documented in YAML), and the other columns its readers
    /// read, each marked inferred. The previous run's node when it had the same, so its unchanged readers are reused as
    /// they are.
    /// </summary>
    private static AssetNode InferredNode(AssetDefinition d, SortedSet<string> inferred, LineageGraph? previous)
    {
        var node = DeclaredNode(d);
        ImmutableArray<ColumnNode> columns = [.. node.Columns, .. inferred.Select(c => new ColumnNode(c, []) { Inferred = true, Fingerprint = ContentHash.Of(d.Id, c, null) })];
        if (Previous(d, previous) is { } same && same.Columns.Select(c => (c.Name, c.Inferred)).SequenceEqual(columns.Select(c => (c.Name, c.Inferred))))
        {
            return same;
        }

        return node with { Columns = columns, Status = LineageStatus.Inferred };
    }

    private static bool HasInferredColumns(AssetNode node) => node.Columns.Any(c => c.Inferred);

    /// <summary>Reads the asset's own lineage on inferred columns: its columns pass inferred ones on, or it reads one.</summary>
    private static bool RestsOnInference(AssetNode node, BindContext context)
    {
        if (HasInferredColumns(node))
        {
            return true;
        }

        if (context.InferredAssets.IsEmpty)
        {
            return false;
        }

        bool ReadsInferred(ColumnEdge edge) =>
            !edge.IsWildcard && context.InferredAssets.ContainsKey(edge.Asset)
            && context.Built.TryGetValue(edge.Asset, out var upstream) && upstream.FindColumn(edge.Column) is { Inferred: true };

        return node.Columns.Any(c => c.Sources.Any(ReadsInferred)) || node.RowSources.Any(ReadsInferred);
    }

    private static AssetNode ReferenceNode(AssetDefinition d) => Base(d) with { References = d.References };

    private static AssetNode Base(AssetDefinition d) => new(d.Id, d.Type)
    {
        Path = d.Path,
        Line = d.Line,
        DependsOn = d.DependsOn,
        Owners = d.Owners,
        Traits = d.Traits,
        DocsHash = d.DocsHash,
        BodyHash = d.CodeHash ?? "",
        Diagnostics = d.Diagnostics,
        // A Python model's columns come from YAML, its upstreams from refs; a routine's upstreams are the objects it
        // names: lineage at model level only.
        Status = d.Traits.Kind is AssetTraits.PythonKind or AssetTraits.RoutineKind ? LineageStatus.Partial : LineageStatus.Complete,
    };

    private static ImmutableArray<string> Upstreams(AssetDefinition asset, string body, RelationResolver resolver, DialectFacts defaultDialect, LineageGraph? previous, LineageBudget? budget)
    {
        if (!asset.DependsOn.IsEmpty)
        {
            return asset.DependsOn;
        }

        if (previous?.Find(asset.Id) is { } old && old.BodyHash == body)
        {
            return old.DependsOn;
        }

        // Plain SQL: only the query itself tells what it reads.
        var sql = asset.Sql ?? asset.Deferred!.Loader.Load(asset).Sql!;
        var tables = SqlLineage.Analyze(sql, asset.Dialect ?? defaultDialect, budget: budget).Tables;
        return [.. tables.Select(t => resolver.Resolve(t) ?? t).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Everything that decides an asset's lineage: engine, dialect, SQL, render status, upstream columns.</summary>
    private static string ReuseKey(
        AssetDefinition asset,
        AssetInputs inputs,
        string body,
        ImmutableArray<string> upstreams,
        ConcurrentDictionary<string, AssetNode> built,
        ConcurrentDictionary<string, string> interfaces,
        DialectFacts defaultDialect,
        Dictionary<string, string> externalKeys,
        Dictionary<string, string> evidenceKeys)
    {
        var dialect = asset.Dialect ?? defaultDialect;
        var upstreamInterfaces = upstreams
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(u => built.TryGetValue(u, out var n) ? interfaces.GetOrAdd(u, _ => InterfaceHash(n)) : "?" + u);
        var key = ContentHash.Of(SnapshotFormat.EngineVersion, dialect.Name, body, asset.PartiallyRendered ? "partial" : "", string.Join(',', upstreamInterfaces));
        if (asset.OwnTableKnown)
        {
            key = ContentHash.Of(key, string.Join(',', asset.DeclaredColumns.Select(c => c.Name)));
        }

        if (externalKeys.TryGetValue(asset.Id, out var external))
        {
            key = ContentHash.Of(key, external);
        }

        if (evidenceKeys.TryGetValue(asset.Id, out var evidence))
        {
            key = ContentHash.Of(key, evidence);
        }

        // Reused diagnostics keep the file positions they were mapped with, so the mapping is part of the key.
        return inputs.SourceMapFingerprint is { } fingerprint ? ContentHash.Of(key, fingerprint) : key;
    }

    /// <summary>
    /// Binds an asset, or takes the previous graph's node when nothing that decides it changed. With <paramref name="reads"/>
    /// (the first pass), what it reads of assets with unknown columns is collected there for <see cref="ColumnInference"/>.
    /// </summary>
    private static (AssetNode Node, bool Reused) BindOrReuse(
        AssetDefinition asset,
        int ordinal,
        string body,
        ImmutableArray<string> upstreams,
        BindContext context,
        LineageGraph? previous,
        ConcurrentBag<(string Asset, string Column)>? reads,
        Func<string, bool> isUnknown)
    {
        var result = BindOrReuse(asset, ordinal, body, upstreams, context, previous, reads is null, out var lineage);
        if (reads is not null)
        {
            CollectReads(result.Node, lineage, context.Resolver, reads, isUnknown);
        }

        if (!result.Reused && result.Node.Status == LineageStatus.Complete && (lineage?.SettledNames > 0 || RestsOnInference(result.Node, context)))
        {
            return (result.Node with { Status = LineageStatus.Inferred }, false);
        }

        return result;
    }

    /// <summary>
    /// Reads of assets with unknown columns: from the bound lineage, leaving out candidates of an ambiguous name; from a
    /// reused node's edges otherwise.
    /// </summary>
    private static void CollectReads(AssetNode node, QueryLineage? lineage, RelationResolver resolver, ConcurrentBag<(string Asset, string Column)> reads, Func<string, bool> isUnknown)
    {
        void Add(string table, string column)
        {
            if (column != "*" && (resolver.Resolve(table) ?? table) is var id && isUnknown(id))
            {
                reads.Add((id, column));
            }
        }

        if (lineage is not null)
        {
            // Most models read only known relations: a look at the few tables saves one per edge.
            if (!lineage.Tables.Any(t => isUnknown(resolver.Resolve(t) ?? t)))
            {
                return;
            }

            foreach (var source in lineage.Columns.SelectMany(c => c.Sources).Concat(lineage.Row).Concat(lineage.OpenReads))
            {
                if (!source.Candidate)
                {
                    Add(source.Table, source.Column);
                }
            }

            return;
        }

        // A reused node's edges name asset ids already; most read no unknown asset at all.
        if (!node.DependsOn.Any(isUnknown))
        {
            return;
        }

        foreach (var edge in node.Columns.SelectMany(c => c.Sources).Concat(node.RowSources))
        {
            if (!edge.IsWildcard && isUnknown(edge.Asset))
            {
                reads.Add((edge.Asset, edge.Column));
            }
        }
    }

    private static (AssetNode Node, bool Reused) BindOrReuse(
        AssetDefinition asset,
        int ordinal,
        string body,
        ImmutableArray<string> upstreams,
        BindContext context,
        LineageGraph? previous,
        bool secondPass,
        out QueryLineage? bound)
    {
        bound = null;
        var (resolver, schema, built, interfaces, defaultDialect, budget) = (context.Resolver, context.Schema, context.Built, context.Interfaces, context.DefaultDialect, context.Budget);
        if (Previous(asset, previous) is { } same && UpstreamsUnchanged(asset, upstreams, built, previous) && !context.EvidenceKeys.ContainsKey(asset.Id)
            && (secondPass || (same.Status != LineageStatus.Inferred && !HasInferredColumns(same))))
        {
            // Nothing it reads changed either: no need to hash what would only confirm it. (The first pass binds
            // without inferred columns, so a node that rests on them is bound again.)
            return (same, true);
        }

        var inputs = InputsOf(asset, ordinal);
        var dialect = asset.Dialect ?? defaultDialect;
        var key = ReuseKey(asset, inputs, body, upstreams, built, interfaces, defaultDialect, context.ExternalKeys, context.EvidenceKeys);
        if (previous?.Find(asset.Id) is { } old && old.ContentHash == key)
        {
            if (asset.Deferred is not null)
            {
                // Rebuilt from that very node, with the same upstream columns: it is the node.
                return (old, true);
            }

            return (Base(asset) with
            {
                Traits = LineageMapper.WithOpenColumnsFrom(asset.Traits, old.Traits.OpenColumnsFrom),
                Columns = old.Columns,
                RowSources = old.RowSources,
                Status = old.Status,
                HasWildcard = old.HasWildcard,
                Clauses = old.Clauses,
                NameShapes = old.NameShapes,
                ContentHash = key,
                BodyHash = body,
                DependsOn = old.DependsOn,
                Diagnostics = asset.Diagnostics.AddRange(old.Diagnostics.Except(asset.Diagnostics)),
                Inputs = inputs,
            }, true);
        }

        if (asset.Deferred is { } deferred)
        {
            asset = deferred.Loader.Load(asset);
        }

        var lineage = SqlLineage.Analyze(asset.Sql!, dialect, schema, budget);
        if (lineage.Target is { } target && resolver.Resolve(target) is { } written && !written.Equals(asset.Id, StringComparison.OrdinalIgnoreCase))
        {
            // A multi-table INSERT writes several assets and Analyze answers for the last one: take this asset's branch.
            lineage = SqlLineage.AnalyzeAll(asset.Sql!, dialect, schema, budget)
                .LastOrDefault(l => l.Target is { } t && string.Equals(resolver.Resolve(t), asset.Id, StringComparison.OrdinalIgnoreCase)) ?? lineage;
        }

        bound = lineage;
        return (LineageMapper.ToNode(Base(asset), asset, lineage, resolver, upstreams) with { ContentHash = key, BodyHash = body, Inputs = inputs }, false);
    }

    /// <summary>An asset's columns as its readers see them; an inferred column differs from a known one of its name.</summary>
    private static string InterfaceHash(AssetNode node) =>
        ContentHash.Of(node.HasWildcard ? "*" : node.Traits.OpenColumns ? "+" : "", string.Join(',', node.Columns.Select(c => c.Name + ":" + c.Type + (c.Inferred ? "~" : ""))));

    /// <summary>What every binding of one build shares.</summary>
    private sealed record BindContext(
        RelationResolver Resolver,
        GraphSchemaProvider Schema,
        ConcurrentDictionary<string, AssetNode> Built,
        ConcurrentDictionary<string, string> Interfaces,
        ConcurrentDictionary<string, bool> InferredAssets,
        Dictionary<string, string> ExternalKeys,
        Dictionary<string, string> EvidenceKeys,
        DialectFacts DefaultDialect,
        LineageBudget? Budget);
}
