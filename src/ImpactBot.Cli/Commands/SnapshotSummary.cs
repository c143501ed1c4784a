namespace ImpactBot.Cli.Commands;

/// <summary>The JSON summary of <c>snapshot build --format json</c> (DESIGN.md "Contracts").</summary>
internal sealed record SnapshotSummary(int Models, int Columns, int Edges, int Complete, int Inferred, int Partial, int Failed, double Seconds);
