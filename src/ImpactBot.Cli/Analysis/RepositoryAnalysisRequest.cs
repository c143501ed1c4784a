using ImpactBot.Core.Timing;

namespace ImpactBot.Cli.Analysis;

/// <summary>What to compare: the merge base of <see cref="BaseRef"/> and <see cref="HeadRef"/> in the repository at <see cref="RepoDir"/>.</summary>
internal sealed record RepositoryAnalysisRequest(string RepoDir, string BaseRef, string HeadRef)
{
    /// <summary>A cached lineage snapshot of the base; loaded, refreshed when stale and written back. Null: none.</summary>
    public string? SnapshotPath { get; init; }

    /// <summary>Read the whole head even when a delta build is possible (<c>--full-read</c>).</summary>
    public bool FullHeadRead { get; init; }

    public PhaseTimings? Timings { get; init; }
}
