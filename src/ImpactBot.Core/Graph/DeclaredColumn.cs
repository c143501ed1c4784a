namespace ImpactBot.Core.Graph;

/// <summary>A column an asset declares outside SQL: yml, a seed's CSV header, catalog.json.</summary>
public sealed record DeclaredColumn(string Name, string? Type, int Line);
