namespace ImpactBot.Core.Graph;

public static class AssetTypeNames
{
    public static string ToName(this AssetType type) => type switch
    {
        AssetType.Model => "model",
        AssetType.Source => "source",
        AssetType.Seed => "seed",
        AssetType.Snapshot => "snapshot",
        AssetType.Exposure => "exposure",
        AssetType.Test => "test",
        AssetType.SemanticModel => "semantic_model",
        AssetType.Metric => "metric",
        AssetType.Relation => "relation",
        _ => "external",
    };
}
