namespace ImpactBot.Core.Graph;

/// <summary>The built graph and how much of it was analysed anew versus reused from the previous snapshot.</summary>
public sealed record GraphBuildResult(LineageGraph Graph, int Analysed, int Reused);
