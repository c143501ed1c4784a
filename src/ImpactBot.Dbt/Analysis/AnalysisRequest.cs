using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Timing;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// The commits of one analysis: the files of the merge base and of the head, which paths changed between them, and an
/// optional cached base snapshot. How the project is read (dialect, dbt artifacts) is <see cref="ProjectOptions"/>.
/// </summary>
public sealed record AnalysisRequest(IFileSource BaseFiles, IFileSource HeadFiles, string BaseCommit, string HeadCommit, IReadOnlyList<string> ChangedPaths)
{
    /// <summary>A snapshot loaded from the cache; refreshed incrementally when it was built from another commit.</summary>
    public LineageGraph? CachedBase { get; init; }

    /// <summary>Why the cached snapshot could not be used, when it could not (shown as a report warning).</summary>
    public string? CacheProblem { get; init; }

    /// <summary>Read the head commit in full even when the change would allow building it from the base graph.</summary>
    public bool FullHeadRead { get; init; }

    /// <summary>Where the phases' wall time is recorded, when the caller wants to show it.</summary>
    public PhaseTimings? Timings { get; init; }
}
