namespace ImpactBot.Core.Graph;

/// <summary>
/// Stands for the SQL of an asset whose files did not change: what binding needs to decide reuse without reading it.
/// <see cref="Load"/> reads and renders it when the asset must be bound again (an upstream's columns changed).
/// </summary>
public sealed record DeferredSql(string BodyHash, string? SourceMapFingerprint, Func<AssetDefinition, AssetDefinition> Load);
