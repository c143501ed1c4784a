using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Snapshot;

/// <summary>A loaded graph, or why the file could not be used (<see cref="Error"/> says what to do).</summary>
public sealed record SnapshotReadResult(LineageGraph? Graph, string? Error)
{
    /// <summary>The file is a snapshot but was built by other lineage rules: usable only as a cache hint, so rebuild.</summary>
    public bool EngineMismatch { get; init; }
}
