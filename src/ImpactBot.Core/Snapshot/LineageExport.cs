using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Snapshot;

/// <summary>
/// The whole lineage graph as JSON (<c>impactbot snapshot export</c>): per asset its type, file, status, columns with their
/// sources and edge kinds, and diagnostics, plus <c>why</c> a model's lineage is not complete. Assets keep the graph's
/// order (upstream first); optional fields appear only when set.
/// </summary>
public static class LineageExport
{
    public const string Format = "impactbot-lineage";

    public const int Version = 2;

    public static string Render(LineageGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteString("commit", graph.Commit);
            if (graph.Settings is { } settings)
            {
                ReadSettingsJson.Write(w, settings);
            }

            w.WriteStartObject("summary");
            w.WriteNumber("models", graph.Assets.Count(IsModel));
            foreach (var status in Enum.GetValues<LineageStatus>())
            {
                w.WriteNumber(Name(status), graph.CountByStatus(status));
            }

            w.WriteNumber("columns", graph.ColumnCount);
            w.WriteNumber("edges", graph.EdgeCount);
            w.WriteEndObject();
            w.WriteStartArray("assets");
            foreach (var asset in graph.Assets)
            {
                WriteAsset(w, asset, graph);
            }

            w.WriteEndArray();
            Diagnostics(w, "diagnostics", graph.Diagnostics);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>Why an asset's lineage is not complete, one reason per line; empty when it is.</summary>
    public static IEnumerable<string> Why(AssetNode asset, LineageGraph graph)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(graph);
        if (asset.Traits.Kind == AssetTraits.PythonKind)
        {
            yield return "Python model: its code is not read, so its upstreams count at model level";
        }
        else if (asset.Traits.Kind == AssetTraits.RoutineKind)
        {
            yield return "procedure or multi-statement function: its upstreams are the objects it names, at model level";
        }

        if (asset.Inputs.PartiallyRendered)
        {
            yield return "the Jinja could not be rendered in full (see the diagnostics for the macro or call)";
        }

        foreach (var upstream in asset.Columns.SelectMany(c => c.Sources).Concat(asset.RowSources).Where(e => e.IsWildcard).Select(e => e.Asset).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return $"reads {upstream} through a star whose columns are unknown (declare them in YAML, or give --catalog)";
        }

        var inferred = asset.Columns.Where(c => c.Inferred).Select(c => c.Name).ToList();
        if (inferred.Count > 0)
        {
            yield return $"columns inferred from what downstream models read (its columns are unknown: declare them in YAML, or give --catalog): {string.Join(", ", inferred)}";
        }

        foreach (var upstream in asset.Columns.SelectMany(c => c.Sources).Concat(asset.RowSources).Where(e => ReadsInferred(e, graph)).GroupBy(e => e.Asset, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"reads columns of {upstream.Key} that are inferred, not known: {string.Join(", ", upstream.Select(e => e.Column).Distinct(StringComparer.OrdinalIgnoreCase))}";
        }

        foreach (var diagnostic in asset.Diagnostics.Where(d => d.Code == SqlLineage.InferredOwnerCode))
        {
            yield return diagnostic.Message;
        }

        foreach (var diagnostic in asset.Diagnostics.Where(d => d.Severity >= Sql.Text.DiagnosticSeverity.Warning))
        {
            yield return $"{diagnostic.Code} at {diagnostic.Location}";
        }
    }

    private static void WriteAsset(Utf8JsonWriter w, AssetNode asset, LineageGraph graph)
    {
        w.WriteStartObject();
        w.WriteString("id", asset.Id);
        w.WriteString("type", asset.Type.ToName());
        if (asset.Path is not null)
        {
            w.WriteString("path", asset.Path);
        }

        if (asset.Line > 0)
        {
            w.WriteNumber("line", asset.Line);
        }

        w.WriteString("status", Name(asset.Status));
        if (asset.Traits.Materialization is { } materialization)
        {
            w.WriteString("materialization", materialization);
        }

        if (asset.Traits.Kind is { } kind)
        {
            w.WriteString("kind", kind);
        }

        if (asset.HasWildcard)
        {
            w.WriteBoolean("has_wildcard", true);
        }

        if (asset.Status != LineageStatus.Complete || asset.HasWildcard || asset.Columns.Any(c => c.Inferred))
        {
            Strings(w, "why", Why(asset, graph));
        }

        Strings(w, "depends_on", asset.DependsOn);
        Strings(w, "owners", asset.Owners);
        w.WriteStartArray("columns");
        foreach (var column in asset.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", column.Name);
            if (column.Type is not null)
            {
                w.WriteString("type", column.Type);
            }

            if (column.Line > 0)
            {
                w.WriteNumber("line", column.Line);
            }

            if (column.Inferred)
            {
                w.WriteBoolean("inferred", true);
            }

            Edges(w, "sources", column.Sources, graph);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (!asset.RowSources.IsEmpty)
        {
            Edges(w, "row_sources", asset.RowSources, graph);
        }

        if (!asset.References.IsEmpty)
        {
            Edges(w, "references", asset.References, graph);
        }

        Diagnostics(w, "diagnostics", asset.Diagnostics);
        w.WriteEndObject();
    }

    private static void Edges(Utf8JsonWriter w, string name, IEnumerable<ColumnEdge> edges, LineageGraph graph)
    {
        w.WriteStartArray(name);
        foreach (var edge in edges)
        {
            w.WriteStartObject();
            w.WriteString("asset", edge.Asset);
            w.WriteString("column", edge.Column);
            w.WriteString("kind", Name(edge.Kind));
            if (edge.Line > 0)
            {
                w.WriteNumber("line", edge.Line);
            }

            if (ReadsInferred(edge, graph))
            {
                w.WriteBoolean("inferred", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Diagnostics(Utf8JsonWriter w, string name, IEnumerable<FileDiagnostic> diagnostics)
    {
        w.WriteStartArray(name);
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", d.Message);
            w.WriteString("path", d.Path);
            w.WriteNumber("line", d.Line);
            w.WriteNumber("column", d.Column);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>The edge reads a column its upstream only has as inferred.</summary>
    private static bool ReadsInferred(ColumnEdge edge, LineageGraph graph) =>
        !edge.IsWildcard && graph.Find(edge.Asset)?.FindColumn(edge.Column) is { Inferred: true };

    private static bool IsModel(AssetNode asset) => asset.Type is AssetType.Model or AssetType.Snapshot;

    private static string Name(LineageStatus status) => status.ToString().ToLowerInvariant();

    private static string Name(EdgeKind kind) => kind.ToString().ToLowerInvariant();
}
