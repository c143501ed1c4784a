using ImpactBot.Core.Config;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Report;

namespace ImpactBot.Dbt.Analysis;

/// <summary>The report plus the graphs it was computed from (the base graph is what the snapshot cache keeps).</summary>
public sealed record AnalysisResult(ImpactReport Report, LineageGraph BaseGraph, LineageGraph HeadGraph, ImpactBotConfig Config)
{
    /// <summary>The head graph was built from the base graph and the changed files only (see <c>DeltaHead</c>).</summary>
    public bool DeltaHead { get; init; }
}
