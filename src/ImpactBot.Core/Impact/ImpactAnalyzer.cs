using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>
/// Walks downstream from the changed columns over column edges (model-level where columns are unknown) and collects every
/// affected asset with its severity, columns, reason path and owners. A downstream asset that only reads other columns of
/// a changed model is not reached by a column-only change.
/// </summary>
public static class ImpactAnalyzer
{
    public static ImmutableArray<AssetImpact> Analyze(
        LineageGraph baseGraph,
        LineageGraph headGraph,
        IReadOnlyList<AssetChange> changes,
        Func<string, string, int>? findLine = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var walk = new ImpactWalk(new ConsumerIndex(baseGraph, headGraph), ColumnRenames.Of(baseGraph, headGraph, changes), findLine);
        foreach (var change in changes)
        {
            walk.Seed(change);
        }

        walk.Run();
        return walk.Results(headGraph, baseGraph);
    }
}
