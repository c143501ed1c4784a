using System.Text.Json;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Sql.Lineage;

/// <summary>
/// Reads a schema document: <c>{"table": ["col", ..]}</c> or <c>{"table": {"col": "type", ..}}</c> (the cases.json style).
/// A problem is returned as a message that says where it is and what is expected.
/// </summary>
public static class SchemaJson
{
    private const string Expected = "expected a JSON object mapping table names to column lists, e.g. {\"shop.orders\": [\"id\", \"amount\"]}";

    public static (DictionarySchemaProvider? Schema, string? Error) Parse(string json, DialectFacts dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "", new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return (null, $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: {Expected}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"the document is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}: {Expected}");
            }

            var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var table in document.RootElement.EnumerateObject())
            {
                var columns = new List<string>();
                switch (table.Value.ValueKind)
                {
                    case JsonValueKind.Array:
                        foreach (var column in table.Value.EnumerateArray())
                        {
                            if (column.ValueKind != JsonValueKind.String)
                            {
                                return (null, $"table \"{table.Name}\": every column must be a string: {Expected}");
                            }

                            columns.Add(column.GetString()!);
                        }

                        break;
                    case JsonValueKind.Object:
                        foreach (var column in table.Value.EnumerateObject())
                        {
                            columns.Add(column.Name);
                        }

                        break;
                    default:
                        return (null, $"table \"{table.Name}\" maps to a {table.Value.ValueKind.ToString().ToLowerInvariant()}: {Expected}");
                }

                tables[table.Name] = columns;
            }

            return (new DictionarySchemaProvider(dialect, tables), null);
        }
    }
}
