using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Snapshot;

/// <summary>
/// The column lineage of a graph as OpenLineage run events (spec 2-0-2), one JSON object per line: each model, seed or
/// snapshot is a job whose output dataset carries the <c>columnLineage</c> facet (1-2-0); its inputs are the assets it
/// reads. Dataset namespaces are <c>dialect://target</c> unless given. Events are deterministic for one graph: the run
/// id is derived from the commit and the asset, the event time is the caller's.
/// </summary>
public static class OpenLineageExport
{
    public const string EventSchema = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    public const string ColumnLineageSchema = "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet";

    /// <summary>Who produced the events: a URN naming ImpactBot (no URL of ours is implied).</summary>
    public const string Producer = "urn:impactbot:snapshot-export";

    /// <summary>The namespace of datasets when none is given: <c>snowflake://prod</c> from the graph's settings.</summary>
    public static string DefaultNamespace(LineageGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var settings = graph.Settings;
        var dialect = settings is { Dialect.Length: > 0 } ? settings.Dialect : "sql";
        var target = settings is { Target.Length: > 0 } ? settings.Target : "default";
        return $"{dialect}://{target}";
    }

    public static string Render(LineageGraph graph, DateTimeOffset eventTime, string? datasetNamespace = null, string jobNamespace = "impactbot")
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ns = datasetNamespace ?? DefaultNamespace(graph);
        var text = new StringBuilder();
        foreach (var asset in graph.Assets.Where(a => a.Type is AssetType.Model or AssetType.Snapshot or AssetType.Seed))
        {
            text.Append(Event(graph.Commit, asset, eventTime, ns, jobNamespace)).Append('\n');
        }

        return text.ToString();
    }

    private static string Event(string commit, AssetNode asset, DateTimeOffset eventTime, string ns, string jobNamespace)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("eventType", "COMPLETE");
            w.WriteString("eventTime", eventTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("producer", Producer);
            w.WriteString("schemaURL", EventSchema);
            w.WriteStartObject("run");
            w.WriteString("runId", RunId(commit, asset.Id));
            w.WriteEndObject();
            w.WriteStartObject("job");
            w.WriteString("namespace", jobNamespace);
            w.WriteString("name", asset.Id);
            w.WriteEndObject();
            w.WriteStartArray("inputs");
            foreach (var input in Inputs(asset))
            {
                w.WriteStartObject();
                w.WriteString("namespace", ns);
                w.WriteString("name", input);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("outputs");
            w.WriteStartObject();
            w.WriteString("namespace", ns);
            w.WriteString("name", asset.Id);
            w.WriteStartObject("facets");
            w.WriteStartObject("columnLineage");
            w.WriteString("_producer", Producer);
            w.WriteString("_schemaURL", ColumnLineageSchema);
            w.WriteStartObject("fields");
            foreach (var column in asset.Columns)
            {
                w.WriteStartObject(column.Name);
                InputFields(w, "inputFields", column.Sources, ns);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            InputFields(w, "dataset", asset.RowSources, ns);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Every asset read, by column or at model level, in a stable order.</summary>
    private static IEnumerable<string> Inputs(AssetNode asset) =>
        asset.Columns.SelectMany(c => c.Sources).Concat(asset.RowSources).Select(e => e.Asset)
            .Concat(asset.DependsOn)
            .Where(a => !a.Equals(asset.Id, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);

    /// <summary>Edges as input fields; a star nobody could expand names no field, so it is left out.</summary>
    private static void InputFields(Utf8JsonWriter w, string name, IEnumerable<ColumnEdge> edges, string ns)
    {
        w.WriteStartArray(name);
        foreach (var edge in edges.Where(e => !e.IsWildcard))
        {
            var (type, subtype) = Transformation(edge.Kind);
            w.WriteStartObject();
            w.WriteString("namespace", ns);
            w.WriteString("name", edge.Asset);
            w.WriteString("field", edge.Column);
            w.WriteStartArray("transformations");
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("subtype", subtype);
            if (edge.Kind == EdgeKind.Unknown)
            {
                w.WriteString("description", "the expression could not be classified");
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Edge kinds as OpenLineage transformation types: values are DIRECT, what decides rows is INDIRECT.</summary>
    internal static (string Type, string Subtype) Transformation(EdgeKind kind) => kind switch
    {
        EdgeKind.Copy => ("DIRECT", "IDENTITY"),
        EdgeKind.Aggregate => ("DIRECT", "AGGREGATION"),
        EdgeKind.Cast or EdgeKind.Transform or EdgeKind.Unknown => ("DIRECT", "TRANSFORMATION"),
        EdgeKind.Window => ("INDIRECT", "WINDOW"),
        EdgeKind.Conditional => ("INDIRECT", "CONDITIONAL"),
        EdgeKind.Filter => ("INDIRECT", "FILTER"),
        EdgeKind.Join => ("INDIRECT", "JOIN"),
        EdgeKind.Group => ("INDIRECT", "GROUP_BY"),
        _ => ("INDIRECT", "SORT"),
    };

    /// <summary>A version-8 style UUID from the commit and the asset, so the same graph gives the same events.</summary>
    private static string RunId(string commit, string asset)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(commit + "\n" + asset))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
