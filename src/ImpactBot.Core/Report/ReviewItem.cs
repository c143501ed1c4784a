using System.Collections.Immutable;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>
/// One checklist item: an affected asset under its root cause. <see cref="Id"/> hashes the key (cause, asset), so the item and
/// its tick survive reruns while the same change affects the same asset. Assets stale only because this asset fails to
/// build are <see cref="Folded"/> into it: acknowledged with it, gated through it.
/// </summary>
public sealed record ReviewItem(string Id, string Cause, AssetImpact Impact, ItemClass Class)
{
    public Severity Severity => Impact.Severity;

    public string Asset => Impact.Asset;

    public ImmutableArray<AssetImpact> Folded { get; init; } = [];

    /// <summary>Analysis problems that are this break itself (the column the asset reads is gone): evidence, not tool limits.</summary>
    public ImmutableArray<FileDiagnostic> Failures { get; init; } = [];

    /// <summary>The id the asset's item had before items were keyed by cause (one item per asset); its tick carries over.</summary>
    public string LegacyId => ImpactReport.ItemId(Impact);

    public string ShortId => Id[..Publishing.ChecklistItem.ShortIdLength];

    /// <summary>Who must look at it: the asset's owners.</summary>
    public ImmutableArray<string> Owners => Impact.Owners;

    public static string KeyId(string cause, AssetImpact impact)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(impact);
        return ContentHash.Of("item", cause.ToLowerInvariant(), impact.Type.ToName(), impact.Asset.ToLowerInvariant())[..12];
    }

    public static ItemClass ClassOf(AssetImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        if (impact.Type == AssetType.Test)
        {
            return ItemClass.Test;
        }

        if (impact.Severity == Severity.Breaking)
        {
            return ItemClass.Breaking;
        }

        if (IsConsumer(impact))
        {
            return ItemClass.Consumer;
        }

        return impact.Severity switch
        {
            Severity.Values => ItemClass.Values,
            Severity.Schema => ItemClass.Schema,
            _ => ItemClass.Info,
        };
    }

    /// <summary>Read outside the data team's models: exposures, the semantic layer, catalog entries, public or contracted models.</summary>
    public static bool IsConsumer(AssetImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return impact.Type is AssetType.Exposure or AssetType.SemanticModel or AssetType.Metric or AssetType.External
            || impact.Type == AssetType.Model && (impact.Traits.Contracted || impact.Traits.Access == "public");
    }
}
