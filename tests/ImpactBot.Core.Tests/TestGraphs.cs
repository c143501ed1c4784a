using System.Collections.Immutable;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Tests;

/// <summary>Compact builders for hand-made graphs: <c>Model("orders", Col("id", "stg.id"))</c>.</summary>
internal static class TestGraphs
{
    public static LineageGraph GraphOf(params AssetNode[] assets) => new("commit", [.. assets], []);

    public static AssetNode Model(string id, params ColumnNode[] columns) =>
        new(id, AssetType.Model) { Columns = [.. columns], Path = $"models/{id}.sql", BodyHash = id + "-body" };

    public static AssetNode Source(string id, params string[] columns) =>
        new(id, AssetType.Source) { Columns = [.. columns.Select(c => new ColumnNode(c, []) { Fingerprint = id + "." + c })] };

    /// <summary>A column with sources written "asset.column" or "asset.column:kind"; the fingerprint defaults to the sources.</summary>
    public static ColumnNode Col(string name, params string[] sources)
    {
        var edges = sources.Select(Edge).ToImmutableArray();
        return new ColumnNode(name, edges) { Fingerprint = string.Join("|", sources) };
    }

    public static ColumnEdge Edge(string spec)
    {
        var kind = EdgeKind.Copy;
        var colon = spec.LastIndexOf(':');
        if (colon > 0)
        {
            kind = Enum.Parse<EdgeKind>(spec[(colon + 1)..], ignoreCase: true);
            spec = spec[..colon];
        }

        var dot = spec.LastIndexOf('.');
        return new ColumnEdge(spec[..dot], spec[(dot + 1)..], kind);
    }
}
