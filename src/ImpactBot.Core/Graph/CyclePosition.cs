namespace ImpactBot.Core.Graph;

/// <summary>Where an asset on a dependency cycle reads the next asset of the cycle: the <c>ref</c> (or table name) that closes it.</summary>
internal static class CyclePosition
{
    /// <summary>
    /// The file position of the first use of one of <paramref name="upstream"/>'s relation names in the asset's SQL, mapped
    /// back through the source map (a rendered <c>{{ ref('b') }}</c> maps to the tag); the asset's own line when none is found.
    /// </summary>
    public static (int Line, int Column) Of(AssetDefinition asset, AssetDefinition? upstream)
    {
        // An asset rebuilt from a snapshot has its SQL (and the map back to its file) only once loaded.
        var loaded = asset.Sql is null && asset.Deferred is { } deferred ? deferred.Loader.Load(asset) : asset;
        var sql = loaded.Sql;
        if (sql is null || upstream is null)
        {
            return (asset.Line, 0);
        }

        var first = -1;
        foreach (var relation in upstream.Relations)
        {
            var at = IndexOfName(sql, relation);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        if (first < 0)
        {
            return (asset.Line, 0);
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < first; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return loaded.SourceMap.ToSource(line, first - lineStart + 1);
    }

    /// <summary>The first occurrence of the name that is not part of a longer identifier.</summary>
    private static int IndexOfName(string sql, string name)
    {
        for (var at = sql.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = sql.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsNamePart(sql[at - 1])) && (end == sql.Length || !IsNamePart(sql[end])))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '$';
}
