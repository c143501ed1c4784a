using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Timing;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Core.Analysis;

/// <summary>
/// Everything one analysis needs: the files of the merge base and of the head, which paths changed between them, and the
/// optional inputs (dialect override, dbt artifacts, a cached base snapshot).
/// </summary>
public sealed record AnalysisRequest(IFileSource BaseFiles, IFileSource HeadFiles, string BaseCommit, string HeadCommit, IReadOnlyList<string> ChangedPaths)
{
    public DialectFacts? Dialect { get; init; }

    public string? ProjectDir { get; init; }

    public string? ManifestText { get; init; }

    public string? CatalogText { get; init; }

    /// <summary>A snapshot loaded from the cache; refreshed incrementally when it was built from another commit.</summary>
    public LineageGraph? CachedBase { get; init; }

    /// <summary>Why the cached snapshot could not be used, when it could not (shown as a report warning).</summary>
    public string? CacheProblem { get; init; }

    /// <summary>Where the phases' wall time is recorded, when the caller wants to show it.</summary>
    public PhaseTimings? Timings { get; init; }
}
