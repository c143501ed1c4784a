namespace ImpactBot.Core.Graph;

public enum AssetType
{
    Model,
    Source,
    Seed,
    Snapshot,
    Exposure,
    Test,
    SemanticModel,
    Metric,

    /// <summary>A table or view created by a plain SQL file (no dbt), or a relation nobody in the repository defines.</summary>
    Relation,

    /// <summary>A downstream asset declared in .impactbot.yml's catalog (dashboard, ML model, notebook...).</summary>
    External,
}
