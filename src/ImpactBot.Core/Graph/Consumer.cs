namespace ImpactBot.Core.Graph;

/// <summary>One reading of an upstream asset by <see cref="Asset"/>: through <see cref="Edge"/> into <see cref="Column"/> (null for rows and references).</summary>
public sealed record Consumer(AssetNode Asset, string? Column, ColumnEdge Edge, ConsumerRole Role);
