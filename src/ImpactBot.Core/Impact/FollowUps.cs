using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>What a data engineer must do about an affected asset besides reading the report.</summary>
internal static class FollowUps
{
    public static ImmutableArray<string> For(AssetNode node, Severity severity)
    {
        var list = ImmutableArray.CreateBuilder<string>();
        if (severity >= Severity.Values && node.Traits.Materialization == "incremental")
        {
            list.Add($"incremental model: existing rows are not rewritten; run `dbt run --full-refresh -s {node.Id}` or backfill");
        }

        if (severity >= Severity.Values && node.Type == AssetType.Snapshot)
        {
            list.Add("snapshot: history already captured keeps the old values; plan a backfill if it matters");
        }

        if (severity == Severity.Breaking)
        {
            switch (node.Type)
            {
                case AssetType.Test:
                    list.Add("data test references a removed column: update or remove it");
                    break;
                case AssetType.SemanticModel:
                case AssetType.Metric:
                    list.Add("semantic layer references a removed column: update the measure/dimension expression");
                    break;
                case AssetType.Model when node.Traits.Contracted || node.Traits.Access == "public":
                    list.Add($"{node.Id} is contracted or public: publish a new model version rather than breaking it in place");
                    break;
            }
        }

        return list.ToImmutable();
    }
}
