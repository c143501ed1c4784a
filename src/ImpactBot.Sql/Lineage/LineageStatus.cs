namespace ImpactBot.Sql.Lineage;

public enum LineageStatus
{
    /// <summary>Every output column is bound.</summary>
    Complete,

    /// <summary>Something was skipped (an opaque span, an unexpanded star, an unresolved name), but the rest is bound.</summary>
    Partial,

    /// <summary>No query could be read; consumers fall back to model-level lineage.</summary>
    Failed,
}
