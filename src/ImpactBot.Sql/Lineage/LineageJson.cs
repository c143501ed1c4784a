using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ImpactBot.Sql.Lineage;

/// <summary>
/// Writes <see cref="QueryLineage"/> as the documented JSON contract of <c>impactbot lineage</c>: outputs in order, sources
/// sorted by table, column and kind, optional flags only when set.
/// </summary>
public static class LineageJson
{
    public static string Write(QueryLineage lineage, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, lineage);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, QueryLineage lineage)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lineage);
        writer.WriteStartObject();
        if (lineage.Target is { } target)
        {
            writer.WriteString("target", target);
        }

        writer.WriteStartArray("columns");
        foreach (var column in lineage.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            if (column.Opaque)
            {
                writer.WriteBoolean("opaque", true);
            }

            if (column.Type is { } type)
            {
                writer.WriteString("type", type);
            }

            WriteSources(writer, "sources", column.Sources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteSources(writer, "row", lineage.Row);
        writer.WriteStartArray("diagnostics");
        foreach (var d in lineage.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("code", d.Code);
            writer.WriteString("message", d.Message);
            writer.WriteNumber("line", d.Span.Line);
            writer.WriteNumber("column", d.Span.Column);
            writer.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("status", lineage.Status.ToString().ToLowerInvariant());
        writer.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter writer, string name, IEnumerable<ColumnSource> sources)
    {
        writer.WriteStartArray(name);
        foreach (var source in sources
            .OrderBy(s => s.Table, StringComparer.Ordinal)
            .ThenBy(s => s.Column, StringComparer.Ordinal)
            .ThenBy(s => s.Kind))
        {
            writer.WriteStartObject();
            writer.WriteString("table", source.Table);
            writer.WriteString("column", source.Column);
            writer.WriteString("kind", source.Kind.ToName());
            if (source.Inferred)
            {
                writer.WriteBoolean("inferred", true);
            }

            if (source.Candidate)
            {
                writer.WriteBoolean("candidate", true);
            }

            if (source.Path is { } path)
            {
                writer.WriteString("path", path);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
