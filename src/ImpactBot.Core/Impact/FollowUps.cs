using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>What a data engineer must do about an affected asset besides reading the report, matched to how it is built.</summary>
internal static class FollowUps
{
    public static ImmutableArray<string> For(AssetNode node, Severity severity)
    {
        var list = ImmutableArray.CreateBuilder<string>();
        if (severity >= Severity.Values && node.Traits.Materialization == "incremental")
        {
            list.Add(Incremental(node));
        }

        if (severity >= Severity.Values && node.Type == AssetType.Snapshot)
        {
            list.Add("snapshot: history already captured keeps the old values (dbt never rewrites it); plan a backfill if it matters");
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
                case AssetType.Model when node.Traits.LatestVersion is { } latest:
                    list.Add($"{node.Id} is versioned (latest v{latest}): add v{latest + 1} with the change and set deprecation_date on v{latest}");
                    break;
                case AssetType.Model when node.Traits.Contracted || node.Traits.Access == "public":
                    list.Add($"{node.Id} is contracted or public: publish a new model version rather than breaking it in place");
                    break;
            }
        }

        return list.ToImmutable();
    }

    /// <summary>dbt ignores <c>--full-refresh</c> on <c>full_refresh: false</c>, and microbatch models reprocess by batch.</summary>
    private static string Incremental(AssetNode node)
    {
        if (node.Traits.IncrementalStrategy == "microbatch")
        {
            return $"microbatch model: rows already built keep the old values; reprocess the affected batches with `dbt run -s {node.Id} --event-time-start START --event-time-end END`";
        }

        if (node.Traits.FullRefresh == false)
        {
            return $"incremental model with `full_refresh: false`: `--full-refresh` is ignored for it; backfill the affected rows (or lift `full_refresh: false` for one run)";
        }

        return $"incremental model: existing rows are not rewritten; run `dbt run --full-refresh -s {node.Id}` or backfill";
    }
}
