using ImpactBot.Core.Files;
using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>The one report model every renderer reads: what changed, what it affects, and what could not be analysed.</summary>
public sealed record ImpactReport(
    string Base,
    string Head,
    ImmutableArray<AssetChange> Changes,
    ImmutableArray<AssetImpact> Impacts,
    ImmutableArray<FileDiagnostic> Diagnostics)
{
    /// <summary>Things the reader must know about the analysis itself (a stale snapshot, a missing manifest).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>How both commits were read (dialect and where it came from, target, vars); null when not recorded.</summary>
    public ReadSettings? Settings { get; init; }

    /// <summary>The diagnostics that fail the check whatever the impacts (<see cref="BlockingDiagnostics"/>).</summary>
    public ImmutableArray<FileDiagnostic> Blocking => [.. Diagnostics.Where(BlockingDiagnostics.Fails)];

    public int Count(Severity severity) => Impacts.Count(i => i.Severity == severity);

    /// <summary>The worst severity among impacts, or null when nothing is affected.</summary>
    public Severity? Worst => Impacts.IsEmpty ? null : Impacts.Max(i => i.Severity);

    /// <summary>A stable id per affected asset, so a tick survives reruns as long as the asset stays affected.</summary>
    public static string ItemId(AssetImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return ContentHash.Of(impact.Type.ToName(), impact.Asset.ToLowerInvariant())[..12];
    }
}
