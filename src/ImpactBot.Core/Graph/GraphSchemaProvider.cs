using System.Collections.Concurrent;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>
/// Serves the binder the output columns of assets already built in this pass (upstream first), so stars expand from
/// what the upstream really produces, with the columns only inferred from readers marked. An asset with an unexpanded
/// star, or without known columns, answers "unknown". A table no asset defines answers with the columns inferred for it
/// (<paramref name="externals"/>, by name as written without quotes), if any; a model's own table (<c>{{ this }}</c>)
/// answers with the catalog's columns of the model.
/// </summary>
internal sealed class GraphSchemaProvider(
    RelationResolver resolver,
    ConcurrentDictionary<string, AssetNode> built,
    ConcurrentDictionary<string, string[]> externals) : ISchemaProvider
{
    public IReadOnlyList<string>? FindColumns(IReadOnlyList<string> nameParts) => FindColumns(nameParts, out _);

    public IReadOnlyList<string>? FindColumns(IReadOnlyList<string> nameParts, out IReadOnlyList<bool>? inferred)
    {
        inferred = null;
        var name = string.Join('.', nameParts);
        var id = resolver.Resolve(name);
        if (id is null && OwnTables.TryGetValue(Normalize(name), out var own))
        {
            return own;
        }

        if (id is null && !externals.IsEmpty && externals.TryGetValue(Normalize(name), out var external))
        {
            inferred = [.. external.Select(_ => true)];
            return external;
        }

        if (id is null || !built.TryGetValue(id, out var node) || node.HasWildcard || node.Columns.IsEmpty)
        {
            return null;
        }

        var names = new string[node.Columns.Length];
        bool[]? flags = null;
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = node.Columns[i].Name;
            if (node.Columns[i].Inferred)
            {
                flags ??= new bool[names.Length];
                flags[i] = true;
            }
        }

        inferred = flags;
        return names;
    }

    /// <summary>Columns of the assets' own tables (<see cref="AssetDefinition.OwnTable"/>) where a catalog lists them.</summary>
    public IReadOnlyDictionary<string, string[]> OwnTables { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Owners of ambiguous names by query shape, settled from the first pass's evidence (empty until then).</summary>
    public IReadOnlyDictionary<string, NameOwner> Owners { get; set; } = new Dictionary<string, NameOwner>();

    public NameOwner? OwnerOf(string shapeKey) => Owners.TryGetValue(shapeKey, out var owner) ? owner : null;

    /// <summary>
    /// Whether the columns served are only some of the table's: a source's YAML columns, or a model's whose SQL could not
    /// be bound (failed), so only its YAML columns are known, as a model with none declared is open altogether.
    /// </summary>
    public bool IsLowerBound(IReadOnlyList<string> nameParts) =>
        resolver.Resolve(string.Join('.', nameParts)) is { } id && built.TryGetValue(id, out var node)
        && (node.Traits.OpenColumns || node.Status == LineageStatus.Failed);

    /// <summary>A table name as written, without quotes, so a name and its quoted spelling meet.</summary>
    public static string Normalize(string name) =>
        name.Replace("\"", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
}
