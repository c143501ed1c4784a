namespace ImpactBot.Core.Graph;

/// <summary>
/// Maps a table name as written in SQL to the asset that defines it. Names compare case-insensitively with quotes dropped;
/// a name also matches by its trailing parts (<c>orders</c> finds <c>analytics.orders</c>) when that is unambiguous.
/// </summary>
public sealed class RelationResolver
{
    private const string Ambiguous = "\0ambiguous";
    private readonly Dictionary<string, string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _suffix = new(StringComparer.OrdinalIgnoreCase);

    public RelationResolver(IEnumerable<AssetDefinition> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        foreach (var asset in assets)
        {
            foreach (var relation in asset.Relations)
            {
                Register(Normalize(relation), asset.Id);
            }
        }
    }

    /// <summary>The asset id for a table name as written, or null when no asset (or more than one) matches.</summary>
    public string? Resolve(string tableAsWritten)
    {
        var name = Normalize(tableAsWritten);
        if (_exact.TryGetValue(name, out var id))
        {
            return id;
        }

        // db.schema.table written in SQL while the asset is registered as schema.table or table.
        for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            if (_exact.TryGetValue(name[(dot + 1)..], out id))
            {
                return id;
            }
        }

        return _suffix.TryGetValue(name, out id) && id != Ambiguous ? id : null;
    }

    private void Register(string name, string assetId)
    {
        _exact[name] = assetId;
        for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            var suffix = name[(dot + 1)..];
            _suffix[suffix] = _suffix.TryGetValue(suffix, out var existing) && !string.Equals(existing, assetId, StringComparison.OrdinalIgnoreCase)
                ? Ambiguous
                : assetId;
        }
    }

    private static string Normalize(string name) =>
        name.Contains('"', StringComparison.Ordinal) || name.Contains('`', StringComparison.Ordinal) || name.Contains('[', StringComparison.Ordinal)
            ? name.Replace("\"", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            : name;
}
