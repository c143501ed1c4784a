namespace ImpactBot.Sql.Lineage;

public enum LineageStatus
{
    /// <summary>Every output column is bound.</summary>
    Complete,

    /// <summary>
    /// Set by the lineage graph, never by the binder: bound in full, but on columns inferred from what downstream models
    /// read through a star over a relation whose columns are unknown, or on the owner of an ambiguous name that another
    /// query of the same shape gives (<see cref="NameShape"/>).
    /// </summary>
    Inferred,

    /// <summary>Something was skipped (an opaque span, an unexpanded star, an unresolved name), but the rest is bound.</summary>
    Partial,

    /// <summary>No query could be read; consumers fall back to model-level lineage.</summary>
    Failed,
}
