using ImpactBot.Core.Graph;

namespace ImpactBot.Dbt.Tests.Fidelity;

/// <summary>What "agrees with dbt" compares for one model: its output column names and each column's upstream (asset, column) edges.</summary>
internal sealed record LineageSignature(IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string> Edges)
{
    /// <summary>
    /// The binder names a dbt-injected ephemeral CTE (<c>__dbt__cte__x</c>) <c>model.x</c>, which the graph does not
    /// resolve to the asset <c>x</c> that rendered SQL reaches through <c>ref('x')</c>: both mean that model.
    /// </summary>
    private static string AssetName(string asset) =>
        asset.StartsWith("model.", StringComparison.OrdinalIgnoreCase) ? asset[6..].ToLowerInvariant() : asset.ToLowerInvariant();

    public static LineageSignature Of(AssetNode model) => new(
        [.. model.Columns.Select(c => c.Name.ToLowerInvariant())],
        model.Columns.GroupBy(c => c.Name.ToLowerInvariant()).ToDictionary(
            g => g.Key,
            g => string.Join(", ", g.SelectMany(c => c.Sources).Select(e => $"{AssetName(e.Asset)}.{e.Column.ToLowerInvariant()}").Distinct().Order(StringComparer.Ordinal)),
            StringComparer.Ordinal));

    /// <summary>The first difference, or null when both agree.</summary>
    public string? Difference(LineageSignature dbt)
    {
        if (!Columns.SequenceEqual(dbt.Columns))
        {
            return $"columns [{string.Join(", ", Columns)}] but dbt has [{string.Join(", ", dbt.Columns)}]";
        }

        foreach (var (column, edges) in dbt.Edges)
        {
            if (Edges.GetValueOrDefault(column) != edges)
            {
                return $"{column} <- [{Edges.GetValueOrDefault(column)}] but dbt has [{edges}]";
            }
        }

        return null;
    }
}
