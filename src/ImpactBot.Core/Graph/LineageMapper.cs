using ImpactBot.Core.Files;
using System.Collections.Immutable;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>Turns the lineage of one query into graph columns: tables as written become asset ids, duplicates fold.</summary>
internal static class LineageMapper
{
    public static AssetNode ToNode(AssetNode node, AssetDefinition asset, QueryLineage lineage, RelationResolver resolver, ImmutableArray<string> upstreams)
    {
        var path = asset.Path ?? asset.Id;
        var diagnostics = asset.Diagnostics.AddRange(lineage.Diagnostics.Select(d =>
        {
            var (line, column) = asset.SourceMap.ToSource(d.Span.Line, d.Span.Column);
            return new FileDiagnostic(d.Code, d.Message, path, asset.Line > 1 ? line + asset.Line - 1 : line, column, d.Severity);
        })).Distinct().ToImmutableArray();

        if (lineage.Status == LineageStatus.Failed)
        {
            // Model-level fallback: declared columns without sources, dependencies from the reader or the text.
            return node with
            {
                Columns = [.. asset.DeclaredColumns.Select(c => new ColumnNode(c.Name, []) { Type = c.Type, Line = c.Line })],
                Status = LineageStatus.Failed,
                DependsOn = upstreams,
                Diagnostics = diagnostics,
            };
        }

        var columns = ImmutableArray.CreateBuilder<ColumnNode>(lineage.Columns.Length);
        var hasWildcard = false;
        foreach (var output in lineage.Columns)
        {
            hasWildcard |= output.Opaque;
            var declared = asset.DeclaredColumns.FirstOrDefault(c => string.Equals(c.Name, output.Name, StringComparison.OrdinalIgnoreCase));
            columns.Add(new ColumnNode(output.Name, Edges(output.Sources, resolver))
            {
                Fingerprint = output.Fingerprint,
                Type = output.Type ?? declared?.Type,
                Line = declared?.Line ?? 0,
                Inferred = output.Inferred,
            });
        }

        var tables = lineage.Tables.Select(t => resolver.Resolve(t) ?? t);
        var status = lineage.Status == LineageStatus.Complete && asset.PartiallyRendered ? LineageStatus.Partial : lineage.Status;
        return node with
        {
            Traits = WithOpenColumnsFrom(node.Traits, lineage.PassesUnlistedTo is { } open ? resolver.Resolve(open) ?? open : null),
            Columns = columns.MoveToImmutable(),
            RowSources = Edges(lineage.Row, resolver),
            Status = status,
            HasWildcard = hasWildcard,
            Clauses = lineage.Clauses,
            NameShapes = lineage.NameShapes,
            DependsOn = [.. upstreams.Concat(tables).Distinct(StringComparer.OrdinalIgnoreCase)],
            Diagnostics = diagnostics,
        };
    }

    /// <summary>A model's traits with the asset its star passes unlisted names on to (none: as declared).</summary>
    public static AssetTraits WithOpenColumnsFrom(AssetTraits traits, string? asset) =>
        asset is null ? traits : traits with { OpenColumns = true, OpenColumnsFrom = asset };

    private static ImmutableArray<ColumnEdge> Edges(ImmutableArray<ColumnSource> sources, RelationResolver resolver)
    {
        if (sources.IsEmpty)
        {
            return [];
        }

        var edges = ImmutableArray.CreateBuilder<ColumnEdge>(sources.Length);
        var seen = new HashSet<(string, string, EdgeKind)>();
        foreach (var source in sources)
        {
            var asset = resolver.Resolve(source.Table) ?? source.Table;
            if (seen.Add((asset.ToUpperInvariant(), source.Column.ToUpperInvariant(), source.Kind)))
            {
                edges.Add(new ColumnEdge(asset, source.Column, source.Kind));
            }
        }

        return edges.ToImmutable();
    }
}
