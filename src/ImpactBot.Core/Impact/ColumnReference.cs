namespace ImpactBot.Core.Impact;

/// <summary>Where an affected asset references a changed column: file and line, for the report's links and annotations.</summary>
public sealed record ColumnReference(string Column, string Path, int Line);
