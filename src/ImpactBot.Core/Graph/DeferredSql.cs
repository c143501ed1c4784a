namespace ImpactBot.Core.Graph;

/// <summary>
/// Stands for the SQL of an asset whose files did not change: what binding needs to decide reuse without reading it.
/// <see cref="Loader"/> reads and renders it when the asset must be bound again (an upstream's columns changed).
/// </summary>
public sealed record DeferredSql(string BodyHash, string? SourceMapFingerprint, IDeferredSqlLoader Loader);

/// <summary>Reads the SQL of assets rebuilt without it (<see cref="DeferredSql"/>).</summary>
public interface IDeferredSqlLoader
{
    /// <summary>These assets are likely to be loaded next: read their files in one go.</summary>
    void Prefetch(IReadOnlyList<AssetDefinition> assets);

    /// <summary>The asset with its SQL, source map and rendering diagnostics, and no longer deferred.</summary>
    AssetDefinition Load(AssetDefinition stub);
}
